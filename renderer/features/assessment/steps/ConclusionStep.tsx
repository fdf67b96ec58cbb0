import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/api/contract';
import { AppError } from '../../../../shared/api/errors';
import { CLIENT_AGREEMENTS, SERVICE_PATHS } from '../../../../shared/domain/assessment';
import { workAbilityScoreBand } from '../../../../shared/domain/preparation';
import { invoke } from '../../../api/client';
import { errorText } from '../../../errors';
import { useSession } from '../context';
import { ReadValue, RecordText, StoredChoice } from '../fields';
import { readChoice, readRating } from '../keys';
import { missingLabel } from '../missing';
import { ariaKeys } from '../shortcuts';
import { flushAllAutosaves } from '../../preparation/useAutosave';

const RATINGS = Array.from({ length: 11 }, (_, i) => String(i));

export interface CompletionProps {
  /** The agenda item has been marked discussed. */
  completed: boolean;
  onCompleted?: (meeting: MeetingDetail) => void;
  /** Null when no case is left to go to. */
  onNextCase?: (() => void) | null;
}

/** Step 7: the team's conclusion; when the client does not fully agree, both views and grounds. */
export function ConclusionStep(props: CompletionProps) {
  const { t } = useTranslation();
  const { assessment, readOnly } = useSession();
  const f = assessment.fields;
  const agreement = readChoice(CLIENT_AGREEMENTS, f.clientAgreement);
  const disagreement = agreement === 'partly' || agreement === 'disagrees';
  const selfRating = assessment.prepared.clientView?.selfRating ?? null;
  return (
    <Stack gap="md">
      <RecordText field="conclusion.statement" label={t('session.textFields.conclusion.statement')} required minRows={4} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <StoredChoice
          fieldKey="teamRating"
          label={t('session.conclusion.teamRating')}
          emptyLabel={t('session.notRated')}
          options={RATINGS.map((r) => ({ value: r, label: t('session.scoreWithBand', { score: r, band: t(`prep.view.bands.${workAbilityScoreBand(Number(r))}`) }) }))}
          read={(fld) => {
            const r = readRating(fld);
            return r === null ? null : String(r);
          }}
          toChange={(v) => ({ kind: 'teamRating', value: v === null ? null : Number(v) })}
        />
        <ReadValue label={t('session.conclusion.clientRating')} empty={selfRating === null}>
          {selfRating !== null && t('session.scoreWithBand', { score: selfRating, band: t(`prep.view.bands.${workAbilityScoreBand(selfRating)}`) })}
        </ReadValue>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <RecordText field="conclusion.strengths" label={t('session.textFields.conclusion.strengths')} minRows={3} />
        <RecordText field="conclusion.barriers" label={t('session.textFields.conclusion.barriers')} minRows={3} />
      </SimpleGrid>
      <StoredChoice
        fieldKey="servicePath"
        label={t('session.conclusion.servicePath')}
        emptyLabel={t('session.notChosen')}
        options={SERVICE_PATHS.map((p) => ({ value: p, label: t(`session.servicePaths.${p}`) }))}
        read={(fld) => readChoice(SERVICE_PATHS, fld)}
        toChange={(v) => ({ kind: 'servicePath', value: v })}
      />
      {readChoice(SERVICE_PATHS, f.servicePath) === 'other' && <RecordText field="conclusion.servicePathOther" label={t('session.textFields.conclusion.servicePathOther')} required single />}
      <StoredChoice
        fieldKey="clientAgreement"
        radios
        label={t('session.conclusion.agreement')}
        options={CLIENT_AGREEMENTS.map((a) => ({ value: a, label: t(`session.agreements.${a}`) }))}
        read={(fld) => readChoice(CLIENT_AGREEMENTS, fld)}
        toChange={(v) => ({ kind: 'clientAgreement', value: v })}
      />
      {disagreement && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Text fw={700}>{t('session.conclusion.bothViews')}</Text>
            <RecordText field="conclusion.clientView" label={t('session.textFields.conclusion.clientView')} required minRows={3} />
            <RecordText field="conclusion.clientGrounds" label={t('session.textFields.conclusion.clientGrounds')} required minRows={2} />
            <RecordText field="conclusion.teamGrounds" label={t('session.textFields.conclusion.teamGrounds')} required minRows={2} />
          </Stack>
        </Paper>
      )}
      <MissingList missing={assessment.missing} />
      {!readOnly && <Completion {...props} />}
    </Stack>
  );
}

function MissingList({ missing }: { missing: string[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="session-missing">
      <Title order={3} size="h4" id="session-missing">{t('session.conclusion.checklist')}</Title>
      {missing.length === 0 ? (
        <Text mt={4}>{t('session.conclusion.nothingMissing')}</Text>
      ) : (
        <>
          <Text mt={4}>{t('session.conclusion.stillMissing')}</Text>
          <List spacing={2}>
            {missing.map((m) => (
              <List.Item key={m}>{missingLabel(t, m)}</List.Item>
            ))}
          </List>
        </>
      )}
    </section>
  );
}

function Completion({ completed, onCompleted, onNextCase }: CompletionProps) {
  const { t } = useTranslation();
  const nextRef = useRef<HTMLButtonElement>(null);
  const [justCompleted, setJustCompleted] = useState(false);
  // Completing moves focus to "Next case", so the keyboard goes straight on.
  useEffect(() => {
    if (justCompleted && completed) nextRef.current?.focus();
  }, [justCompleted, completed]);
  const { assessment } = useSession();
  const complete = useMutation({
    // What is still waiting to autosave goes first, so the check sees everything typed.
    mutationFn: async () => {
      await flushAllAutosaves();
      return invoke('meetings.completeItem', { itemId: assessment.itemId });
    },
    onSuccess: (m) => {
      setJustCompleted(true);
      onCompleted?.(m);
    },
  });
  const err = complete.error;
  const incomplete = err instanceof AppError && err.code === 'assessment_incomplete';
  // The refusal lists what was missing then; the live list says what still is, and once nothing
  // is, the refusal has been answered and goes away.
  const { reset } = complete;
  const nothingMissing = assessment.missing.length === 0;
  useEffect(() => {
    if (incomplete && nothingMissing) reset();
  }, [incomplete, nothingMissing, reset]);
  return (
    <Stack gap="sm">
      {completed ? (
        <Alert variant="outline" color="dark" role="status" title={t('session.conclusion.completed')}>
          <Text c="var(--mantine-color-text)">{onNextCase ? t('session.conclusion.completedNext') : t('session.conclusion.completedLast')}</Text>
        </Alert>
      ) : (
        <Group>
          <Button onClick={() => complete.mutate()} loading={complete.isPending}>{t('session.conclusion.complete')}</Button>
        </Group>
      )}
      {complete.isError && (
        <Alert variant="outline" color="red.9" role="alert" title={errorText(t, complete.error)}>
          {incomplete && (
            <List spacing={2}>
              {assessment.missing.map((m) => (
                <List.Item key={m}>{missingLabel(t, m)}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {completed && onNextCase && (
        <Group>
          <Button ref={nextRef} onClick={onNextCase} aria-keyshortcuts={ariaKeys('nextCase')}>
            {t('session.nextCase')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
