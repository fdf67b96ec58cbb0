/**
 * The file to verify, dropped or chosen, and the answer. The drop zone holds a real file input
 * ("Choose file", reached by Tab, opened with Enter or Space); a file over the limit is refused
 * here, before it is read. A check that takes longer than half a second shows that it is working.
 * The verdict is announced politely; "Verify another" starts again with the input focused.
 */
import { Alert, Box, Button, Group, Loader, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PdfVerification } from '../../../shared/api/contract';
import { invoke } from '../../api/client';
import { errorText } from '../../errors';
import { useSlow } from '../../useSlow';
import { fileToBase64, megabytes, PDF_VERIFY_MAX_BYTES, refusalOf } from './readFile';
import { verdictText, VerifyResult } from './VerifyResult';


type Refusal = { key: 'empty' | 'oneFile' } | { key: 'tooLarge'; size: number };

/** The browser could not read the file (moved or deleted since it was chosen, say). */
class FileUnreadable extends Error {}

interface Checked {
  fileName: string;
  result: PdfVerification;
}

export function VerifyPdf({ headingOrder = 2 }: { headingOrder?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const dropTitleId = useId();
  const progressId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const resultHeadingRef = useRef<HTMLHeadingElement>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [dragging, setDragging] = useState(false);
  const [inputFocused, setInputFocused] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  // What the live region says: set once the verdict is in, cleared on a new start.
  const [announcement, setAnnouncement] = useState('');

  const verify = useMutation({
    mutationFn: async (file: File): Promise<Checked> => {
      let pdfBase64: string;
      try {
        pdfBase64 = await fileToBase64(file);
      } catch {
        throw new FileUnreadable();
      }
      return { fileName: file.name, result: await invoke('pdf.verify', { pdfBase64 }) };
    },
    onSuccess: (c) => {
      setChecked(c);
      setAnnouncement(verdictText(t, c.result, i18n.language));
    },
  });
  const pending = verify.isPending;

  const slow = useSlow(pending);

  // The answer replaces the drop zone: the reader is taken to it (the live region says the verdict).
  useEffect(() => {
    if (checked) resultHeadingRef.current?.focus();
  }, [checked]);

  const start = (files: FileList | null) => {
    // One check at a time: a file chosen or dropped while one runs is ignored.
    if (pending) return;
    setAnnouncement('');
    verify.reset();
    if (!files || files.length === 0) return;
    if (files.length > 1) {
      setRefusal({ key: 'oneFile' });
      return;
    }
    const file = files[0]!;
    const why = refusalOf(file);
    if (why === 'tooLarge') setRefusal({ key: 'tooLarge', size: file.size });
    else if (why) setRefusal({ key: why });
    else {
      setRefusal(null);
      verify.mutate(file);
    }
  };

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    start(e.currentTarget.files);
    // The same file may be chosen again (after a change to it, say).
    e.currentTarget.value = '';
  };

  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDragLeave = (e: DragEvent) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    start(e.dataTransfer.files);
  };

  const again = () => {
    setChecked(null);
    setRefusal(null);
    setAnnouncement('');
    verify.reset();
  };
  // Back at the drop zone after "Verify another": the input has focus again.
  const wasChecked = useRef(false);
  useEffect(() => {
    if (wasChecked.current && !checked) inputRef.current?.focus();
    wasChecked.current = checked !== null;
  }, [checked]);

  const max = megabytes(PDF_VERIFY_MAX_BYTES, i18n.language);
  const refusalText =
    refusal === null ? null : refusal.key === 'tooLarge' ? t('verifyPdf.tooLarge', { size: megabytes(refusal.size, i18n.language), max }) : t(`verifyPdf.${refusal.key}`);

  return (
    <Stack gap="md">
      <VisuallyHidden role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </VisuallyHidden>
      {checked ? (
        <Stack gap="md">
          <Title order={headingOrder} size="h3" ref={resultHeadingRef} tabIndex={-1} style={{ overflowWrap: 'anywhere' }}>
            {t('verifyPdf.resultTitle', { file: checked.fileName })}
          </Title>
          <VerifyResult
            result={checked.result}
            headingOrder={headingOrder === 2 ? 3 : 4}
            actions={
              <Group>
                <Button onClick={again}>{t('verifyPdf.again')}</Button>
              </Group>
            }
          />
        </Stack>
      ) : (
        <>
          <Box
            role="group"
            aria-labelledby={dropTitleId}
            aria-describedby={hintId}
            aria-busy={pending || undefined}
            data-dragging={dragging || undefined}
            onDragEnter={onDragOver}
            onDragOver={onDragOver}
            onDragLeave={onDragLeave}
            onDrop={onDrop}
            p="xl"
            maw={720}
            style={{
              position: 'relative',
              border: `2px dashed ${dragging || inputFocused ? 'var(--mantine-primary-color-filled)' : 'var(--mantine-color-gray-6)'}`,
              borderRadius: 'var(--mantine-radius-md)',
              background: dragging ? 'var(--mantine-primary-color-light)' : undefined,
              textAlign: 'center',
            }}
          >
            <Stack gap="sm" align="center">
              <Text fw={700} size="lg" id={dropTitleId}>
                {dragging ? t('verifyPdf.dropActive') : t('verifyPdf.dropTitle')}
              </Text>
              <Text id={hintId}>{t('verifyPdf.dropHint', { max })}</Text>
              {/* The real input, out of sight but in the tab order; its label is the visible button. */}
              <input
                ref={inputRef}
                id={inputId}
                type="file"
                accept="application/pdf,.pdf"
                // Not disabled while a check runs: that would take its focus away. A file chosen meanwhile is ignored.
                onChange={onChange}
                onFocus={() => setInputFocused(true)}
                onBlur={() => setInputFocused(false)}
                style={{ position: 'absolute', width: 1, height: 1, padding: 0, margin: -1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 }}
              />
              <Button
                component="label"
                htmlFor={inputId}
                style={inputFocused ? { outline: '3px solid var(--mantine-primary-color-filled)', outlineOffset: 3 } : undefined}
              >
                {t('verifyPdf.choose')}
              </Button>
            </Stack>
          </Box>
          {pending && slow && (
            <Group gap="sm">
              <Loader size="sm" role="progressbar" aria-labelledby={progressId} />
              <Text id={progressId}>{t('verifyPdf.progress')}</Text>
            </Group>
          )}
          {refusalText && (
            <Alert color="red.9" variant="outline" role="alert" maw={720}>
              <Text c="var(--mantine-color-text)">{refusalText}</Text>
            </Alert>
          )}
          {verify.isError && (
            <Alert color="red.9" variant="outline" role="alert" title={t('verifyPdf.failed')} maw={720}>
              <Text c="var(--mantine-color-text)">{verify.error instanceof FileUnreadable ? t('verifyPdf.readFailed') : errorText(t, verify.error)}</Text>
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}
