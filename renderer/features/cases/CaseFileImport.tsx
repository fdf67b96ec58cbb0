import { Alert, Button, Checkbox, FileInput, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CASE_FILE_BASE64, type Output } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { invoke } from '../../api/client';
import { CLIENTS_KEY } from '../../api/keys';
import { formatDateTime } from '../../../shared/domain/dates';
import { notifySuccess } from '../../notify';
import { FormError } from '../session/FormError';

type Preview = Output<'cases.importPreview'>;

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In chunks: String.fromCharCode with one argument per byte overflows the stack on large files.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function CaseFileImport({ onImported }: { onImported: (clientId: string) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [preview, setPreview] = useState<{ data: string; value: Preview } | null>(null);
  const [useExisting, setUseExisting] = useState(false);
  const form = useForm<{ file: File | null; passphrase: string }>({
    mode: 'controlled',
    initialValues: { file: null, passphrase: '' },
    validate: {
      file: (f) => (f ? (Math.ceil(f.size / 3) * 4 > MAX_CASE_FILE_BASE64 ? t('caseFile.fileTooLarge') : null) : t('caseFile.fileRequired')),
      passphrase: (v) => (v ? null : t('common.required')),
    },
    // A preview belongs to one file and one passphrase; changing either asks again.
    onValuesChange: () => setPreview(null),
  });
  const previewFile = useMutation({
    mutationFn: async (v: { file: File; passphrase: string }) => {
      const data = await fileToBase64(v.file);
      return { data, value: await invoke('cases.importPreview', { data, passphrase: v.passphrase }) };
    },
    onSuccess: (p) => {
      setUseExisting(false);
      setPreview(p);
    },
  });
  const importFile = useMutation({
    mutationFn: (p: { data: string }) =>
      invoke('cases.import', { data: p.data, passphrase: form.getValues().passphrase, onIdentityCodeClash: useExisting ? 'use_existing_client' : 'refuse' }),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: CLIENTS_KEY });
      notifySuccess(t('caseFile.imported', { number: r.caseNumber }));
      close();
      onImported(r.clientId);
    },
  });
  function close() {
    form.reset();
    setPreview(null);
    previewFile.reset();
    importFile.reset();
    setOpened(false);
  }
  const error = previewFile.error ?? importFile.error;
  const p = preview?.value;
  const clash = p?.identityCodeClash ?? null;
  const canImport = p !== undefined && !p.alreadyImported && (clash === null || useExisting);

  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>{t('caseFile.import')}</Button>
      <Modal opened={opened} onClose={close} title={t('caseFile.importTitle')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <form onSubmit={form.onSubmit((v) => {
          if (v.file) previewFile.mutate({ file: v.file, passphrase: v.passphrase });
        })} noValidate>
          <Stack gap="sm">
            <FileInput label={t('caseFile.file')} accept=".tpcase,application/json,application/octet-stream" required clearable clearButtonProps={{ 'aria-label': t('common.clear') }} key={form.key('file')} {...form.getInputProps('file')} />
            <PasswordInput label={t('caseFile.passphrase')} required autoComplete="off" key={form.key('passphrase')} {...form.getInputProps('passphrase')} />
            <FormError error={error} />
            {error instanceof AppError && error.code === 'wrong_passphrase' && <Text size="sm">{t('caseFile.wrongPassphraseHint')}</Text>}
            {p && (
              <Stack gap={4} component="section" aria-label={t('caseFile.previewTitle')}>
                <Text fw={600}>{t('caseFile.previewTitle')}</Text>
                <Text size="sm">{t('caseFile.client')}: {p.clientName}</Text>
                <Text size="sm">{t('caseFile.identityCode')}: {p.identityCodeMasked ?? t('caseFile.noIdentityCode')}</Text>
                <Text size="sm">{t('caseFile.caseNumber')}: <Text span ff="monospace">{p.caseNumber}</Text></Text>
                <Text size="sm">{t('caseFile.status')}: {t(`cases.statuses.${p.status}`)}</Text>
                <Text size="sm">{t('caseFile.counts', { consents: p.counts.consents ?? 0, sections: p.counts.backgroundSections ?? 0, attachments: p.counts.attachments ?? 0 })}</Text>
                <Text size="sm">{t('caseFile.exportedBy', { name: p.exportedBy, date: formatDateTime(p.exportedAt, i18n.language) })}</Text>
                {p.alreadyImported && <Alert color="yellow" variant="light">{t('caseFile.alreadyImported')}</Alert>}
                {clash && !p.alreadyImported && (
                  <Alert color="yellow" variant="light">
                    <Stack gap="xs">
                      <Text size="sm">{t('caseFile.clash', { name: clash.name })}</Text>
                      <Checkbox label={t('caseFile.useExisting', { name: clash.name })} checked={useExisting} onChange={(e) => setUseExisting(e.currentTarget.checked)} />
                      <Text size="sm">{t('caseFile.useExistingNote')}</Text>
                    </Stack>
                  </Alert>
                )}
              </Stack>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
              {p ? (
                <Button disabled={!canImport} loading={importFile.isPending} onClick={() => preview && importFile.mutate(preview)}>{t('caseFile.importButton')}</Button>
              ) : (
                <Button type="submit" loading={previewFile.isPending}>{t('caseFile.preview')}</Button>
              )}
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
