import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail, Team } from '../../../shared/api/contract';
import { MAX_SHORT_TEXT } from '../../../shared/domain/case';
import { todayInFinland } from '../../../shared/domain/dates';
import { invoke } from '../../api/client';
import { FormError } from '../session/FormError';

interface Values {
  teamId: string | null;
  date: string;
  time: string;
  place: string;
  chairId: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A new meeting (team, date, time, place, chair) or the details of a scheduled one. */
export function MeetingForm({
  teams,
  meeting,
  currentUserId,
  onDone,
  onCancel,
}: {
  teams: readonly Team[];
  meeting: MeetingDetail | null;
  currentUserId: string;
  onDone: (m: MeetingDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const today = todayInFinland();
  const chairFor = (teamId: string | null) => {
    const team = teams.find((x) => x.id === teamId);
    return team?.members.some((m) => m.userId === currentUserId && m.active) ? currentUserId : null;
  };
  const firstTeam = teams.length === 1 ? teams[0]!.id : null;
  const form = useForm<Values>({
    initialValues: meeting
      ? { teamId: meeting.teamId, date: meeting.date, time: meeting.time, place: meeting.place, chairId: meeting.chairId }
      : { teamId: firstTeam, date: '', time: '13:00', place: '', chairId: chairFor(firstTeam) },
    validate: {
      teamId: (v) => (v ? null : t('common.required')),
      date: (v) => (!DATE.test(v) ? t('common.required') : !meeting && v < today ? t('meetings.form.dateInPast') : null),
      time: (v) => (TIME.test(v) ? null : t('common.required')),
      place: (v) => (v.length > MAX_SHORT_TEXT ? t('common.tooLong', { max: MAX_SHORT_TEXT }) : null),
      chairId: (v) => (v ? null : t('common.required')),
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const common = { date: v.date, time: v.time, place: v.place.trim(), chairId: v.chairId! };
      return meeting ? invoke('meetings.update', { meetingId: meeting.id, ...common }) : invoke('meetings.create', { teamId: v.teamId!, ...common });
    },
    onSuccess: onDone,
  });
  const team = teams.find((x) => x.id === form.values.teamId);
  // The chair comes from the team's members; a chair since deactivated stays selectable until changed.
  const chairs = (team?.members ?? []).filter((m) => m.active || m.userId === meeting?.chairId);

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {!meeting && (
          <Select
            label={t('meetings.form.team')}
            required
            allowDeselect={false}
            data={teams.map((x) => ({ value: x.id, label: x.name }))}
            data-autofocus
            {...form.getInputProps('teamId')}
            onChange={(v) => {
              form.setFieldValue('teamId', v);
              form.setFieldValue('chairId', chairFor(v));
            }}
          />
        )}
        <Group grow align="flex-start">
          <TextInput type="date" label={t('meetings.form.date')} required min={meeting ? undefined : today} data-autofocus={meeting ? true : undefined} {...form.getInputProps('date')} />
          <TextInput type="time" label={t('meetings.form.time')} required {...form.getInputProps('time')} />
        </Group>
        <TextInput label={t('meetings.form.place')} description={t('meetings.form.placeHint')} maxLength={MAX_SHORT_TEXT} {...form.getInputProps('place')} />
        <Select
          label={t('meetings.form.chair')}
          required
          allowDeselect={false}
          disabled={!team}
          data={chairs.map((m) => ({ value: m.userId, label: `${m.displayName} (${t(`professions.${m.profession}`)})` }))}
          nothingFoundMessage={t('meetings.form.noMembers')}
          {...form.getInputProps('chairId')}
        />
        <FormError error={save.error} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" loading={save.isPending}>{meeting ? t('meetings.form.save') : t('meetings.form.create')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
