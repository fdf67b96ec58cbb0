import { Alert, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanVersion } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { Sector } from '../../../shared/domain/meeting';
import { sessionKeys } from '../assessment/context';
import { flushAllAutosaves } from '../preparation/useAutosave';
import { describeProblem } from './PlanProblems';
import { ErrorAlert, Mark, problemsOf } from './signingParts';
import { usePlanMutation } from './usePlan';

/** Required sectors nobody at the table comes from, in words ("social care, Kela"). */
export function useSectorList(): (sectors: readonly Sector[]) => string {
  const { t } = useTranslation();
  return (sectors) => sectors.map((s) => t(`session.sectors.${s}`)).join(', ');
}

/**
 * Step 10 before signing: are the sectors the team needs for a decision at the table (and if not,
 * why the team decides anyway), is the plan complete, and then "Freeze for signing", which fixes
 * the plan's content and its SHA-256 in this meeting.
 */
export function QuorumCheck({ caseId, version, meetingId, missingSectors, initialReason, onFrozen }: { caseId: string; version: PlanVersion; meetingId: string; missingSectors: readonly Sector[]; initialReason: string; onFrozen: () => void }) {
  const { t } = useTranslation();
  const sectorList = useSectorList();
  const [reason, setReason] = useState(version.quorum?.reason || initialReason);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const freeze = usePlanMutation(caseId, 'plans.freeze');
  const queryClient = useQueryClient();

  const err = freeze.error;
  // The backend counts the table itself; when it finds a gap this window has not seen, ask anyway.
  const quorumRefused = err instanceof AppError && err.code === 'quorum_reason_required';
  const missing = missingSectors.length > 0 || quorumRefused;
  const refused: PlanVersion['problems'] | null = err instanceof AppError && err.code === 'plan_incomplete' ? (problemsOf(err.details) ?? version.problems) : null;
  // The live list says what is still wrong; a refusal's own list only while nothing newer is known.
  const problems: PlanVersion['problems'] = version.problems.length > 0 ? version.problems : (refused ?? []);
  // A refusal answered by a change (the plan or coordinator fixed elsewhere) goes away.
  const { reset } = freeze;
  const problemKey = JSON.stringify(version.problems);
  useEffect(() => {
    reset();
  }, [version.updatedAt, problemKey, reset]);

  const submit = async () => {
    if (missing && reason.trim() === '') {
      setReasonError(t('signing.quorum.reasonRequired'));
      return;
    }
    setReasonError(null);
    // What was typed in step 8 a moment ago is saved before the payload is fixed.
    await flushAllAutosaves();
    freeze.mutate(
      { planId: version.planId, version: version.version, meetingId, quorumReason: missing ? reason.trim() : '' },
      {
        onSuccess: onFrozen,
        onError: (e) => {
          if (e instanceof AppError && e.code === 'quorum_reason_required') void queryClient.invalidateQueries({ queryKey: sessionKeys.meeting(meetingId) });
        },
      },
    );
  };

  return (
    <Stack gap="lg">
      <Title order={3} size="h4" tabIndex={-1} data-plan-heading>{t('signing.quorum.title', { version: version.version })}</Title>
      <Paper withBorder p="md" component="section" aria-labelledby="quorum-sectors">
        <Stack gap="sm">
          <Text fw={700} id="quorum-sectors">{t('signing.quorum.sectors')}</Text>
          {missing ? (
            <>
              <Mark state="bad">{missingSectors.length > 0 ? t('signing.quorum.missing', { sectors: sectorList(missingSectors) }) : t('signing.quorum.missingUnknown')}</Mark>
              <Textarea
                label={t('signing.quorum.reason')}
                description={t('signing.quorum.reasonHint')}
                withAsterisk
                aria-required
                autosize
                minRows={3}
                maxLength={2000}
                value={reason}
                error={reasonError}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
            </>
          ) : (
            <Mark state="ok">{t('signing.quorum.allPresent')}</Mark>
          )}
        </Stack>
      </Paper>
      <section aria-labelledby="quorum-plan">
        <Text fw={700} id="quorum-plan" mb={4}>{t('signing.quorum.planCheck')}</Text>
        {problems.length === 0 ? (
          <Mark state="ok">{t('signing.quorum.planReady')}</Mark>
        ) : (
          <Alert color="red.9" variant="outline" role="note" title={t('signing.quorum.planNotReady')}>
            <Stack gap={4}>
              <Text c="var(--mantine-color-text)">{t('signing.quorum.fixInStep8')}</Text>
              <List spacing={2} c="var(--mantine-color-text)">
                {problems.map((p, i) => (
                  <List.Item key={`${p.code}:${p.index ?? i}`}>{describeProblem(t, version, p).text}</List.Item>
                ))}
              </List>
            </Stack>
          </Alert>
        )}
      </section>
      <Text>{t('signing.quorum.freezeHint')}</Text>
      {freeze.isError && refused === null && <ErrorAlert error={freeze.error} />}
      {refused !== null && (
        <Alert color="red.9" variant="outline" role="alert">
          <Text c="var(--mantine-color-text)">{t('errors.plan_incomplete')}</Text>
        </Alert>
      )}
      <Group>
        <Button onClick={() => void submit()} loading={freeze.isPending}>{t('signing.quorum.freeze')}</Button>
      </Group>
    </Stack>
  );
}
