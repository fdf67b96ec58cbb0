import { Alert, Anchor, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../shared/api/contract';
import { formatDay } from '../../../shared/domain/dates';
import { invoke } from '../../api/client';
import { notifySuccess } from '../../notify';
import { FormError } from '../session/FormError';
import { MeetingStateBadge } from './Badges';
import { MeetingForm } from './MeetingForm';
import { clockTime, MEETINGS_KEY, meetingWhen, TEAMS_KEY } from './queries';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const COLUMNS = ['date', 'time', 'team', 'place', 'chair', 'cases', 'state'] as const;

function MeetingTable({ title, rows, onOpen }: { title: string; rows: readonly MeetingSummary[]; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((c) => (
              <Table.Th key={c} scope="col">{t(`meetings.columns.${c}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td style={NOWRAP}>
                <Anchor component="button" type="button" fw={500} onClick={() => onOpen(m.id)} aria-label={t('meetings.open', { when: meetingWhen(m, i18n.language), team: m.teamName })}>
                  {formatDay(m.date, i18n.language)}
                </Anchor>
              </Table.Td>
              <Table.Td style={NOWRAP}>{clockTime(m.time, i18n.language)}</Table.Td>
              <Table.Td>{m.teamName}</Table.Td>
              <Table.Td>{m.place || '–'}</Table.Td>
              <Table.Td>{m.chairName}</Table.Td>
              <Table.Td>{m.itemCount}</Table.Td>
              <Table.Td><MeetingStateBadge state={m.state} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Upcoming and past meetings of every team, and scheduling a new one. */
export function MeetingList({ currentUserId, isAdmin, canEdit, onOpen }: { currentUserId: string; isAdmin: boolean; canEdit: boolean; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const teams = useQuery({ queryKey: TEAMS_KEY, queryFn: () => invoke('teams.list', {}) });
  const upcoming = useQuery({ queryKey: [...MEETINGS_KEY, 'upcoming'], queryFn: () => invoke('meetings.list', { when: 'upcoming' }) });
  const past = useQuery({ queryKey: [...MEETINGS_KEY, 'past'], queryFn: () => invoke('meetings.list', { when: 'past' }) });
  const [creating, setCreating] = useState(false);
  const noTeams = teams.data?.length === 0;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">{t('meetings.title')}</Title>
        {canEdit && (
          <Button onClick={() => setCreating(true)} disabled={!teams.data || noTeams}>
            {t('meetings.new')}
          </Button>
        )}
      </Group>
      <FormError error={teams.error ?? upcoming.error ?? past.error} />
      {noTeams && (
        <Alert color="indigo">
          <Text fw={700}>{t('meetings.noTeams.title')}</Text>
          <Text>{isAdmin ? t('meetings.noTeams.admin') : t('meetings.noTeams.member')}</Text>
        </Alert>
      )}
      <section aria-labelledby="meetings-upcoming">
        <Title order={2} size="h3" id="meetings-upcoming" mb="xs">{t('meetings.upcoming')}</Title>
        {upcoming.data?.length === 0 && <Text>{t('meetings.noneUpcoming')}</Text>}
        {upcoming.data && upcoming.data.length > 0 && <MeetingTable title={t('meetings.upcoming')} rows={upcoming.data} onOpen={onOpen} />}
      </section>
      <section aria-labelledby="meetings-past">
        <Title order={2} size="h3" id="meetings-past" mb="xs">{t('meetings.past')}</Title>
        {past.data?.length === 0 && <Text>{t('meetings.nonePast')}</Text>}
        {past.data && past.data.length > 0 && <MeetingTable title={t('meetings.past')} rows={past.data} onOpen={onOpen} />}
      </section>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('meetings.form.newTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {creating && teams.data && (
          <MeetingForm
            teams={teams.data}
            meeting={null}
            currentUserId={currentUserId}
            onCancel={() => setCreating(false)}
            onDone={(m) => {
              notifySuccess(t('meetings.form.created'));
              setCreating(false);
              onOpen(m.id);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
