import { Anchor, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke, onEvent } from '../../api/client';
import { CLIENTS_KEY } from '../../api/keys';
import { formatDateTime } from '../../../shared/domain/dates';
import { FormError } from '../session/FormError';
import { CaseFileImport } from './CaseFileImport';
import { NewClientForm } from './NewClientForm';
import { StatusBadge } from './StatusBadge';

export function ClientList({ onOpen }: { onOpen: (clientId: string) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const clients = useQuery({ queryKey: CLIENTS_KEY, queryFn: () => invoke('clients.list', {}) });
  const [formOpen, form] = useDisclosure(false);

  useEffect(() => onEvent('clients.changed', () => void queryClient.invalidateQueries({ queryKey: CLIENTS_KEY })), [queryClient]);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2">{t('clients.title')}</Title>
          {clients.data && <Text size="sm" c="dimmed">{t('clients.count', { count: clients.data.length })}</Text>}
        </div>
        <Group gap="sm">
          <CaseFileImport onImported={onOpen} />
          <Button onClick={form.open}>{t('clients.add')}</Button>
        </Group>
      </Group>
      <FormError error={clients.error} />
      {clients.data?.length === 0 && <Text>{t('clients.empty')}</Text>}
      {clients.data && clients.data.length > 0 && (
        <Table striped highlightOnHover aria-label={t('clients.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('clients.columns.name')}</Table.Th>
              <Table.Th scope="col">{t('clients.columns.identityCode')}</Table.Th>
              <Table.Th scope="col">{t('clients.columns.municipality')}</Table.Th>
              <Table.Th scope="col">{t('clients.columns.language')}</Table.Th>
              <Table.Th scope="col">{t('clients.columns.case')}</Table.Th>
              <Table.Th scope="col">{t('clients.columns.created')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {clients.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component="button" type="button" onClick={() => onOpen(c.id)} aria-label={t('clients.open', { name: c.name })} fw={500}>
                    {c.name}
                  </Anchor>
                </Table.Td>
                <Table.Td ff="monospace">{c.identityCodeMasked ?? '–'}</Table.Td>
                <Table.Td>{c.municipality || '–'}</Table.Td>
                <Table.Td>{t(`clients.languages.${c.language}`)}</Table.Td>
                <Table.Td>
                  {c.openCase ? (
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" ff="monospace">{c.openCase.number}</Text>
                      <StatusBadge status={c.openCase.status} />
                    </Group>
                  ) : '–'}
                </Table.Td>
                <Table.Td>{formatDateTime(c.createdAt, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={formOpen} onClose={form.close} title={t('clients.formTitle')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <NewClientForm onDone={form.close} />
      </Modal>
    </Stack>
  );
}
