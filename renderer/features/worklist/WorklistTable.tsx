import { Anchor, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorklistRow } from '../../../shared/api/contract';
import { CASE_STATUSES } from '../../../shared/domain/case';
import { formatDateTime, formatDay, localeFor } from '../../../shared/domain/dates';
import { StatusBadge } from '../cases/StatusBadge';

/**
 * What the backend sends as `consentValidUntil` for a written consent without an end date
 * (db/repositories/worklist.ts OPEN_ENDED): later than any real date, so it sorts last.
 */
const OPEN_ENDED = '9999-12-31';

type Column = 'number' | 'clientName' | 'identityCodeMasked' | 'status' | 'preparerName' | 'updatedAt' | 'proposedMeetingDate' | 'consentValidUntil';
type Sort = { column: Column; direction: 'ascending' | 'descending' };

// Codes, numbers, dates and statuses read badly broken over two lines.
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** Ascending order of two rows by a column; empty cells are the caller's (they go last either way). */
function compare(a: WorklistRow, b: WorklistRow, column: Column, collator: Intl.Collator): number {
  if (column === 'status') return CASE_STATUSES.indexOf(a.status) - CASE_STATUSES.indexOf(b.status);
  const x = a[column] ?? '';
  const y = b[column] ?? '';
  return column === 'clientName' || column === 'preparerName' ? collator.compare(x, y) : x < y ? -1 : x > y ? 1 : 0;
}

/** A missing consent is not an empty cell but the most urgent value: it sorts before the earliest end. */
const isEmpty = (r: WorklistRow, column: Column) => column !== 'status' && column !== 'consentValidUntil' && r[column] === null;

/** Cases in a table whose column headers sort it (in the browser: the rows are at most a few hundred). */
export function WorklistTable({ rows, onOpenClient }: { rows: readonly WorklistRow[]; onOpenClient: (clientId: string) => void }) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<Sort | null>(null);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const collator = new Intl.Collator(localeFor(i18n.language));
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => Number(isEmpty(a, sort.column)) - Number(isEmpty(b, sort.column)) || sign * compare(a, b, sort.column, collator));
  }, [rows, sort, i18n.language]);

  const header = (column: Column, label: string) => {
    const active = sort?.column === column ? sort.direction : null;
    const toggle = () => setSort({ column, direction: active === 'ascending' ? 'descending' : 'ascending' });
    return (
      <Table.Th scope="col" aria-sort={active ?? 'none'}>
        <UnstyledButton onClick={toggle} title={t('worklist.sortBy', { column: label })} fw={700} fz="sm">
          <Group gap={4} wrap="nowrap">
            {label}
            <span aria-hidden="true">{active === 'ascending' ? '▲' : active === 'descending' ? '▼' : '↕'}</span>
          </Group>
        </UnstyledButton>
      </Table.Th>
    );
  };

  const consent = (day: string | null) => (day === null ? t('worklist.consentNone') : day === OPEN_ENDED ? t('worklist.consentOpenEnded') : formatDay(day, i18n.language));

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover aria-label={t('worklist.title')}>
        <Table.Thead>
          <Table.Tr>
            {header('number', t('worklist.columns.case'))}
            {header('clientName', t('worklist.columns.client'))}
            {header('identityCodeMasked', t('clients.columns.identityCode'))}
            {header('status', t('worklist.columns.status'))}
            {header('preparerName', t('worklist.columns.preparer'))}
            {header('updatedAt', t('worklist.columns.updated'))}
            {header('proposedMeetingDate', t('worklist.columns.meeting'))}
            {header('consentValidUntil', t('worklist.columns.consent'))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((r) => (
            <Table.Tr key={r.caseId}>
              <Table.Td ff="monospace" style={NOWRAP}>{r.number}</Table.Td>
              <Table.Td>
                <Anchor component="button" type="button" onClick={() => onOpenClient(r.clientId)} aria-label={t('clients.open', { name: r.clientName })} fw={500}>
                  {r.clientName}
                </Anchor>
              </Table.Td>
              <Table.Td ff="monospace" style={NOWRAP}>{r.identityCodeMasked ?? '–'}</Table.Td>
              <Table.Td style={NOWRAP}>
                <StatusBadge status={r.status} />
              </Table.Td>
              <Table.Td>{r.preparerName ?? '–'}</Table.Td>
              <Table.Td style={NOWRAP}>{formatDateTime(r.updatedAt, i18n.language)}</Table.Td>
              <Table.Td style={NOWRAP}>
                {r.scheduledMeetingDate
                  ? t('worklist.onAgenda', { date: formatDay(r.scheduledMeetingDate, i18n.language) })
                  : r.proposedMeetingDate
                    ? t('worklist.proposed', { date: formatDay(r.proposedMeetingDate, i18n.language) })
                    : '–'}
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={r.consentValidUntil === null && r.status !== 'closed' ? 600 : undefined}>{consent(r.consentValidUntil)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
