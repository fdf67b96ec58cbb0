import { Alert, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { CLIENTS_KEY } from '../../api/keys';
import { downloadText } from '../../download';
import { formatDateTime } from '../../../shared/domain/dates';
import { FormError } from '../session/FormError';

export function AuditPanel() {
  const { t, i18n } = useTranslation();
  const verify = useMutation({ mutationFn: () => invoke('audit.verify', {}) });
  const clients = useQuery({ queryKey: CLIENTS_KEY, queryFn: () => invoke('clients.list', {}) });
  const [clientId, setClientId] = useState<string | null>(null);
  const report = useMutation({ mutationFn: (id: string) => invoke('audit.clientReport', { clientId: id }) });
  const csv = useMutation({
    mutationFn: (id: string) => invoke('audit.clientReportCsv', { clientId: id, language: i18n.language as 'fi' | 'sv' | 'en' }),
    onSuccess: ({ filename, csv: text }) => downloadText(filename, text, 'text/csv;charset=utf-8'),
  });
  const label = (key: string, group: 'actions' | 'bases') => (i18n.exists(`audit.${group}.${key}`) ? t(`audit.${group}.${key}`) : key);

  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h3">{t('audit.verifyTitle')}</Title>
          <Text size="sm">{t('audit.verifyIntro')}</Text>
          <Group>
            <Button onClick={() => verify.mutate()} loading={verify.isPending}>{t('audit.verify')}</Button>
          </Group>
          {verify.data && (
            <Alert role="status" color={verify.data.ok ? 'green' : 'red'}>
              {verify.data.ok
                ? t('audit.verifyOk', { count: verify.data.count })
                : t('audit.verifyBroken', { seq: verify.data.firstBrokenSeq, reason: verify.data.reason })}
            </Alert>
          )}
          <FormError error={verify.error} />
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h3">{t('audit.reportTitle')}</Title>
          <Text size="sm">{t('audit.reportIntro')}</Text>
          <Group align="flex-end">
            <Select
              label={t('audit.client')}
              searchable
              data={(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={clientId}
              onChange={setClientId}
              w={320}
            />
            <Button disabled={!clientId} loading={report.isPending} onClick={() => clientId && report.mutate(clientId)}>{t('audit.show')}</Button>
            <Button variant="default" disabled={!clientId} loading={csv.isPending} onClick={() => clientId && csv.mutate(clientId)}>{t('audit.csv')}</Button>
          </Group>
          <FormError error={report.error ?? csv.error} />
          {report.data && report.data.events.length === 0 && <Text>{t('audit.empty')}</Text>}
          {report.data && report.data.events.length > 0 && (
            <Table striped aria-label={`${t('audit.reportTitle')}: ${report.data.clientName}`}>
              <Table.Thead>
                <Table.Tr>
                  {(['seq', 'at', 'actor', 'action', 'basis'] as const).map((c) => <Table.Th key={c} scope="col">{t(`audit.columns.${c}`)}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.data.events.map((e) => (
                  <Table.Tr key={e.seq}>
                    <Table.Td>{e.seq}</Table.Td>
                    <Table.Td>{formatDateTime(e.at, i18n.language)}</Table.Td>
                    <Table.Td>{e.actorName}{e.actorProfession && ` · ${t(`professions.${e.actorProfession}`)}`}</Table.Td>
                    <Table.Td>{label(e.action, 'actions')}</Table.Td>
                    <Table.Td>{label(e.basis, 'bases')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
