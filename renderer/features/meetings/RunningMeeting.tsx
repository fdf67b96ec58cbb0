import { Alert, Button, Group, Modal, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, MeetingDetail, Team } from '../../../shared/api/contract';
import { ATTENDANCE_STATUSES } from '../../../shared/domain/meeting';
import { invoke } from '../../api/client';
import { notifySuccess } from '../../notify';
import { FormError } from '../session/FormError';
import { AttendanceDialog } from './AttendanceDialog';
import { ConsentWarningBadge, ItemStateBadge } from './Badges';
import { FinishDialog } from './FinishDialog';
import { isUnreached, useMeetingUpdated } from './queries';
import { AddCasePanel } from './AddCasePanel';
import { AttendanceTable } from './MeetingTables';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const MAX_REASON = 2000;

type Dialog = { kind: 'attendance' } | { kind: 'finish' } | { kind: 'drop'; item: AgendaItem } | null;

/** A meeting in progress: who is there, what is missing, the agenda's progress, the session and finishing. */
export function RunningMeeting({
  meeting,
  team,
  canEdit,
  onOpenSession,
  onFinished,
}: {
  meeting: MeetingDetail;
  team: Team | undefined;
  canEdit: boolean;
  onOpenSession: () => void;
  onFinished: (nextMeetingId: string | null) => void;
}) {
  const { t } = useTranslation();
  const updated = useMeetingUpdated();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reason, setReason] = useState('');
  const close = () => setDialog(null);
  const drop = useMutation({
    mutationFn: (v: { item: AgendaItem; reason: string }) => invoke('meetings.dropItem', { itemId: v.item.id, reason: v.reason }),
    onSuccess: (d, v) => {
      updated(d);
      notifySuccess(t('meetings.drop.done', { number: v.item.caseNumber }));
      close();
    },
  });
  const items = [...meeting.items].sort((a, b) => a.position - b.position);
  const begun = meeting.currentItemId !== null || items.some((i) => i.state !== 'pending');
  const counts = Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, meeting.attendance.filter((a) => a.status === s).length]));

  return (
    <Stack gap="lg">
      {meeting.missingSectors.length > 0 && (
        <Alert color="yellow">
          <Text fw={700}>{t('meetings.missingSectors.title')}</Text>
          <Text>{t('meetings.missingSectors.body', { sectors: meeting.missingSectors.map((s) => t(`meetings.sectors.${s}`)).join(', ') })}</Text>
        </Alert>
      )}
      <Group>
        <Button size="lg" onClick={onOpenSession} disabled={items.length === 0}>
          {begun ? t('meetings.session.continue') : t('meetings.session.open')}
        </Button>
      </Group>
      <Paper withBorder p="md" component="section" aria-labelledby="attendance-title">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3" id="attendance-title">{t('meetings.attendance.title')}</Title>
          {canEdit && team && <Button variant="default" onClick={() => setDialog({ kind: 'attendance' })}>{t('meetings.attendance.edit')}</Button>}
        </Group>
        <Text mb="xs">{t('meetings.attendance.summary', counts)}</Text>
        <AttendanceTable attendance={meeting.attendance} labelledBy="attendance-title" emphasiseAttending />
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="progress-title">
        <Title order={2} size="h3" id="progress-title" mb="sm">{t('meetings.agenda.title')}</Title>
        {items.length === 0 && <Text>{t('meetings.agenda.empty')}</Text>}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={820}>
            <Table striped aria-labelledby="progress-title">
              <Table.Thead>
                <Table.Tr>
                  {(['position', 'case', 'client', 'kind', 'time', 'state', 'consent'] as const).map((c) => (
                    <Table.Th key={c} scope="col">{t(`meetings.agenda.columns.${c}`)}</Table.Th>
                  ))}
                  {canEdit && <Table.Th scope="col">{t('meetings.agenda.columns.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item, i) => (
                  <Table.Tr key={item.id} aria-current={item.id === meeting.currentItemId ? 'step' : undefined}>
                    <Table.Td>{i + 1}</Table.Td>
                    <Table.Td ff="monospace" style={NOWRAP}>{item.caseNumber}</Table.Td>
                    <Table.Td>{item.clientName}</Table.Td>
                    <Table.Td>{t(`meetings.kinds.${item.kind}`)}</Table.Td>
                    <Table.Td style={NOWRAP}>{t('meetings.agenda.elapsed', { elapsed: Math.floor(item.elapsedMs / 60_000), timeBox: item.timeBoxMinutes })}</Table.Td>
                    <Table.Td><ItemStateBadge item={item} /></Table.Td>
                    <Table.Td>{item.consentWarning ? <ConsentWarningBadge /> : <Text size="sm">{t('meetings.agenda.consentOk')}</Text>}</Table.Td>
                    {canEdit && (
                      <Table.Td>
                        {isUnreached(item) && (
                          <Button
                            size="xs"
                            variant="default"
                            color="red"
                            onClick={() => {
                              setReason('');
                              drop.reset();
                              setDialog({ kind: 'drop', item });
                            }}
                            aria-label={t('meetings.drop.buttonNamed', { number: item.caseNumber })}
                          >
                            {t('meetings.drop.button')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {/* A case that became ready (or a review that fell due) can still join the meeting. */}
      {canEdit && <AddCasePanel meetingId={meeting.id} />}
      {canEdit && (
        <Group>
          <Button color="red.9" variant="outline" onClick={() => setDialog({ kind: 'finish' })}>{t('meetings.finish.button')}</Button>
        </Group>
      )}
      {team && (
        <AttendanceDialog
          opened={dialog?.kind === 'attendance'}
          mode="edit"
          meeting={meeting}
          team={team}
          onClose={close}
          onDone={(d) => {
            updated(d);
            notifySuccess(t('meetings.attendance.saved'));
            close();
          }}
        />
      )}
      <FinishDialog opened={dialog?.kind === 'finish'} meeting={meeting} onClose={close} onFinished={onFinished} />
      <Modal
        opened={dialog?.kind === 'drop'}
        onClose={close}
        title={dialog?.kind === 'drop' ? t('meetings.drop.title', { number: dialog.item.caseNumber }) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {dialog?.kind === 'drop' && (
          <Stack gap="sm">
            <Text size="sm">{t('meetings.drop.body')}</Text>
            <Textarea label={t('meetings.drop.reason')} required autosize minRows={3} maxLength={MAX_REASON} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
            <FormError error={drop.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
              <Button color="red.9" disabled={!reason.trim()} loading={drop.isPending} onClick={() => drop.mutate({ item: dialog.item, reason: reason.trim() })}>
                {t('meetings.drop.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
