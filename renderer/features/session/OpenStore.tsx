import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { EntryLayout } from './EntryLayout';
import { FormError } from './FormError';
import { useStatusMutation } from './useStatusMutation';

export function OpenStore({ onBack, onOpened }: { onBack: () => void; onOpened: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { dataDir: '' },
    validate: { dataDir: (v) => (v.trim() ? null : t('common.required')) },
  });
  const open = useStatusMutation((input: { dataDir: string }) => invoke('store.open', input), onOpened);
  return (
    <EntryLayout title={t('open.title')}>
      <form onSubmit={form.onSubmit((v) => open.mutate(v))} noValidate>
        <Stack gap="sm">
          <TextInput label={t('open.folder')} description={t('open.folderHint')} required autoFocus spellCheck={false} key={form.key('dataDir')} {...form.getInputProps('dataDir')} />
          <FormError error={open.error} />
          <Group justify="space-between" mt="sm">
            <Button variant="default" onClick={onBack}>{t('common.back')}</Button>
            <Button type="submit" loading={open.isPending}>{t('open.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </EntryLayout>
  );
}
