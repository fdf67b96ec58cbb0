import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../shared/domain/dates';
import { invoke } from '../../api/client';
import { notifySuccess } from '../../notify';
import { StatusBadge } from '../cases/StatusBadge';
import { FormError } from '../session/FormError';
import { ConsentWarningBadge } from './Badges';
import { eligibleKey, useMeetingUpdated } from './queries';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** Cases that may join the agenda: ready for the team, or with a review due. */
export function AddCasePanel({ meetingId }: { meetingId: string }) {
  const { t, i18n } = useTranslation();
  const updated = useMeetingUpdated();
  const eligible = useQuery({ queryKey: eligibleKey(meetingId), queryFn: () => invoke('meetings.eligibleCases', { meetingId }) });
  const add = useMutation({
    mutationFn: (c: { caseId: string; caseNumber: string }) => invoke('meetings.addItem', { meetingId, caseId: c.caseId }),
    onSuccess: (d, c) => {
      updated(d);
      notifySuccess(t('meetings.add.added', { number: c.caseNumber }));
    },
  });
  const rows = eligible.data;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="add-case-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="add-case-title">{t('meetings.add.title')}</Title>
        <Text size="sm" c="dimmed">{t('meetings.add.intro')}</Text>
        <FormError error={eligible.error ?? add.error} />
        {rows?.length === 0 && <Text>{t('meetings.add.none')}</Text>}
        {rows && rows.length > 0 && (
          <Table.ScrollContainer minWidth={760}>
            <Table striped aria-labelledby="add-case-title">
              <Table.Thead>
                <Table.Tr>
                  {(['case', 'client', 'kind', 'status', 'proposed', 'consent', 'actions'] as const).map((c) => (
                    <Table.Th key={c} scope="col">{t(`meetings.add.columns.${c}`)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((c) => (
                  <Table.Tr key={c.caseId}>
                    <Table.Td ff="monospace" style={NOWRAP}>{c.caseNumber}</Table.Td>
                    <Table.Td>{c.clientName}</Table.Td>
                    <Table.Td>{t(`meetings.kinds.${c.kind}`)}</Table.Td>
                    <Table.Td><StatusBadge status={c.status} /></Table.Td>
                    <Table.Td style={NOWRAP}>{c.proposedMeetingDate ? formatDay(c.proposedMeetingDate, i18n.language) : '–'}</Table.Td>
                    <Table.Td>{c.consentWarning ? <ConsentWarningBadge /> : <Text size="sm">{t('meetings.agenda.consentOk')}</Text>}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        loading={add.isPending && add.variables?.caseId === c.caseId}
                        onClick={() => add.mutate(c)}
                        aria-label={t('meetings.add.addNamed', { number: c.caseNumber, name: c.clientName })}
                      >
                        {t('meetings.add.add')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
