import { Button, Group, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../shared/api/contract';
import { MAX_NAME_LENGTH } from '../../../shared/domain/client';
import { MIN_PASSWORD_LENGTH, PROFESSIONS, ROLES, USERNAME_PATTERN, type Profession, type Role } from '../../../shared/domain/user';
import { invoke } from '../../api/client';
import { USERS_KEY } from '../../api/keys';
import { FormError } from '../session/FormError';

interface Values {
  displayName: string;
  username: string;
  profession: Profession;
  organisation: string;
  role: Role;
  password: string;
}

export function UserForm({ onDone, onCancel }: { onDone: (u: UserSummary) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: { displayName: '', username: '', profession: 'nurse', organisation: '', role: 'team_member', password: '' },
    validate: {
      displayName: (v) => (!v.trim() ? t('common.required') : v.length > MAX_NAME_LENGTH ? t('common.tooLong', { max: MAX_NAME_LENGTH }) : null),
      username: (v) => (USERNAME_PATTERN.test(v.trim().toLowerCase()) ? null : t('create.usernameInvalid')),
      organisation: (v) => (v.length > MAX_NAME_LENGTH ? t('common.tooLong', { max: MAX_NAME_LENGTH }) : null),
      password: (v) => (v.length < MIN_PASSWORD_LENGTH ? t('create.passwordTooShort', { min: MIN_PASSWORD_LENGTH }) : null),
    },
  });
  const create = useMutation({
    mutationFn: (v: Values) => invoke('users.create', v),
    onSuccess: (u) => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      onDone(u);
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
      <Stack gap="sm">
        <TextInput label={t('users.name')} required data-autofocus key={form.key('displayName')} {...form.getInputProps('displayName')} />
        <TextInput label={t('users.username')} description={t('create.usernameHint')} required autoCapitalize="none" spellCheck={false} key={form.key('username')} {...form.getInputProps('username')} />
        <Select label={t('users.profession')} required allowDeselect={false} data={PROFESSIONS.map((p) => ({ value: p, label: t(`professions.${p}`) }))} key={form.key('profession')} {...form.getInputProps('profession')} />
        <TextInput label={t('users.organisation')} description={t('users.organisationHint')} key={form.key('organisation')} {...form.getInputProps('organisation')} />
        <Select label={t('users.role')} required allowDeselect={false} data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} key={form.key('role')} {...form.getInputProps('role')} />
        <PasswordInput label={t('users.firstPassword')} description={t('users.firstPasswordHint', { min: MIN_PASSWORD_LENGTH })} required autoComplete="new-password" key={form.key('password')} {...form.getInputProps('password')} />
        <FormError error={create.error} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" loading={create.isPending}>{t('users.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
