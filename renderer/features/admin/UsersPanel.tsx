import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../shared/api/contract';
import { invoke } from '../../api/client';
import { notifySuccess } from '../../notify';
import { USERS_KEY } from '../../api/keys';
import { FormError } from '../session/FormError';
import { ResetPasswordForm } from './ResetPasswordForm';
import { UserForm } from './UserForm';

type Dialog = { kind: 'add' } | { kind: 'deactivate'; user: UserSummary } | { kind: 'reset'; user: UserSummary } | null;

export function UsersPanel({ currentUserId }: { currentUserId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: USERS_KEY, queryFn: () => invoke('users.list', {}) });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const deactivate = useMutation({
    mutationFn: (userId: string) => invoke('users.deactivate', { userId }),
    onSuccess: (u) => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      notifySuccess(t('users.deactivated', { name: u.displayName }));
      close();
    },
  });

  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <Button onClick={() => setDialog({ kind: 'add' })}>{t('users.add')}</Button>
      </Group>
      <FormError error={users.error} />
      {users.data && (
        <Table striped aria-label={t('admin.tabs.users')}>
          <Table.Thead>
            <Table.Tr>
              {(['name', 'username', 'profession', 'role', 'status', 'actions'] as const).map((c) => (
                <Table.Th key={c} scope="col">{t(`users.columns.${c}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  {u.displayName} {u.id === currentUserId && <Text span size="sm" c="dimmed">{t('users.you')}</Text>}
                  {u.organisation && <Text size="sm" c="dimmed">{u.organisation}</Text>}
                </Table.Td>
                <Table.Td>{u.username}</Table.Td>
                <Table.Td>{t(`professions.${u.profession}`)}</Table.Td>
                <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge color={u.active ? '#1e6b30' : 'gray.7'} variant="filled">{u.active ? t('users.active') : t('users.inactive')}</Badge>
                    {u.active && u.mustChangePassword && <Badge color="#9a3412" variant="filled">{t('users.mustChange')}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {u.id !== currentUserId && (
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'reset', user: u })} aria-label={`${t('users.resetPassword')}: ${u.displayName}`}>
                        {t('users.resetPassword')}
                      </Button>
                      {u.active && (
                        <Button size="xs" variant="default" color="red" onClick={() => setDialog({ kind: 'deactivate', user: u })} aria-label={`${t('users.deactivate')}: ${u.displayName}`}>
                          {t('users.deactivate')}
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={dialog?.kind === 'add'} onClose={close} title={t('users.formTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <UserForm onDone={(u) => { notifySuccess(t('users.added', { name: u.displayName })); close(); }} onCancel={close} />
      </Modal>
      <Modal
        opened={dialog?.kind === 'reset'}
        onClose={close}
        title={dialog?.kind === 'reset' ? t('users.resetTitle', { name: dialog.user.displayName }) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {dialog?.kind === 'reset' && (
          <ResetPasswordForm user={dialog.user} onDone={(u) => { notifySuccess(t('users.resetDone', { name: u.displayName })); close(); }} onCancel={close} />
        )}
      </Modal>
      <Modal
        opened={dialog?.kind === 'deactivate'}
        onClose={close}
        title={dialog?.kind === 'deactivate' ? t('users.deactivateTitle', { name: dialog.user.displayName }) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {dialog?.kind === 'deactivate' && (
          <Stack gap="md">
            <Text>{t('users.deactivateBody')}</Text>
            <FormError error={deactivate.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
              <Button color="red" loading={deactivate.isPending} onClick={() => deactivate.mutate(dialog.user.id)}>{t('users.deactivate')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
