import { Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail, Team } from '../../../shared/api/contract';
import { formatDay } from '../../../shared/domain/dates';
import { invoke } from '../../api/client';
import { notifySuccess } from '../../notify';
import { FormError } from '../session/FormError';
import { AddCasePanel } from './AddCasePanel';
import { AgendaEditor } from './AgendaEditor';
import { AttendanceDialog } from './AttendanceDialog';
import { MeetingStateBadge } from './Badges';
import { MeetingForm } from './MeetingForm';
import { MeetingRecord } from './MeetingRecord';
import { clockTime, meetingKey, meetingWhen, TEAMS_KEY, useMeetingUpdated } from './queries';
import { RunningMeeting } from './RunningMeeting';
import { DetailsTable } from './MeetingTables';

export interface MeetingPageProps {
  meetingId: string;
  currentUserId: string;
  canEdit: boolean;
  onBack: () => void;
  onOpenMeeting: (meetingId: string) => void;
  onOpenSession: () => void;
}

function Details({ meeting, team }: { meeting: MeetingDetail; team: Team | undefined }) {
  const { t, i18n } = useTranslation();
  const rows: [string, string][] = [
    [t('meetings.columns.team'), team?.name ?? meeting.teamName],
    [t('meetings.columns.date'), formatDay(meeting.date, i18n.language)],
    [t('meetings.columns.time'), clockTime(meeting.time, i18n.language)],
    [t('meetings.columns.place'), meeting.place || '–'],
    [t('meetings.columns.chair'), meeting.chairName],
  ];
  return <DetailsTable rows={rows} />;
}

/** One meeting: planning while scheduled, running it while in progress, its record once finished. */
export function MeetingPage({ meetingId, currentUserId, canEdit, onBack, onOpenMeeting, onOpenSession }: MeetingPageProps) {
  const { t, i18n } = useTranslation();
  const meeting = useQuery({ queryKey: meetingKey(meetingId), queryFn: () => invoke('meetings.get', { meetingId }) });
  const teams = useQuery({ queryKey: TEAMS_KEY, queryFn: () => invoke('teams.list', {}) });
  const updated = useMeetingUpdated();
  const [dialog, setDialog] = useState<'details' | 'start' | null>(null);
  // Where the unreached cases went when this window finished the meeting.
  const [nextMeetingId, setNextMeetingId] = useState<string | null>(null);
  const close = () => setDialog(null);

  const back = (
    <Group data-print-hide>
      <Button variant="subtle" onClick={onBack}>← {t('meetings.back')}</Button>
    </Group>
  );
  if (!meeting.data) {
    return (
      <Stack gap="md">
        {back}
        <FormError error={meeting.error} />
      </Stack>
    );
  }
  const m = meeting.data;
  const team = teams.data?.find((x) => x.id === m.teamId);
  const editable = canEdit && m.state === 'scheduled';

  if (m.state === 'finished') {
    return (
      <Stack gap="md">
        {back}
        <MeetingRecord meeting={m} nextMeetingId={nextMeetingId} onOpenMeeting={onOpenMeeting} />
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      {back}
      <div>
        <Group gap="sm">
          <Title order={1} size="h2">{t('meetings.pageTitle', { when: meetingWhen(m, i18n.language) })}</Title>
          <MeetingStateBadge state={m.state} />
        </Group>
        <Text c="dimmed">{m.teamName}</Text>
      </div>
      <FormError error={teams.error} />
      <Paper withBorder p="md" component="section" aria-labelledby="meeting-details">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3" id="meeting-details">{t('meetings.details.title')}</Title>
          {editable && teams.data && (
            <Button variant="default" onClick={() => setDialog('details')}>{t('meetings.details.edit')}</Button>
          )}
        </Group>
        <Details meeting={m} team={team} />
      </Paper>
      {m.state === 'scheduled' && (
        <>
          <AgendaEditor meeting={m} canEdit={editable} />
          {editable && <AddCasePanel meetingId={m.id} />}
          {editable && (
            <Group>
              <Button size="md" onClick={() => setDialog('start')} disabled={!team}>{t('meetings.start.button')}</Button>
            </Group>
          )}
        </>
      )}
      {m.state === 'in_progress' && <RunningMeeting meeting={m} team={team} canEdit={canEdit} onOpenSession={onOpenSession} onFinished={setNextMeetingId} />}
      <Modal opened={dialog === 'details'} onClose={close} title={t('meetings.details.editTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {dialog === 'details' && teams.data && (
          <MeetingForm
            teams={teams.data}
            meeting={m}
            currentUserId={currentUserId}
            onCancel={close}
            onDone={(d) => {
              updated(d);
              notifySuccess(t('meetings.form.saved'));
              close();
            }}
          />
        )}
      </Modal>
      {team && (
        <AttendanceDialog
          opened={dialog === 'start'}
          mode="start"
          meeting={m}
          team={team}
          onClose={close}
          onDone={(d) => {
            updated(d);
            notifySuccess(t('meetings.start.started'));
            close();
          }}
        />
      )}
    </Stack>
  );
}
