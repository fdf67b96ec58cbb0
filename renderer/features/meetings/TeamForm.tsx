import { Button, Checkbox, Fieldset, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../shared/api/contract';
import { MAX_SHORT_TEXT } from '../../../shared/domain/case';
import { MAX_NAME_LENGTH } from '../../../shared/domain/client';
import { DEFAULT_REQUIRED_SECTORS, REVIEW_INTERVAL_LIMITS, SECTORS, TEAM_DEFAULTS, TIME_BOX_LIMITS, type Sector } from '../../../shared/domain/meeting';
import { PROFESSIONS, type Profession } from '../../../shared/domain/user';
import { invoke } from '../../api/client';
import { USERS_KEY } from '../../api/keys';
import { FormError } from '../session/FormError';
import { TEAMS_KEY } from './queries';

interface External {
  id?: string;
  name: string;
  organisation: string;
  profession: Profession;
}

interface Values {
  name: string;
  memberIds: string[];
  externals: External[];
  requiredSectors: Sector[];
  newCaseMinutes: number | string;
  reviewMinutes: number | string;
  reviewIntervalMonths: number | string;
}

function initialValues(team: Team | null): Values {
  if (!team) return { name: '', memberIds: [], externals: [], requiredSectors: [...DEFAULT_REQUIRED_SECTORS], ...TEAM_DEFAULTS };
  return {
    name: team.name,
    // Only active users can be members: one deactivated since leaves the team when it is saved.
    memberIds: team.members.filter((m) => m.active).map((m) => m.userId),
    externals: team.externals.map(({ id, name, organisation, profession }) => ({ id, name, organisation, profession })),
    requiredSectors: [...team.requiredSectors],
    newCaseMinutes: team.newCaseMinutes,
    reviewMinutes: team.reviewMinutes,
    reviewIntervalMonths: team.reviewIntervalMonths,
  };
}

const inRange = (v: number | string, limits: { min: number; max: number }) => typeof v === 'number' && Number.isInteger(v) && v >= limits.min && v <= limits.max;

/** Creates or edits a team: members, external regulars, required sectors and the default time boxes. */
export function TeamForm({ team, onDone, onCancel }: { team: Team | null; onDone: (team: Team) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: USERS_KEY, queryFn: () => invoke('users.list', {}) });
  const form = useForm<Values>({
    initialValues: initialValues(team),
    validate: {
      name: (v) => (!v.trim() ? t('common.required') : v.length > MAX_NAME_LENGTH ? t('common.tooLong', { max: MAX_NAME_LENGTH }) : null),
      externals: {
        name: (v) => (!v.trim() ? t('common.required') : v.length > MAX_NAME_LENGTH ? t('common.tooLong', { max: MAX_NAME_LENGTH }) : null),
        organisation: (v) => (v.length > MAX_SHORT_TEXT ? t('common.tooLong', { max: MAX_SHORT_TEXT }) : null),
      },
      newCaseMinutes: (v) => (inRange(v, TIME_BOX_LIMITS) ? null : t('meetings.teams.minutesRange', TIME_BOX_LIMITS)),
      reviewMinutes: (v) => (inRange(v, TIME_BOX_LIMITS) ? null : t('meetings.teams.minutesRange', TIME_BOX_LIMITS)),
      reviewIntervalMonths: (v) => (inRange(v, REVIEW_INTERVAL_LIMITS) ? null : t('meetings.teams.monthsRange', REVIEW_INTERVAL_LIMITS)),
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      invoke('teams.save', {
        ...(team ? { id: team.id } : {}),
        name: v.name.trim(),
        memberIds: v.memberIds,
        externals: v.externals.map((e) => ({ ...(e.id ? { id: e.id } : {}), name: e.name.trim(), organisation: e.organisation.trim(), profession: e.profession })),
        requiredSectors: v.requiredSectors,
        newCaseMinutes: Number(v.newCaseMinutes),
        reviewMinutes: Number(v.reviewMinutes),
        reviewIntervalMonths: Number(v.reviewIntervalMonths),
      }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: TEAMS_KEY });
      onDone(saved);
    },
  });

  const candidates = (users.data ?? []).filter((u) => u.active);
  const professionOptions = PROFESSIONS.map((p) => ({ value: p, label: t(`professions.${p}`) }));

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="md">
        <TextInput label={t('meetings.teams.name')} required data-autofocus maxLength={MAX_NAME_LENGTH} {...form.getInputProps('name')} />
        <FormError error={users.error} />
        <MultiSelect
          label={t('meetings.teams.members')}
          description={t('meetings.teams.membersHint')}
          searchable
          nothingFoundMessage={t('meetings.teams.noUsers')}
          data={candidates.map((u) => ({
            value: u.id,
            label: `${u.displayName} (${t(`professions.${u.profession}`)})`,
          }))}
          {...form.getInputProps('memberIds')}
        />
        <Fieldset legend={t('meetings.teams.externals')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">{t('meetings.teams.externalsHint')}</Text>
            {form.values.externals.map((e, i) => (
              <Fieldset key={form.key(`externals.${i}`)} legend={t('meetings.teams.externalN', { number: i + 1 })} variant="filled">
                <Group align="flex-start" gap="sm" wrap="wrap">
                  <TextInput label={t('meetings.teams.externalName')} required maxLength={MAX_NAME_LENGTH} style={{ flex: 2 }} miw={180} {...form.getInputProps(`externals.${i}.name`)} />
                  <TextInput label={t('meetings.teams.externalOrganisation')} maxLength={MAX_SHORT_TEXT} style={{ flex: 2 }} miw={180} {...form.getInputProps(`externals.${i}.organisation`)} />
                  <Select label={t('meetings.teams.externalProfession')} allowDeselect={false} data={professionOptions} style={{ flex: 2 }} miw={200} {...form.getInputProps(`externals.${i}.profession`)} />
                  <Button
                    mt={25}
                    variant="default"
                    color="red"
                    onClick={() => form.removeListItem('externals', i)}
                    aria-label={t('meetings.teams.removeExternal', { name: e.name.trim() || t('meetings.teams.externalN', { number: i + 1 }) })}
                  >
                    {t('meetings.teams.remove')}
                  </Button>
                </Group>
              </Fieldset>
            ))}
            <Group>
              <Button variant="default" onClick={() => form.insertListItem('externals', { name: '', organisation: '', profession: 'kela_adviser' })}>
                {t('meetings.teams.addExternal')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Checkbox.Group label={t('meetings.teams.requiredSectors')} description={t('meetings.teams.requiredSectorsHint')} {...form.getInputProps('requiredSectors')}>
          <Group gap="md" mt="xs">
            {SECTORS.map((s) => (
              <Checkbox key={s} value={s} label={t(`meetings.sectors.${s}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput label={t('meetings.teams.newCaseMinutes')} min={TIME_BOX_LIMITS.min} max={TIME_BOX_LIMITS.max} allowDecimal={false} {...form.getInputProps('newCaseMinutes')} />
          <NumberInput label={t('meetings.teams.reviewMinutes')} min={TIME_BOX_LIMITS.min} max={TIME_BOX_LIMITS.max} allowDecimal={false} {...form.getInputProps('reviewMinutes')} />
          <NumberInput
            label={t('meetings.teams.reviewInterval')}
            min={REVIEW_INTERVAL_LIMITS.min}
            max={REVIEW_INTERVAL_LIMITS.max}
            allowDecimal={false}
            {...form.getInputProps('reviewIntervalMonths')}
          />
        </SimpleGrid>
        <FormError error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" loading={save.isPending}>{t('meetings.teams.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
