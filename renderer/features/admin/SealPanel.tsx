import { Alert, Button, CopyButton, FileInput, Group, Modal, Paper, PasswordInput, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEAL_P12_MAX_BYTES, type SealInfo } from '../../../shared/api/contract-plans';
import { formatDateTime } from '../../../shared/domain/dates';
import { invoke } from '../../api/client';
import { notifySuccess } from '../../notify';
import { FormError } from '../session/FormError';

export const SEAL_KEY = ['admin.sealInfo'] as const;

/** A seal certificate this close to its end is flagged to the administrator. */
const EXPIRY_WARNING_DAYS = 90;
const DAY_MS = 864e5;
const MAX_KIB = Math.floor(SEAL_P12_MAX_BYTES / 1024);

/** "32BF EDA1 1EE1 …": the SHA-256 in groups of four, to read aloud and compare. */
export function groupedFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In chunks: String.fromCharCode with one argument per byte overflows the stack on large input.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function Fingerprint({ hex, size = 'sm' }: { hex: string; size?: 'xs' | 'sm' }) {
  return (
    <Text size={size} ff="monospace" style={{ overflowWrap: 'anywhere' }}>
      {groupedFingerprint(hex)}
    </Text>
  );
}

function ExpiryNotice({ notAfter }: { notAfter: string }) {
  const { t, i18n } = useTranslation();
  const left = Date.parse(notAfter) - Date.now();
  const date = formatDateTime(notAfter, i18n.language);
  if (left < 0) return <Alert color="red" variant="light">{t('seal.current.expired', { date })}</Alert>;
  if (left < EXPIRY_WARNING_DAYS * DAY_MS) return <Alert color="yellow" variant="light">{t('seal.current.expiresSoon', { date })}</Alert>;
  return null;
}

