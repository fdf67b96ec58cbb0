import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../../shared/domain/user';
import { invoke } from '../../api/client';
import { notifySuccess } from '../../notify';
import { FormError } from '../session/FormError';

/** The case file is bytes (UTF-8 JSON) carried as base64; saved as they are, not re-encoded as text. */
function downloadBase64(filename: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

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
