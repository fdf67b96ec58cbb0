/**
 * "Export PDF" (issue 7): a plan version as a PDF/A document in the language the client needs
 * (independent of the UI's), with the identity code masked unless the user asks for the client's
 * own copy and confirms that the document will hold the full code. A version not yet signed is
 * exported too, watermarked as a draft; the dialog says so before anything is made. In Electron
 * the file goes where the user chooses in a native Save dialog (the main process writes it
 * atomically: electron/main/save-pdf.ts); in browser mode it is downloaded.
 */
import { Alert, Button, Checkbox, Group, Loader, Modal, Radio, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output, PlanVersion } from '../../../shared/api/contract';
import { AppError, isErrorCode } from '../../../shared/api/errors';
import { CATALOGUE_LANGUAGES, type CatalogueLanguage } from '../../../shared/domain/catalogue';
import { invoke } from '../../api/client';
import type { SavePlanPdfInput, SavePlanPdfResult } from '../../../shared/api/bridge';
import { downloadBase64, nativePlanPdfSaver } from '../../download';
import { errorText } from '../../errors';
import { useSlow } from '../../useSlow';
import { notifySuccess } from '../../notify';


interface ExportRequest {
  language: CatalogueLanguage;
  fullIdentityCode: boolean;
}

/** Browser mode downloads the bytes; Electron saved them where the user chose, or the user closed the Save dialog. */
type ExportOutcome = { kind: 'download'; file: Output<'plans.exportPdf'> } | { kind: 'saved'; path: string; pages: number } | { kind: 'cancelled' };

/**
 * Electron: the main process exports, asks where to save (a native Save dialog) and writes the file
 * atomically; a refusal comes back as an error code like any call's. Browser mode: the bytes, to
 * be downloaded.
 */
async function exportOrSave(request: SavePlanPdfInput): Promise<ExportOutcome> {
  const save = nativePlanPdfSaver();
  if (!save) return { kind: 'download', file: await invoke('plans.exportPdf', request) };
  const result: SavePlanPdfResult = await save(request).catch(() => ({ status: 'error', code: 'unreachable', message: 'The main process cannot be reached.' }) as const);
  if (result.status === 'error') throw new AppError(isErrorCode(result.code) ? result.code : 'internal', result.message);
  return result.status === 'saved' ? { kind: 'saved', path: result.path, pages: result.pages } : { kind: 'cancelled' };
}

function uiLanguage(lng: string | undefined): CatalogueLanguage {
  const base = (lng ?? '').slice(0, 2);
  return (CATALOGUE_LANGUAGES as readonly string[]).includes(base) ? (base as CatalogueLanguage) : 'fi';
}

export function ExportPdf({ caseId, version, size = 'sm' }: { caseId: string; version: PlanVersion; size?: 'xs' | 'sm' | 'md' }) {
  const { t, i18n } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [language, setLanguage] = useState<CatalogueLanguage>(() => uiLanguage(i18n.language));
  const [fullCode, setFullCode] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [confirmMissing, setConfirmMissing] = useState(false);
  const progressId = useId();

  const exportPdf = useMutation({
    mutationFn: (r: ExportRequest) => exportOrSave({ caseId, version: version.version, language: r.language, fullIdentityCode: r.fullIdentityCode }),
  });
  const pending = exportPdf.isPending;

  const slow = useSlow(pending);

  const open = () => {
    // Each export starts from the UI language and the masked code: the full code is never a default.
    setLanguage(uiLanguage(i18n.language));
    setFullCode(false);
    setConfirmed(false);
    setConfirmMissing(false);
    exportPdf.reset();
    setOpened(true);
  };
  const close = () => setOpened(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    if (fullCode && !confirmed) {
      setConfirmMissing(true);
      return;
    }
    exportPdf.mutate(
      { language, fullIdentityCode: fullCode },
      {
        onSuccess: (outcome) => {
          // The Save dialog was closed: nothing was written, and this dialog stays as it was.
          if (outcome.kind === 'cancelled') return;
          if (outcome.kind === 'download') {
            // Browser mode: a download of the bytes as they came.
            downloadBase64(outcome.file.fileName, outcome.file.pdfBase64, 'application/pdf');
            notifySuccess(t('exportPdf.done', { fileName: outcome.file.fileName, count: outcome.file.pages }));
          } else {
            // Electron: the main process wrote it (atomically) where the user chose in the Save dialog.
            notifySuccess(t('exportPdf.saved', { path: outcome.path, count: outcome.pages }));
          }
          setOpened(false);
        },
      },
    );
  };

  const unsigned = version.state === 'draft' || version.state === 'frozen';
  return (
    <>
      <Button variant="default" size={size} onClick={open}>
        {t('exportPdf.button')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        withinPortal={false}
        // Out of a portal, Mantine's fixed inner box takes its left edge from where the modal sits
        // (here beside a button in a row), which would push the dialog off the screen.
        styles={{ inner: { left: 0 } }}
        title={t('exportPdf.title', { version: version.version })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('exportPdf.intro')}</Text>
            {unsigned && (
              <Alert variant="outline" color="dark" title={t('exportPdf.draftTitle')}>
                <Text c="var(--mantine-color-text)">{t('exportPdf.draftNote')}</Text>
              </Alert>
            )}
            <Radio.Group label={t('exportPdf.language')} description={t('exportPdf.languageHint')} value={language} onChange={(v) => setLanguage(uiLanguage(v))}>
              <Group gap="lg" mt={6}>
                {CATALOGUE_LANGUAGES.map((l) => (
                  // Each language by its own name, marked as that language for screen readers.
                  <Radio key={l} value={l} label={<span lang={l}>{t(`language.${l}`)}</span>} data-autofocus={l === language ? true : undefined} />
                ))}
              </Group>
            </Radio.Group>
            <Checkbox
              label={t('exportPdf.fullCode')}
              description={t('exportPdf.fullCodeHint')}
              checked={fullCode}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setFullCode(on);
                setConfirmed(false);
                setConfirmMissing(false);
              }}
            />
            {fullCode && (
              <Checkbox
                ml="xl"
                label={t('exportPdf.confirmFullCode')}
                checked={confirmed}
                onChange={(e) => {
                  setConfirmed(e.currentTarget.checked);
                  setConfirmMissing(false);
                }}
                error={confirmMissing ? t('exportPdf.confirmRequired') : undefined}
              />
            )}
            {pending && slow && (
              <Group gap="sm">
                <Loader size="sm" role="progressbar" aria-labelledby={progressId} />
                <Text id={progressId}>{t('exportPdf.progress')}</Text>
              </Group>
            )}
            {exportPdf.isError && (
              <Alert color="red.9" variant="outline" role="alert" title={t('exportPdf.failed')}>
                <Text c="var(--mantine-color-text)">{errorText(t, exportPdf.error)}</Text>
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" disabled={pending}>
                {t('exportPdf.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
