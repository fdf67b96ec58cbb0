import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Attendance } from '../../../shared/api/contract';

/** A meeting's details as label–value rows (the meeting page and its record). */
export function DetailsTable({ rows }: { rows: readonly (readonly [string, string])[] }) {
  const { t } = useTranslation();
  return (
    <Table variant="vertical" layout="fixed" withTableBorder maw={640} aria-label={t('meetings.details.title')}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w={180}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Who was at the table: name, profession, organisation, present / remote / absent. */
export function AttendanceTable({ attendance, labelledBy, emphasiseAttending = false }: { attendance: readonly Attendance[]; labelledBy: string; emphasiseAttending?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder aria-labelledby={labelledBy}>
      <Table.Thead>
        <Table.Tr>
          {(['name', 'profession', 'organisation', 'status'] as const).map((c) => (
            <Table.Th key={c} scope="col">{t(`meetings.attendance.columns.${c}`)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {attendance.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>{a.name}</Table.Td>
            <Table.Td>{t(`professions.${a.profession}`)}</Table.Td>
            <Table.Td>{a.organisation || '–'}</Table.Td>
            <Table.Td fw={emphasiseAttending && a.status !== 'absent' ? 600 : undefined}>{t(`meetings.attendance.statuses.${a.status}`)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
