import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_NAME_LENGTH, SERVICE_LANGUAGES, type ServiceLanguage } from '../../../shared/domain/client';
import { invoke } from '../../api/client';
import { notifySuccess } from '../../notify';
import { CLIENTS_KEY } from '../../api/keys';
import { FormError } from '../session/FormError';

export function NewClientForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const languageLabel = useId();
  const form = useForm<{ name: string; language: ServiceLanguage }>({
    mode: 'uncontrolled',
    initialValues: { name: '', language: 'fi' },
    validate: {
      name: (v) => (!v.trim() ? t('common.required') : v.length > MAX_NAME_LENGTH ? t('common.tooLong', { max: MAX_NAME_LENGTH }) : null),
    },
  });
  const create = useMutation({
    mutationFn: (input: { name: string; language: ServiceLanguage }) => invoke('clients.create', input),
    onSuccess: (client) => {
      void queryClient.invalidateQueries({ queryKey: CLIENTS_KEY });
      notifySuccess(t('clients.added', { name: client.name }));
      onDone();
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
      <Stack gap="sm">
        <TextInput label={t('clients.name')} required data-autofocus maxLength={MAX_NAME_LENGTH} key={form.key('name')} {...form.getInputProps('name')} />
        <div>
          <Text id={languageLabel} size="sm" fw={500} mb={4}>{t('clients.language')}</Text>
          <SegmentedControl
            aria-labelledby={languageLabel}
            data={SERVICE_LANGUAGES.map((l) => ({ value: l, label: t(`clients.languages.${l}`) }))}
            key={form.key('language')}
            {...form.getInputProps('language')}
          />
        </div>
        <FormError error={create.error} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={create.isPending}>{t('clients.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
