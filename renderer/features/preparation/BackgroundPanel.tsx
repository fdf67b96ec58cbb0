import { ActionIcon, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackgroundSectionInput, Preparation } from '../../../shared/api/contract';
import { BACKGROUND_SECTIONS, BENEFIT_STATUSES, BENEFITS, EDUCATION_LEVELS, type BackgroundSection, type Benefit } from '../../../shared/domain/preparation';
import { invoke } from '../../api/client';
import {
  benefitsInput,
  educationInput,
  emptyWorkEntry,
  healthInput,
  isOneOf,
  LIMITS,
  readBenefits,
  readEducation,
  readRestricted,
  readSocial,
  readWorkHistory,
  restrictedInput,
  socialInput,
  workHistoryInput,
  type SavedSection,
  type WorkEntry,
} from './payloads';
import { SaveState } from './SaveState';
import { useAutosave, type Autosave } from './useAutosave';

interface SectionProps {
  caseId: string;
  saved: SavedSection | undefined;
  canEdit: boolean;
}

/**
 * The background sections of a case. Each section keeps its own state and saves itself, so a slow
 * or failed save of one never holds back another, and a refetch of the preparation (which hands
 * in new props) never resets what is being typed.
 */
export function BackgroundPanel({ caseId, background, restrictedHidden, canEdit }: { caseId: string; background: Preparation['background']; restrictedHidden: boolean; canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {BACKGROUND_SECTIONS.map((section) => {
        if (section === 'restricted' && restrictedHidden) {
          return <Text key={section} size="sm" c="dimmed">{t('prep.background.restrictedHidden')}</Text>;
        }
        const Section = SECTIONS[section];
        // Keyed by case too: another case must never inherit this one's typed state and save it as its own.
        return <Section key={`${caseId}:${section}`} caseId={caseId} saved={background[section]} canEdit={canEdit} />;
      })}
    </Stack>
  );
}

/** Saves one section through the contract; the stored time shows until this page saves. */
function useSectionAutosave({ caseId, saved, canEdit }: SectionProps, input: BackgroundSectionInput): Autosave {
  return useAutosave(input, (section) => invoke('cases.saveSection', { caseId, section }), { enabled: canEdit, initialSavedAt: saved?.updatedAt ?? null });
}

function useSummary(saved: SavedSection | undefined) {
  return useState(() => saved?.text ?? '');
}

/** The frame every section shares: heading, its own fields, the summary and the save status. */
function SectionCard({ section, text, onText, readOnly, autosave, children }: { section: BackgroundSection; text: string; onText: (v: string) => void; readOnly: boolean; autosave: Autosave; children?: ReactNode }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={titleId}>{t(`prep.background.sections.${section}`)}</Title>
        {children}
        <Textarea
          label={t('prep.background.summary')}
          autosize
          minRows={3}
          maxRows={16}
          maxLength={LIMITS.text}
          readOnly={readOnly}
          description={t('clients.textCount', { count: text.length, max: LIMITS.text })}
          value={text}
          onChange={(e) => onText(e.currentTarget.value)}
        />
        <SaveState autosave={autosave} />
      </Stack>
    </Paper>
  );
}

/** A long free-text field of a section (qualifications, housing, substance…). */
function LongText({ label, value, max, readOnly, onChange }: { label: string; value: string; max: number; readOnly: boolean; onChange: (v: string) => void }) {
  return <Textarea label={label} autosize minRows={2} maxRows={10} maxLength={max} readOnly={readOnly} value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
}

function EducationSection(props: SectionProps) {
  const { t } = useTranslation();
  const [data, setData] = useState(() => readEducation(props.saved?.data));
  const [text, setText] = useSummary(props.saved);
  const autosave = useSectionAutosave(props, educationInput(data, text));
  const readOnly = !props.canEdit;
  return (
    <SectionCard section="education" text={text} onText={setText} readOnly={readOnly} autosave={autosave}>
      <Select
        label={t('prep.background.level')}
        data={EDUCATION_LEVELS.map((l) => ({ value: l, label: t(`prep.background.levels.${l}`) }))}
        clearable={!readOnly}
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        readOnly={readOnly}
        value={data.level}
        onChange={(v) => setData((d) => ({ ...d, level: isOneOf(EDUCATION_LEVELS, v) ? v : null }))}
        maw={360}
      />
      <LongText label={t('prep.background.qualifications')} value={data.qualifications} max={LIMITS.qualifications} readOnly={readOnly} onChange={(qualifications) => setData((d) => ({ ...d, qualifications }))} />
    </SectionCard>
  );
}

