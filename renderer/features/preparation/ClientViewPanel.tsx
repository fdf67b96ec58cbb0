import { Badge, Fieldset, Group, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientViewInput, Preparation } from '../../../shared/api/contract';
import { KYKYVIISARI_DOMAINS, waiBand, workAbilityScoreBand } from '../../../shared/domain/preparation';
import { invoke } from '../../api/client';
import { buildClientView, clientViewForm, LIMITS, parseNumberField, type ClientViewForm, type KykyviisariDomain, type NumberField } from './payloads';
import { SaveState } from './SaveState';
import { useAutosave } from './useAutosave';

const NOT_RATED = 'none';
const RATINGS = Array.from({ length: 11 }, (_, i) => String(i));

/**
 * The client's own view in their words and the recorded scores. The whole view is one autosave;
 * while a number is out of range the last valid view stays the one being saved, and the typed text
 * stays in the field with an error, so nothing is silently clamped or thrown away.
 */
export function ClientViewPanel(props: { caseId: string; view: Preparation['clientView']; canEdit: boolean }) {
  // Keyed by case: another case must never inherit this one's typed state and save it as its own.
  return <ClientViewEditor key={props.caseId} {...props} />;
}

function ClientViewEditor({ caseId, view, canEdit }: { caseId: string; view: Preparation['clientView']; canEdit: boolean }) {
  const { t } = useTranslation();
  const ratingLabel = useId();
  const [form, setForm] = useState(() => clientViewForm(view));
  const [valid, setValid] = useState<ClientViewInput>(() => {
    const first = buildClientView(clientViewForm(view));
    // A stored view always parses; the fallback only keeps the types honest.
    return first.ok ? first.view : { goals: '', helps: '', hinders: '', selfRating: null, waiTotal: null, kykyviisari: {} };
  });
  const check = buildClientView(form);
  const autosave = useAutosave(valid, (v) => invoke('cases.saveClientView', { caseId, view: v }), { enabled: canEdit, initialSavedAt: view?.updatedAt ?? null });
  const readOnly = !canEdit;

  const update = (patch: Partial<ClientViewForm>) => {
    const next = { ...form, ...patch };
    setForm(next);
    const built = buildClientView(next);
    if (built.ok) setValid(built.view);
  };
  const text = (key: 'goals' | 'helps' | 'hinders') => (
    <Textarea
      label={t(`prep.view.${key}`)}
      autosize
      minRows={3}
      maxRows={14}
      maxLength={LIMITS.text}
      readOnly={readOnly}
      description={t('clients.textCount', { count: form[key].length, max: LIMITS.text })}
      value={form[key]}
      onChange={(e) => update({ [key]: e.currentTarget.value })}
    />
  );
  const wai = parseNumberField(form.waiTotal, 7, 49, true);
  const invalid = t('errors.invalid_input');

  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Text size="sm">{t('prep.view.intro')}</Text>
        {text('goals')}
        {text('helps')}
        {text('hinders')}
        <div>
          <Text id={ratingLabel} size="sm" fw={500} mb={4}>{t('prep.view.selfRating')}</Text>
          <Group gap="sm" wrap="wrap">
            <SegmentedControl
              aria-labelledby={ratingLabel}
              readOnly={readOnly}
              data={[{ value: NOT_RATED, label: t('prep.view.selfRatingNone') }, ...RATINGS.map((r) => ({ value: r, label: r }))]}
              value={form.selfRating === null ? NOT_RATED : String(form.selfRating)}
              onChange={(v) => update({ selfRating: v === NOT_RATED ? null : Number(v) })}
            />
            {form.selfRating !== null && (
              <Badge variant="outline" color="indigo.8" size="lg">{t(`prep.view.bands.${workAbilityScoreBand(form.selfRating)}`)}</Badge>
            )}
          </Group>
        </div>
        <Group align="flex-start" gap="sm">
          <NumberInput
            label={t('prep.view.wai')}
            min={7}
            max={49}
            step={1}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            readOnly={readOnly}
            maw={320}
            value={form.waiTotal}
            error={check.ok || !check.waiInvalid ? null : invalid}
            onChange={(v) => update({ waiTotal: v })}
          />
          {typeof wai === 'number' && (
            <Badge variant="outline" color="indigo.8" size="lg" mt={28}>{t('prep.view.waiBand', { band: t(`prep.view.bands.${waiBand(wai)}`) })}</Badge>
          )}
        </Group>
        <Fieldset legend={t('prep.view.kykyviisari')} variant="unstyled">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            {KYKYVIISARI_DOMAINS.map((d) => (
              <DomainScore
                key={d}
                label={t(`prep.view.domains.${d}`)}
                value={form.kykyviisari[d]}
                readOnly={readOnly}
                error={!check.ok && check.invalidDomains.includes(d) ? invalid : null}
                onChange={(v) => update({ kykyviisari: { ...form.kykyviisari, [d]: v } satisfies Record<KykyviisariDomain, NumberField> })}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
        <SaveState autosave={autosave} />
      </Stack>
    </Paper>
  );
}

function DomainScore({ label, value, readOnly, error, onChange }: { label: string; value: NumberField; readOnly: boolean; error: string | null; onChange: (v: NumberField) => void }) {
  return (
    <NumberInput
      label={label}
      min={0}
      max={10}
      step={0.1}
      allowNegative={false}
      clampBehavior="none"
      readOnly={readOnly}
      value={value}
      error={error}
      onChange={onChange}
    />
  );
}
