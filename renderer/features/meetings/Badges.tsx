import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../shared/api/contract';
import type { MeetingState } from '../../../shared/domain/meeting';
import { formatDay } from '../../../shared/domain/dates';

// Readable in full, as StatusBadge: no capitals, no truncation.
const FULL = { root: { maxWidth: 'none', height: 'auto' }, label: { overflow: 'visible', whiteSpace: 'normal' } } as const;

export function MeetingStateBadge({ state }: { state: MeetingState }) {
  const { t } = useTranslation();
  const look = state === 'in_progress' ? { variant: 'filled', color: '#1e6b30' } : { variant: 'outline', color: state === 'finished' ? 'gray.8' : 'indigo.8' };
  return (
    <Badge tt="none" styles={FULL} {...look}>
      {t(`meetings.states.${state}`)}
    </Badge>
  );
}

/** The consent check's warning: no valid consent covers an organisation at the table (or on the meeting's date). */
export function ConsentWarningBadge() {
  const { t } = useTranslation();
  return (
    <Badge tt="none" styles={FULL} variant="filled" color="#9a3412" title={t('meetings.agenda.consentWarningHint')}>
      {t('meetings.agenda.consentWarning')}
    </Badge>
  );
}

/** An item's state during the meeting, or its outcome once it has one. */
export function ItemStateBadge({ item }: { item: AgendaItem }) {
  const { t, i18n } = useTranslation();
  const text = item.outcome
    ? item.outcome === 'carried_over' && item.carriedToDate
      ? t('meetings.outcomes.carriedTo', { date: formatDay(item.carriedToDate, i18n.language) })
      : t(`meetings.outcomes.${item.outcome}`)
    : t(`meetings.itemStates.${item.state}`);
  const filled = item.outcome === 'assessed' || (item.outcome === null && item.state !== 'pending');
  const color = item.outcome === 'assessed' ? '#1e6b30' : item.outcome === null && item.state !== 'pending' ? 'indigo.8' : 'gray.8';
  return (
    <Badge tt="none" styles={FULL} variant={filled ? 'filled' : 'outline'} color={color}>
      {text}
    </Badge>
  );
}
