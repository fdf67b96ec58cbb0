import { Button, Group, List, Modal, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, MeetingDetail } from '../../../shared/api/contract';
import { MAX_SHORT_TEXT } from '../../../shared/domain/case';
import { todayInFinland } from '../../../shared/domain/dates';
import { invoke } from '../../api/client';
import { notifySuccess } from '../../notify';
import { FormError } from '../session/FormError';
import { isUnreached, MEETINGS_KEY, meetingWhen, useMeetingUpdated } from './queries';

type CarryOver = Input<'meetings.finish'>['carryOverTo'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function FinishForm({ meeting, onClose, onFinished }: { meeting: MeetingDetail; onClose: () => void; onFinished: (nextMeetingId: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const updated = useMeetingUpdated();
  const today = todayInFinland();
  const unreached = [...meeting.items].sort((a, b) => a.position - b.position).filter(isUnreached);
  const upcoming = useQuery({ queryKey: [...MEETINGS_KEY, 'upcoming'], queryFn: () => invoke('meetings.list', { when: 'upcoming' }), enabled: unreached.length > 0 });
  const candidates = (upcoming.data ?? []).filter((m) => m.teamId === meeting.teamId && m.state === 'scheduled' && m.id !== meeting.id);
  const [target, setTarget] = useState<'existing' | 'new'>('new');
  const [existingId, setExistingId] = useState<string | null>(null);
  // Usually the team's next meeting is already scheduled: offer the soonest one first.
  const soonest = candidates[0]?.id ?? null;
  const [offered, setOffered] = useState(false);
  useEffect(() => {
    if (offered || !soonest) return;
    setOffered(true);
    setTarget('existing');
    setExistingId(soonest);
  }, [offered, soonest]);
  const [next, setNext] = useState({ date: '', time: meeting.time, place: meeting.place });
  const [showErrors, setShowErrors] = useState(false);

  const carryOver: CarryOver | 'invalid' =
    unreached.length === 0
      ? null
      : target === 'existing'
        ? existingId
          ? { kind: 'existing', meetingId: existingId }
          : 'invalid'
        : DATE.test(next.date) && next.date >= today && TIME.test(next.time)
          ? { kind: 'new', date: next.date, time: next.time, place: next.place.trim() }
          : 'invalid';

  const finish = useMutation({
    mutationFn: (carryOverTo: CarryOver) => invoke('meetings.finish', { meetingId: meeting.id, carryOverTo }),
    onSuccess: (r) => {
      updated(r.meeting);
      notifySuccess(t('meetings.finish.done'));
      onFinished(r.nextMeetingId);
    },
  });
  const submit = () => {
    setShowErrors(true);
    if (carryOver !== 'invalid') finish.mutate(carryOver);
  };

  return (
    <Stack gap="md">
      {unreached.length === 0 ? (
        <Text>{t('meetings.finish.nothingLeft')}</Text>
      ) : (
        <>
          <div>
            <Text fw={600} id="finish-unreached">{t('meetings.finish.unreached', { count: unreached.length })}</Text>
            <List aria-labelledby="finish-unreached">
              {unreached.map((i) => (
                <List.Item key={i.id}>
                  <Text span ff="monospace">{i.caseNumber}</Text> {i.clientName}
                </List.Item>
              ))}
            </List>
          </div>
          <Radio.Group label={t('meetings.finish.where')} value={target} onChange={(v) => setTarget(v as 'existing' | 'new')} required>
            <Stack gap="xs" mt="xs">
              <Radio value="existing" label={t('meetings.finish.existing')} disabled={candidates.length === 0} description={upcoming.data && candidates.length === 0 ? t('meetings.finish.noExisting') : undefined} />
              <Radio value="new" label={t('meetings.finish.newMeeting')} />
            </Stack>
          </Radio.Group>
          {target === 'existing' && (
            <Select
              label={t('meetings.finish.meeting')}
              required
              data={candidates.map((m) => ({ value: m.id, label: `${meetingWhen(m, i18n.language)}${m.place ? ` · ${m.place}` : ''}` }))}
              value={existingId}
              onChange={setExistingId}
              error={showErrors && !existingId ? t('common.required') : undefined}
            />
          )}
          {target === 'new' && (
            <Stack gap="sm">
              <Group grow align="flex-start">
                <TextInput
                  type="date"
                  label={t('meetings.form.date')}
                  required
                  min={today}
                  value={next.date}
                  onChange={(e) => setNext({ ...next, date: e.currentTarget.value })}
                  error={showErrors && !DATE.test(next.date) ? t('common.required') : showErrors && next.date < today ? t('meetings.form.dateInPast') : undefined}
                />
                <TextInput type="time" label={t('meetings.form.time')} required value={next.time} onChange={(e) => setNext({ ...next, time: e.currentTarget.value })} />
              </Group>
              <TextInput label={t('meetings.form.place')} description={t('meetings.form.placeHint')} maxLength={MAX_SHORT_TEXT} value={next.place} onChange={(e) => setNext({ ...next, place: e.currentTarget.value })} />
            </Stack>
          )}
        </>
      )}
      <FormError error={upcoming.error ?? finish.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
        <Button color="red.9" onClick={submit} loading={finish.isPending}>{t('meetings.finish.confirm')}</Button>
      </Group>
    </Stack>
  );
}

/** Finishing: the cases not reached go to a chosen or a new meeting of the team, and the meeting becomes its record. */
export function FinishDialog({ opened, meeting, onClose, onFinished }: { opened: boolean; meeting: MeetingDetail; onClose: () => void; onFinished: (nextMeetingId: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('meetings.finish.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened && <FinishForm meeting={meeting} onClose={onClose} onFinished={onFinished} />}
    </Modal>
  );
}
