import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../shared/api/contract';
import { ItemTimer, type TimerSource } from './ItemTimer';
import { ariaKeys } from './shortcuts';

/**
 * "Case 2 of 5", the case number, the client's initials (the name only in the chair's own view)
 * and the masked identity code; the item's timer beside it.
 */
export function CaseTitle({ assessment, showName, timer }: { assessment: Assessment; showName: boolean; timer?: TimerSource | null }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
      <Stack gap={2}>
        <Title order={1} size="h2">
          {t('session.caseOf', { n: assessment.position, total: assessment.total })} · {assessment.clientInitials}
          {showName && assessment.clientName ? ` · ${assessment.clientName}` : ''}
        </Title>
        <Text>
          {t('session.caseNumber', { number: assessment.caseNumber })}
          {assessment.identityCodeMasked ? ` · ${t('session.identityCode', { code: assessment.identityCodeMasked })}` : ''}
          {` · ${t(`session.kinds.${assessment.kind}`)}`}
        </Text>
      </Stack>
      {timer && <ItemTimer source={timer} />}
    </Group>
  );
}

export interface ToolbarProps {
  presentation: boolean;
  canPrevious: boolean;
  canNext: boolean;
  hasNextCase: boolean;
  audienceMessage: string | null;
  onPrevious: () => void;
  onNext: () => void;
  onNextCase: () => void;
  onPresentation: () => void;
  onAudience: () => void;
  onHelp: () => void;
  onExit: () => void;
}

/** The chair's controls; each names its shortcut for assistive technology and in the help overlay. */
export function SessionToolbar(p: ToolbarProps) {
  const { t } = useTranslation();
  // On the projector the controls stay, smaller, so the case gets the screen.
  const size = p.presentation ? 'compact-md' : 'sm';
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Button size={size} variant="default" onClick={p.onPrevious} disabled={!p.canPrevious} aria-keyshortcuts={ariaKeys('previousStep')}>
          {t('session.previous')}
        </Button>
        <Button size={size} onClick={p.onNext} disabled={!p.canNext} aria-keyshortcuts={ariaKeys('nextStep')}>
          {t('session.next')}
        </Button>
        <Button size={size} variant="default" onClick={p.onNextCase} disabled={!p.hasNextCase} aria-keyshortcuts={ariaKeys('nextCase')}>
          {t('session.nextCase')}
        </Button>
        <Button size={size} variant={p.presentation ? 'filled' : 'default'} aria-pressed={p.presentation} onClick={p.onPresentation} aria-keyshortcuts={ariaKeys('presentation')}>
          {t('session.presentation')}
        </Button>
        <Button size={size} variant="default" onClick={p.onAudience}>
          {t('session.audience.open')}
        </Button>
        <Button size={size} variant="default" onClick={p.onHelp} aria-keyshortcuts={ariaKeys('help')}>
          {t('session.help.open')}
        </Button>
        <Button size={size} variant="default" onClick={p.onExit}>
          {t('session.exit')}
        </Button>
      </Group>
      <Text size="sm" role="status">
        {p.audienceMessage ?? ''}
      </Text>
    </Stack>
  );
}
