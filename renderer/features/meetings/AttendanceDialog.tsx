import { Button, Group, Modal, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail, Team } from '../../../shared/api/contract';
import { MAX_SHORT_TEXT } from '../../../shared/domain/case';
import { MAX_NAME_LENGTH } from '../../../shared/domain/client';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../shared/domain/meeting';
import { PROFESSIONS, type Profession } from '../../../shared/domain/user';
import { invoke } from '../../api/client';
import { FormError } from '../session/FormError';

interface Row {
  key: string;
  userId: string | null;
  externalId: string | null;
  name: string;
  profession: Profession;
  organisation: string;
  status: AttendanceStatus;
  /** A guest added in this dialog: name, organisation and profession are typed here. */
  newGuest: boolean;
}

/** Who is expected: the recorded attendance, then team members and regulars not in it yet. */
function initialRows(meeting: MeetingDetail, team: Team): Row[] {
  const rows: Row[] = meeting.attendance.map((a) => ({ key: a.id, userId: a.userId, externalId: a.externalId, name: a.name, profession: a.profession, organisation: a.organisation, status: a.status, newGuest: false }));
  const recorded = meeting.attendance.length > 0;
  const fresh: AttendanceStatus = recorded ? 'absent' : 'present';
  for (const m of team.members) {
    if (!m.active || rows.some((r) => r.userId === m.userId)) continue;
    rows.push({ key: `u:${m.userId}`, userId: m.userId, externalId: null, name: m.displayName, profession: m.profession, organisation: m.organisation, status: fresh, newGuest: false });
  }
  for (const e of team.externals) {
    if (rows.some((r) => r.externalId === e.id)) continue;
    rows.push({ key: `e:${e.id}`, userId: null, externalId: e.id, name: e.name, profession: e.profession, organisation: e.organisation, status: fresh, newGuest: false });
  }
  return rows;
}

function AttendanceForm({ mode, meeting, team, onClose, onDone }: Omit<AttendanceDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>(() => initialRows(meeting, team));
  const [guestCount, setGuestCount] = useState(0);
  const [showErrors, setShowErrors] = useState(false);
  const change = (key: string, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const save = useMutation({
    mutationFn: () => {
      const attendance = rows.map(({ userId, externalId, name, profession, organisation, status }) => ({ userId, externalId, name: name.trim(), profession, organisation: organisation.trim(), status }));
      return mode === 'start' ? invoke('meetings.start', { meetingId: meeting.id, attendance }) : invoke('meetings.setAttendance', { meetingId: meeting.id, attendance });
    },
    onSuccess: onDone,
  });
  const invalid = rows.some((r) => r.newGuest && !r.name.trim());
  const submit = () => {
    setShowErrors(true);
    if (!invalid) save.mutate();
  };
  const addGuest = () => {
    const n = guestCount + 1;
    setGuestCount(n);
    setRows((rs) => [...rs, { key: `g:${n}`, userId: null, externalId: null, name: '', profession: 'other', organisation: '', status: 'present', newGuest: true }]);
  };
  const professionOptions = PROFESSIONS.map((p) => ({ value: p, label: t(`professions.${p}`) }));
  const kind = (r: Row) => t(r.userId ? 'meetings.attendance.member' : r.externalId ? 'meetings.attendance.external' : 'meetings.attendance.guest');
  let guestNo = 0;

  return (
    <Stack gap="md">
      <Text size="sm">{t('meetings.attendance.intro')}</Text>
      <Table.ScrollContainer minWidth={820}>
        <Table aria-label={t('meetings.attendance.title')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              {(['name', 'profession', 'organisation', 'status'] as const).map((c) => (
                <Table.Th key={c} scope="col">{t(`meetings.attendance.columns.${c}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const label = r.newGuest ? t('meetings.attendance.guestN', { number: ++guestNo }) : r.name;
              return (
                <Table.Tr key={r.key}>
                  <Table.Td>
                    {r.newGuest ? (
                      <TextInput
                        aria-label={t('meetings.attendance.guestName', { guest: label })}
                        value={r.name}
                        maxLength={MAX_NAME_LENGTH}
                        required
                        error={showErrors && !r.name.trim() ? t('common.required') : undefined}
                        onChange={(e) => change(r.key, { name: e.currentTarget.value })}
                      />
                    ) : (
                      <>
                        <Text fw={500}>{r.name}</Text>
                        <Text size="xs" c="dimmed">{kind(r)}</Text>
                      </>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {r.newGuest ? (
                      <Select aria-label={t('meetings.attendance.guestProfession', { guest: label })} allowDeselect={false} data={professionOptions} value={r.profession} onChange={(v) => v && change(r.key, { profession: v as Profession })} />
                    ) : (
                      t(`professions.${r.profession}`)
                    )}
                  </Table.Td>
                  <Table.Td>
                    {r.newGuest ? (
                      <TextInput aria-label={t('meetings.attendance.guestOrganisation', { guest: label })} value={r.organisation} maxLength={MAX_SHORT_TEXT} onChange={(e) => change(r.key, { organisation: e.currentTarget.value })} />
                    ) : (
                      r.organisation || '–'
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <SegmentedControl
                        aria-label={t('meetings.attendance.statusOf', { name: r.name.trim() || label })}
                        value={r.status}
                        onChange={(v) => change(r.key, { status: v as AttendanceStatus })}
                        data={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`meetings.attendance.statuses.${s}`) }))}
                      />
                      {r.newGuest && (
                        <Button size="xs" variant="default" color="red" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))} aria-label={t('meetings.attendance.removeGuest', { guest: label })}>
                          {t('meetings.teams.remove')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button variant="default" onClick={addGuest}>{t('meetings.attendance.addGuest')}</Button>
      </Group>
      <FormError error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
        <Button onClick={submit} loading={save.isPending}>{mode === 'start' ? t('meetings.start.confirm') : t('meetings.attendance.save')}</Button>
      </Group>
    </Stack>
  );
}

export interface AttendanceDialogProps {
  opened: boolean;
  mode: 'start' | 'edit';
  meeting: MeetingDetail;
  team: Team;
  onClose: () => void;
  onDone: (detail: MeetingDetail) => void;
}

/** Starting a meeting records who is there (present / remote / absent); the same dialog corrects it later. */
export function AttendanceDialog(props: AttendanceDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.mode === 'start' ? t('meetings.start.title') : t('meetings.attendance.editTitle')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {props.opened && <AttendanceForm {...props} />}
    </Modal>
  );
}
