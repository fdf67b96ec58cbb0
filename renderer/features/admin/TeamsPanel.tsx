import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../shared/api/contract';
import { invoke } from '../../api/client';
import { notifySuccess } from '../../notify';
import { TEAMS_KEY } from '../meetings/queries';
import { TeamForm } from '../meetings/TeamForm';
import { FormError } from '../session/FormError';

type Dialog = { kind: 'new' } | { kind: 'edit'; team: Team } | null;

/** Administrator: the store's teams, their members, external regulars and meeting defaults. */
export function TeamsPanel() {
  const { t } = useTranslation();
  const teams = useQuery({ queryKey: TEAMS_KEY, queryFn: () => invoke('teams.list', {}) });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const done = (team: Team) => {
    notifySuccess(t('meetings.teams.saved', { name: team.name }));
    close();
  };

  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <Button onClick={() => setDialog({ kind: 'new' })}>{t('meetings.teams.add')}</Button>
      </Group>
      <FormError error={teams.error} />
      {teams.data?.length === 0 && <Text>{t('meetings.teams.none')}</Text>}
      {teams.data && teams.data.length > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table striped aria-label={t('meetings.teams.title')}>
            <Table.Thead>
              <Table.Tr>
                {(['name', 'members', 'externals', 'required', 'timeBoxes', 'actions'] as const).map((c) => (
                  <Table.Th key={c} scope="col">{t(`meetings.teams.columns.${c}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {teams.data.map((team) => (
                <Table.Tr key={team.id}>
                  <Table.Td fw={600}>{team.name}</Table.Td>
                  <Table.Td>
                    {team.members.map((m) => (
                      <Text key={m.userId} size="sm" c={m.active ? undefined : 'dimmed'}>
                        {m.displayName} · {t(`professions.${m.profession}`)}
                        {!m.active && ` (${t('users.inactive')})`}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    {team.externals.map((e) => (
                      <Text key={e.id} size="sm">
                        {e.name} · {t(`professions.${e.profession}`)}
                        {e.organisation && ` · ${e.organisation}`}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>{team.requiredSectors.map((s) => t(`meetings.sectors.${s}`)).join(', ') || '–'}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{t('meetings.teams.timeBoxesValue', { newCase: team.newCaseMinutes, review: team.reviewMinutes })}</Text>
                    <Text size="sm">{t('meetings.teams.intervalValue', { count: team.reviewIntervalMonths })}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'edit', team })} aria-label={t('meetings.teams.editNamed', { name: team.name })}>
                      {t('meetings.teams.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={dialog !== null}
        onClose={close}
        title={dialog?.kind === 'edit' ? t('meetings.teams.editTitle', { name: dialog.team.name }) : t('meetings.teams.newTitle')}
        size="xl"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {dialog && <TeamForm team={dialog.kind === 'edit' ? dialog.team : null} onDone={done} onCancel={close} />}
      </Modal>
    </Stack>
  );
}