function WorkHistorySection(props: SectionProps) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState(() => readWorkHistory(props.saved?.data, () => crypto.randomUUID()).entries);
  const [text, setText] = useSummary(props.saved);
  // The entry just added gets the focus, and removing one returns it to the add button.
  const [added, setAdded] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const autosave = useSectionAutosave(props, workHistoryInput(entries, text));
  const readOnly = !props.canEdit;
  const change = (id: string, patch: Partial<WorkEntry>) => setEntries((all) => all.map((e) => (e.id === id ? { ...e, ...patch } : e)));
  const add = () => {
    const id = crypto.randomUUID();
    setEntries((all) => [...all, emptyWorkEntry(id)]);
    setAdded(id);
  };
  const remove = (id: string) => {
    setEntries((all) => all.filter((e) => e.id !== id));
    addButton.current?.focus();
  };
  const field = (e: WorkEntry, key: 'employer' | 'role' | 'endReason') => (
    <TextInput label={t(`prep.background.${key}`)} maxLength={LIMITS.short} readOnly={readOnly} value={e[key]} onChange={(ev) => change(e.id, { [key]: ev.currentTarget.value })} />
  );
  return (
    <SectionCard section="work_history" text={text} onText={setText} readOnly={readOnly} autosave={autosave}>
      {entries.length > 0 && (
        <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {entries.map((e, i) => (
            <Paper component="li" key={e.id} withBorder p="xs">
              <Group align="flex-end" gap="xs" wrap="nowrap">
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="xs" style={{ flex: 1 }}>
                  <TextInput label={t('prep.background.from')} maxLength={LIMITS.month} readOnly={readOnly} autoFocus={e.id === added} value={e.from} onChange={(ev) => change(e.id, { from: ev.currentTarget.value })} />
                  <TextInput label={t('prep.background.to')} maxLength={LIMITS.month} readOnly={readOnly} value={e.to} onChange={(ev) => change(e.id, { to: ev.currentTarget.value })} />
                  {field(e, 'employer')}
                  {field(e, 'role')}
                  {field(e, 'endReason')}
                </SimpleGrid>
                {!readOnly && (
                  <ActionIcon variant="default" size="lg" mb={2} aria-label={t('prep.background.removeJob', { n: i + 1 })} onClick={() => remove(e.id)}>
                    ×
                  </ActionIcon>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {!readOnly && (
        <Group>
          <Button ref={addButton} size="xs" variant="default" disabled={entries.length >= LIMITS.entries} onClick={add}>
            {t('prep.background.addJob')}
          </Button>
        </Group>
      )}
    </SectionCard>
  );
}

function HealthSection(props: SectionProps) {
  const [text, setText] = useSummary(props.saved);
  const autosave = useSectionAutosave(props, healthInput(text));
  return <SectionCard section="health" text={text} onText={setText} readOnly={!props.canEdit} autosave={autosave} />;
}

function SocialSection(props: SectionProps) {
  const { t } = useTranslation();
  const [data, setData] = useState(() => readSocial(props.saved?.data));
  const [text, setText] = useSummary(props.saved);
  const autosave = useSectionAutosave(props, socialInput(data, text));
  return (
    <SectionCard section="social" text={text} onText={setText} readOnly={!props.canEdit} autosave={autosave}>
      {(['housing', 'finances', 'family', 'debts'] as const).map((key) => (
        <LongText key={key} label={t(`prep.background.${key}`)} value={data[key]} max={LIMITS.social} readOnly={!props.canEdit} onChange={(v) => setData((d) => ({ ...d, [key]: v }))} />
      ))}
    </SectionCard>
  );
}

function BenefitsSection(props: SectionProps) {
  const { t } = useTranslation();
  const [rows, setRows] = useState(() => readBenefits(props.saved?.data));
  const [text, setText] = useSummary(props.saved);
  const autosave = useSectionAutosave(props, benefitsInput(rows, text));
  const readOnly = !props.canEdit;
  const change = (b: Benefit, patch: Partial<(typeof rows)[Benefit]>) => setRows((all) => ({ ...all, [b]: { ...all[b], ...patch } }));
  const statuses = BENEFIT_STATUSES.map((s) => ({ value: s, label: t(`prep.background.benefitStatuses.${s}`) }));
  return (
    <SectionCard section="benefits" text={text} onText={setText} readOnly={readOnly} autosave={autosave}>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('prep.background.benefit')}</Table.Th>
              <Table.Th w={200}>{t('prep.background.benefitStatus')}</Table.Th>
              <Table.Th>{t('prep.background.benefitNote')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {BENEFITS.map((b) => {
              const label = t(`prep.background.benefits.${b}`);
              const row = rows[b];
              return (
                <Table.Tr key={b}>
                  <Table.Th scope="row" fw={400}>{label}</Table.Th>
                  <Table.Td>
                    <Select
                      aria-label={`${label}: ${t('prep.background.benefitStatus')}`}
                      data={statuses}
                      clearable={!readOnly}
                      clearButtonProps={{ 'aria-label': t('common.clear') }}
                      readOnly={readOnly}
                      value={row.status}
                      onChange={(v) => change(b, { status: isOneOf(BENEFIT_STATUSES, v) ? v : null })}
                    />
                  </Table.Td>
                  <Table.Td>
                    {/* Without a status the row is not saved, so a note there would be lost: it waits for one. */}
                    <TextInput
                      aria-label={`${label}: ${t('prep.background.benefitNote')}`}
                      maxLength={LIMITS.short}
                      readOnly={readOnly || row.status === null}
                      value={row.note}
                      onChange={(e) => change(b, { note: e.currentTarget.value })}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </SectionCard>
  );
}

function RestrictedSection(props: SectionProps) {
  const { t } = useTranslation();
  const [data, setData] = useState(() => readRestricted(props.saved?.data));
  const [text, setText] = useSummary(props.saved);
  const autosave = useSectionAutosave(props, restrictedInput(data, text));
  return (
    <SectionCard section="restricted" text={text} onText={setText} readOnly={!props.canEdit} autosave={autosave}>
      {(['substance', 'mentalHealth'] as const).map((key) => (
        <LongText key={key} label={t(`prep.background.${key}`)} value={data[key]} max={LIMITS.restricted} readOnly={!props.canEdit} onChange={(v) => setData((d) => ({ ...d, [key]: v }))} />
      ))}
    </SectionCard>
  );
}

const SECTIONS: Record<BackgroundSection, (props: SectionProps) => ReactNode> = {
  education: EducationSection,
  work_history: WorkHistorySection,
  health: HealthSection,
  social: SocialSection,
  benefits: BenefitsSection,
  restricted: RestrictedSection,
};
