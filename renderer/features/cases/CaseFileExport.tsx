import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../../shared/domain/user';
import { invoke } from '../../api/client';
import { notifySuccess } from '../../notify';
import { FormError } from '../session/FormError';
import { downloadBase64 } from '../../download';

export function CaseFileExport({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { passphrase: '', again: '' },
    validate: {
      passphrase: (v: string) => (v.length < MIN_PASSWORD_LENGTH ? t('caseFile.passphraseTooShort', { min: MIN_PASSWORD_LENGTH }) : null),
      again: (v: string, values) => (v !== values.passphrase ? t('caseFile.passphraseMismatch') : null),
    },
  });
  const exportFile = useMutation({
    mutationFn: (passphrase: string) => invoke('cases.export', { caseId, passphrase }),
    onSuccess: (file) => {
      downloadBase64(file.filename, file.data);
      notifySuccess(t('caseFile.exported', { filename: file.filename }));
      close();
    },
  });
  function close() {
    // The passphrase must not linger in a closed dialog.
    form.reset();
    exportFile.reset();
    setOpened(false);
  }
  return (
    <>
      <Button variant="default" size="xs" onClick={() => setOpened(true)}>{t('caseFile.export')}</Button>
      <Modal opened={opened} onClose={close} title={t('caseFile.exportTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <form onSubmit={form.onSubmit((v) => exportFile.mutate(v.passphrase))} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('caseFile.exportIntro')}</Text>
            <PasswordInput
              label={t('caseFile.passphrase')}
              description={t('caseFile.passphraseHint', { min: MIN_PASSWORD_LENGTH })}
              required
              data-autofocus
              autoComplete="new-password"
              key={form.key('passphrase')}
              {...form.getInputProps('passphrase')}
            />
            <PasswordInput label={t('caseFile.passphraseAgain')} required autoComplete="new-password" key={form.key('again')} {...form.getInputProps('again')} />
            <FormError error={exportFile.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
              <Button type="submit" loading={exportFile.isPending}>{t('caseFile.download')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
