import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../shared/api/contract';
import { formatDateTime, formatDay } from '../../../shared/domain/dates';
import { ItemStateBadge } from './Badges';
import { clockTime, meetingWhen } from './queries';
import { AttendanceTable, DetailsTable } from './MeetingTables';

// On paper: no navigation, no buttons, the record alone across the page.
const PRINT_CSS = `@media print {
  [data-print-hide], .mantine-AppShell-header, .mantine-AppShell-navbar, .mantine-Notifications-root { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; }
  [data-record] table { break-inside: auto; }
  [data-record] tr { break-inside: avoid; }
}`;

/** A finished meeting's record: when and where, who chaired and attended, and what became of each case. */
export function MeetingRecord({ meeting, nextMeetingId, onOpenMeeting }: { meeting: MeetingDetail; nextMeetingId: string | null; onOpenMeeting: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const items = [...meeting.items].sort((a, b) => a.position - b.position);
  const details: [string, string][] = [
    [t('meetings.columns.team'), meeting.teamName],
    [t('meetings.columns.date'), formatDay(meeting.date, lang)],
    [t('meetings.columns.time'), clockTime(meeting.time, lang)],
    [t('meetings.columns.place'), meeting.place || '–'],
    [t('meetings.columns.chair'), meeting.chairName],
    [t('meetings.record.started'), meeting.startedAt ? formatDateTime(meeting.startedAt, lang) : '–'],
    [t('meetings.record.finished'), meeting.finishedAt ? formatDateTime(meeting.finishedAt, lang) : '–'],
  ];

  return (
    <Stack gap="lg" data-record>
      <style>{PRINT_CSS}</style>
      <Group justify="space-between" align="flex-start">
        <Title order={1} size="h2">{t('meetings.record.title', { when: meetingWhen(meeting, lang) })}</Title>
        <Group gap="sm" data-print-hide>
          {nextMeetingId && <Button variant="default" onClick={() => onOpenMeeting(nextMeetingId)}>{t('meetings.record.openNext')}</Button>}
          <Button variant="default" onClick={() => window.print()}>{t('meetings.record.print')}</Button>
        </Group>
      </Group>
      <DetailsTable rows={details} />
      <section aria-labelledby="record-attendance">
        <Title order={2} size="h3" id="record-attendance" mb="xs">{t('meetings.attendance.title')}</Title>
        {meeting.attendance.length === 0 ? (
          <Text>{t('meetings.record.noAttendance')}</Text>
        ) : (
          <AttendanceTable attendance={meeting.attendance} labelledBy="record-attendance" />
        )}
      </section>
      <section aria-labelledby="record-cases">
        <Title order={2} size="h3" id="record-cases" mb="xs">{t('meetings.record.cases')}</Title>
        {items.length === 0 ? (
          <Text>{t('meetings.agenda.empty')}</Text>
        ) : (
          <Table withTableBorder aria-labelledby="record-cases">
            <Table.Thead>
              <Table.Tr>
                {(['position', 'case', 'client', 'kind', 'outcome'] as const).map((c) => (
                  <Table.Th key={c} scope="col">{t(`meetings.agenda.columns.${c}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item, i) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td ff="monospace">{item.caseNumber}</Table.Td>
                  <Table.Td>{item.clientName}</Table.Td>
                  <Table.Td>{t(`meetings.kinds.${item.kind}`)}</Table.Td>
                  <Table.Td>
                    <ItemStateBadge item={item} />
                    {item.outcomeReason && <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>{t('meetings.record.removedBecause', { reason: item.outcomeReason })}</Text>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
    </Stack>
  );
}
