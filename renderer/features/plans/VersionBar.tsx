import { Alert, Badge, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasePlan, PlanVersion } from '../../../shared/api/contract';
import { formatDateTime } from '../../../shared/domain/dates';
import type { PlanState } from '../../../shared/domain/plan';
import { FormError } from '../session/FormError';
import { planKeys, usePlanMutation } from './usePlan';

const NEWEST = 'newest';
// Each at least 5:1 on white (Mantine's orange and green 9 are not).
const STATE_COLORS: Record<PlanState, string> = { draft: 'indigo.8', frozen: 'cyan.9', locked: 'teal.9', superseded: 'gray.8' };

export function StateBadge({ state }: { state: PlanState }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" tt="none" color={STATE_COLORS[state]} styles={{ root: { maxWidth: 'none', height: 'auto' }, label: { overflow: 'visible', whiteSpace: 'normal' } }}>
      {t(`plans.states.${state}`)}
    </Badge>
  );
}

interface VersionBarProps {
  summary: CasePlan;
  version: PlanVersion;
  selected: number | 'newest';
  onSelect: (v: number | 'newest') => void;
  /** The shared screen: the version and its state as text, no picker. */
  readOnly: boolean;
  /** Beside the picker: what can be done with the shown version (the PDF export outside meetings). */
  actions?: ReactNode;
}

/** Which version is shown (any older one can be read), its state, and who changed it last. */
export function VersionBar({ summary, version: v, selected, onSelect, readOnly, actions }: VersionBarProps) {
  const { t, i18n } = useTranslation();
  const newest = Math.max(...summary.versions.map((s) => s.version), v.version);
  const options = [...summary.versions]
    .sort((a, b) => b.version - a.version)
    .map((s) => ({
      value: s.version === newest ? NEWEST : String(s.version),
      label: t(s.version === newest ? 'plans.versionNewest' : 'plans.versionOption', { version: s.version, state: t(`plans.states.${s.state}`) }),
    }));
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
      <Group gap="sm" align="flex-end">
        {!readOnly && options.length > 1 ? (
          <NativeSelect
            label={t('plans.versionPicker')}
            data={options}
            value={selected === 'newest' || selected === newest ? NEWEST : String(selected)}
            onChange={(e) => onSelect(e.currentTarget.value === NEWEST ? 'newest' : Number(e.currentTarget.value))}
          />
        ) : (
          <Text fw={700}>{t('plans.versionLabel', { version: v.version })}</Text>
        )}
        <StateBadge state={v.state} />
        {!readOnly && actions}
      </Group>
      {!readOnly && v.updatedByName && (
        <Text size="sm" c="dimmed">
          {t('plans.updatedBy', { time: formatDateTime(v.updatedAt, i18n.language), name: v.updatedByName })}
        </Text>
      )}
    </Group>
  );
}

interface StateNoteProps {
  caseId: string;
  version: PlanVersion;
  isNewest: boolean;
  /** The user may start a revision here (not the shared screen, not a read-only user). */
  canWrite: boolean;
  onRevised: () => void;
}

/** What the state means for the reader: frozen for signing, signed and locked (revise), or superseded. */
export function StateNote({ caseId, version: v, isNewest, canWrite, onRevised }: StateNoteProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const revise = usePlanMutation(caseId, 'plans.revise');
  if (v.state === 'draft') return null;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : '');
  const text =
    v.state === 'frozen'
      ? t('plans.stateNote.frozen')
      : v.state === 'locked'
        ? t('plans.stateNote.locked', { date: when(v.lockedAt) })
        : t('plans.stateNote.superseded', { next: v.version + 1 });
  return (
    <Alert variant="outline" color="dark" title={t(`plans.states.${v.state}`)}>
      <Stack gap="sm">
        <Text c="var(--mantine-color-text)">{text}</Text>
        {v.state === 'locked' && isNewest && canWrite && (
          <Group>
            <Button
              loading={revise.isPending}
              onClick={() =>
                revise.mutate(
                  { planId: v.planId },
                  {
                    onSuccess: () => {
                      void queryClient.invalidateQueries({ queryKey: planKeys.version(caseId, v.version) });
                      onRevised();
                    },
                  },
                )
              }
            >
              {t('plans.revise')}
            </Button>
          </Group>
        )}
        {v.state === 'locked' && isNewest && canWrite && <Text size="sm">{t('plans.reviseHint')}</Text>}
        <FormError error={revise.error} />
      </Stack>
    </Alert>
  );
}
