import { Button, NativeSelect, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { icfCategory, qualifiersFor } from '../../../../shared/domain/icf';
import type { Profession } from '../../../../shared/domain/user';
import { invoke } from '../../../api/client';
import { useSettings, useStoredField } from '../context';
import { observationKey, qualifierKey, readQualifier, readText } from '../keys';
import { qualifierLabel } from '../icfLabels';
import { FieldStatus, Synced } from '../Synced';

/** The category column stays put while the professions' columns scroll sideways. */
export const STICKY = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)', minWidth: 180 } as const;

/**
 * One ICF category: its qualifier and each profession's observation. Memoised and reading its own
 * fields only, so a save elsewhere in a table of sixty categories does not re-render this row.
 */
export const IcfRow = memo(function IcfRow({ code, name, added, professions }: { code: string; name: string; added: boolean; professions: readonly Profession[] }) {
  const { t } = useTranslation();
  const { itemId, editable, refresh } = useSettings();
  const component = icfCategory(code)?.component ?? (code[0] === 'e' ? 'e' : 'd');
  const qStored = useStoredField(qualifierKey(code));
  const q = readQualifier(qStored);
  const remove = useMutation({
    mutationFn: () => invoke('assessment.change', { itemId, change: { kind: 'icfRemove', code } }),
    onSuccess: () => refresh(),
  });
  const rowLabel = `${code} ${name}`;
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={400} style={STICKY}>
        <Text fw={700} span>{code}</Text> {name}
      </Table.Th>
      <Table.Td miw={190}>
        {!editable ? (
          <Text>{q ? qualifierLabel(t, q, component) : t('session.empty')}</Text>
        ) : (
          <Synced server={q} stored={qStored} toChange={(value) => ({ kind: 'icfQualifier', code, value })}>
            {(b) => (
              <Stack gap={2} {...b.focus}>
                <NativeSelect
                  aria-label={t('session.icf.qualifierFor', { category: rowLabel })}
                  data={[{ value: '', label: t('session.icf.notRated') }, ...qualifiersFor(component).map((v) => ({ value: v, label: qualifierLabel(t, v, component) }))]}
                  value={b.value ?? ''}
                  data-field
                  onChange={(e) => b.setNow(e.currentTarget.value === '' ? null : e.currentTarget.value)}
                />
                <FieldStatus autosave={b.autosave} stored={qStored} compact />
              </Stack>
            )}
          </Synced>
        )}
      </Table.Td>
      {professions.map((p) => (
        <Observation key={p} code={code} profession={p} rowLabel={rowLabel} />
      ))}
      {editable && (
        <Table.Td>
          {added && (
            <Button size="compact-sm" variant="default" loading={remove.isPending} onClick={() => remove.mutate()} aria-label={t('session.icf.removeLabel', { category: rowLabel })}>
              {t('session.icf.remove')}
            </Button>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
});

const Observation = memo(function Observation({ code, profession, rowLabel }: { code: string; profession: Profession; rowLabel: string }) {
  const { t } = useTranslation();
  const { editable } = useSettings();
  const stored = useStoredField(observationKey(code, profession));
  const server = readText(stored);
  if (!editable) return <Table.Td><Text style={{ whiteSpace: 'pre-wrap' }}>{server}</Text></Table.Td>;
  return (
    <Table.Td miw={200}>
      <Synced server={server} stored={stored} toChange={(value) => ({ kind: 'icfObservation', code, profession, value })}>
        {(b) => (
          <Stack gap={2} {...b.focus}>
            {/* Fixed rows, not autosize: measuring hundreds of text areas on every step change is slow. */}
            <Textarea
              aria-label={t('session.icf.observationFor', { profession: t(`professions.${profession}`), category: rowLabel })}
              rows={2}
              resize="vertical"
              maxLength={20_000}
              value={b.value}
              onChange={(e) => b.set(e.currentTarget.value)}
            />
            <FieldStatus autosave={b.autosave} stored={stored} compact />
          </Stack>
        )}
      </Synced>
    </Table.Td>
  );
});