/** The seal in use, one fact a row (row headers name each). */
function CurrentSeal({ seal }: { seal: SealInfo }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  return (
    <Stack gap="sm">
      <ExpiryNotice notAfter={seal.notAfter} />
      <Table variant="vertical" layout="fixed" withTableBorder aria-label={t('seal.current.title')} data-testid="current-seal">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row" w={220}>{t('seal.current.subject')}</Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{seal.subject}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('seal.current.fingerprint')}</Table.Th>
            <Table.Td>
              <Stack gap={4}>
                <Fingerprint hex={seal.fingerprintSha256} />
                <Text size="xs" c="dimmed">{t('seal.current.fingerprintHint')}</Text>
                <CopyButton value={groupedFingerprint(seal.fingerprintSha256)}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="default" onClick={copy} w="fit-content">
                      {copied ? t('seal.current.copied') : t('seal.current.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Stack>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('seal.current.validFrom')}</Table.Th>
            <Table.Td>{when(seal.notBefore)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('seal.current.validTo')}</Table.Th>
            <Table.Td>{when(seal.notAfter)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('seal.current.source')}</Table.Th>
            <Table.Td>{t(`seal.sources.${seal.source}`)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('seal.current.created')}</Table.Th>
            <Table.Td>{seal.createdByName}, {when(seal.createdAt)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function EarlierSeals({ seals }: { seals: SealInfo[] }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  if (seals.length === 0) return <Text>{t('seal.earlier.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped aria-label={t('seal.earlier.title')}>
        <Table.Thead>
          <Table.Tr>
            {(['subject', 'fingerprint', 'validity', 'source', 'created', 'retired'] as const).map((c) => (
              <Table.Th key={c} scope="col">{t(`seal.earlier.columns.${c}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {seals.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{s.subject}</Table.Td>
              <Table.Td w={220}><Fingerprint hex={s.fingerprintSha256} size="xs" /></Table.Td>
              <Table.Td>{when(s.notBefore)} – {when(s.notAfter)}</Table.Td>
              <Table.Td>{t(`seal.sources.${s.source}`)}</Table.Td>
              <Table.Td>{s.createdByName}, {when(s.createdAt)}</Table.Td>
              <Table.Td>{s.retiredAt ? when(s.retiredAt) : '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface ImportValues {
  file: File | null;
  passphrase: string;
}

/** The county's PKCS#12: chosen and checked for size here, confirmed, then checked and stored by the backend. */
function ImportForm({ replacing }: { replacing: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<{ file: File; passphrase: string } | null>(null);
  const form = useForm<ImportValues>({
    mode: 'controlled',
    initialValues: { file: null, passphrase: '' },
    validate: {
      file: (f) => (!f ? t('seal.import.fileRequired') : f.size === 0 ? t('seal.import.fileEmpty') : f.size > SEAL_P12_MAX_BYTES ? t('seal.import.tooLarge', { size: MAX_KIB }) : null),
    },
    // A refusal belongs to the file and passphrase that were tried; changing either clears it.
    onValuesChange: () => importSeal.reset(),
  });
  const importSeal = useMutation({
    mutationFn: async (v: { file: File; passphrase: string }) => invoke('admin.importSeal', { p12Base64: await fileToBase64(v.file), passphrase: v.passphrase }),
    onSuccess: (seal) => {
      void queryClient.invalidateQueries({ queryKey: SEAL_KEY });
      notifySuccess(t('seal.imported', { subject: seal.subject }));
      form.reset();
    },
    onSettled: () => setConfirming(null),
  });

  return (
    <>
      <form
        onSubmit={form.onSubmit((v) => {
          if (v.file) setConfirming({ file: v.file, passphrase: v.passphrase });
        })}
        noValidate
      >
        <Stack gap="sm" maw={560}>
          <FileInput
            label={t('seal.import.file')}
            description={t('seal.import.fileHint', { size: MAX_KIB })}
            accept=".p12,.pfx"
            required
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            key={form.key('file')}
            {...form.getInputProps('file')}
          />
          <PasswordInput label={t('seal.import.passphrase')} description={t('seal.import.passphraseHint')} autoComplete="off" key={form.key('passphrase')} {...form.getInputProps('passphrase')} />
          <FormError error={importSeal.error} />
          <Group>
            <Button type="submit" loading={importSeal.isPending}>{t('seal.import.submit')}</Button>
          </Group>
        </Stack>
      </form>
      <Modal opened={confirming !== null} onClose={() => !importSeal.isPending && setConfirming(null)} title={t('seal.confirm.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {confirming && (
          <Stack gap="md">
            <Text>{t('seal.confirm.body', { file: confirming.file.name })}</Text>
            {replacing && <Text size="sm">{t('seal.confirm.earlier')}</Text>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)} disabled={importSeal.isPending}>{t('common.cancel')}</Button>
              <Button loading={importSeal.isPending} onClick={() => importSeal.mutate(confirming)} data-autofocus>
                {t('seal.confirm.replace')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}

/** Administrator: the organisation's seal (the certificate every exported plan PDF is signed with), the earlier ones, and importing the county's own. */
export function SealPanel() {
  const { t } = useTranslation();
  const seals = useQuery({ queryKey: SEAL_KEY, queryFn: () => invoke('admin.sealInfo', {}) });
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="seal-about">
        <Stack gap="xs">
          <Title order={2} size="h3" id="seal-about">{t('seal.about.title')}</Title>
          <Text size="sm">{t('seal.about.what')}</Text>
          <Text size="sm">{t('seal.about.generated')}</Text>
          <Text size="sm">{t('seal.about.earlier')}</Text>
          <Text size="sm">{t('seal.about.ascii')}</Text>
          <Text size="sm">{t('seal.about.storage')}</Text>
        </Stack>
      </Paper>
      <FormError error={seals.error} />
      <Stack gap="sm" component="section" aria-labelledby="seal-current">
        <Title order={2} size="h3" id="seal-current">{t('seal.current.title')}</Title>
        {seals.data && (seals.data.current ? <CurrentSeal seal={seals.data.current} /> : <Text>{t('seal.current.none')}</Text>)}
      </Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="seal-import">
        <Stack gap="sm">
          <Title order={2} size="h3" id="seal-import">{t('seal.import.title')}</Title>
          <Text size="sm">{t('seal.import.intro')}</Text>
          <ImportForm replacing={!!seals.data?.current} />
        </Stack>
      </Paper>
      <Stack gap="sm" component="section" aria-labelledby="seal-earlier">
        <Title order={2} size="h3" id="seal-earlier">{t('seal.earlier.title')}</Title>
        {seals.data && <EarlierSeals seals={seals.data.earlier} />}
      </Stack>
    </Stack>
  );
}
