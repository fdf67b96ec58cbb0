import { Alert, Box, Center, Grid, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useHotkeys, type HotkeyItem } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment, AssessmentChange, MeetingDetail } from '../../../shared/api/contract';
import { SESSION_STEPS, type SessionStep } from '../../../shared/domain/meeting';
import { invoke, onEvent } from '../../api/client';
import { errorText } from '../../errors';
import { openAudienceWindow } from '../../harden';
import { presentationStyle, sessionCssVariables } from '../../theme';
import { isAudienceOpen } from './audienceChannel';
import { sessionKeys } from './context';
import { SessionProviders } from './SessionProviders';
import { SpeakerNoteText } from './fields';
import { HelpOverlay } from './HelpOverlay';
import { CaseTitle, SessionToolbar } from './SessionHeader';
import { PLAIN_KEYS, SHORTCUTS, type ShortcutAction } from './shortcuts';
import { StepContent, StepHeading } from './StepContent';
import { StepNav } from './StepNav';
import { useInertOutside } from './useInertOutside';
import { nextOpenItem, useMeetingSession } from './useMeetingSession';

const PRESENTATION_KEY = 'tiimipoyta.presentation';
const FIELD_SELECTOR = 'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled])';

/** Presentation mode per meeting, kept for this tab so a reload stays on the projector theme. */
function usePresentation(meetingId: string): [boolean, (v: boolean) => void] {
  const [on, setOn] = useState(() => sessionStorage.getItem(PRESENTATION_KEY) === meetingId);
  const set = useCallback(
    (v: boolean) => {
      setOn(v);
      if (v) sessionStorage.setItem(PRESENTATION_KEY, meetingId);
      else sessionStorage.removeItem(PRESENTATION_KEY);
    },
    [meetingId],
  );
  return [on, set];
}

/**
 * The chair's window of the guided session: one case at a time through the ten steps, saving as
 * it goes, with the shared screen following (meetings.navigate) and everything on the keyboard.
 */
export function SessionView({ meetingId, onExit }: { meetingId: string; onExit: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { meeting, location, go, accept, navError } = useMeetingSession(meetingId);
  const [presentation, setPresentation] = usePresentation(meetingId);
  const [help, setHelp] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // A passing word ("opened", "already open") clears itself.
  useEffect(() => {
    if (message === null) return;
    const id = setTimeout(() => setMessage(null), 10_000);
    return () => clearTimeout(id);
  }, [message]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  // A state, not a ref: the layer's element comes and goes with loading, and the effect must see it.
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  useInertOutside(root, presentation);

  const itemId = location?.itemId ?? null;
  const step: SessionStep = location?.step ?? 'opening';
  const assessmentKey = sessionKeys.assessment(itemId ?? '');
  const assessment = useQuery({ queryKey: assessmentKey, queryFn: () => invoke('assessment.get', { itemId: itemId! }), enabled: itemId !== null });

  useEffect(() => {
    if (!itemId) return;
    const refetch = () => void queryClient.invalidateQueries({ queryKey: sessionKeys.assessment(itemId) });
    return onEvent('assessment.changed', (p) => p.itemId === itemId && refetch());
  }, [itemId, queryClient]);

  // A new step or case: the heading takes focus, so a screen reader says where the team is now.
  useEffect(() => {
    if (location) headingRef.current?.focus();
  }, [location]);

  const detail = meeting.data?.detail;
  const items = detail?.items ?? [];

  // Attendance decides the consent check and the ICF columns: a change there reads the case again.
  const attendance = JSON.stringify(detail?.attendance ?? null);
  const seenAttendance = useRef(attendance);
  useEffect(() => {
    if (seenAttendance.current === attendance) return;
    seenAttendance.current = attendance;
    if (itemId) void queryClient.invalidateQueries({ queryKey: sessionKeys.assessment(itemId) });
  }, [attendance, itemId, queryClient]);
  const item = items.find((i) => i.id === itemId) ?? null;
  // A case done for this meeting (discussed, carried over or removed) is part of its record: read only.
  const itemOpen = detail?.state === 'in_progress' && item !== null && item.outcome === null && (item.state === 'pending' || item.state === 'in_progress');
  const nextItem = nextOpenItem(items, itemId);
  const stepIndex = SESSION_STEPS.indexOf(step);
  // The ICF table needs the width: its notes go below it.
  const wide = step === 'functioning';

  const goStep = (s: SessionStep) => itemId && go({ itemId, step: s });
  const nextCase = () => {
    if (nextItem) go({ itemId: nextItem.id, step: 'opening' });
    else setMessage(t('session.noMoreCases'));
  };
  // Stable callbacks for the (memoised) steps: they read the latest render through a ref.
  const latest = useRef({ nextCase, itemId });
  latest.current = { nextCase, itemId };
  const afterDrop = useCallback(
    (m: MeetingDetail) => {
      accept(m);
      const n = nextOpenItem(m.items, latest.current.itemId);
      go({ itemId: n?.id ?? null, step: 'opening' });
    },
    [accept, go],
  );
  const toNextCase = useCallback(() => latest.current.nextCase(), []);
  // Steps of this case already visited stay mounted (hidden): coming back to a long one (the ICF
  // table) is a display change, not hundreds of fields built again. A new case starts afresh.
  const visited = useRef<{ itemId: string | null; steps: SessionStep[] }>({ itemId: null, steps: [] });
  if (visited.current.itemId !== itemId) visited.current = { itemId, steps: [] };
  if (!visited.current.steps.includes(step)) visited.current.steps = [...visited.current.steps, step];
  const mountedSteps = SESSION_STEPS.filter((s) => visited.current.steps.includes(s));
  const openAudience = async () => {
    const result = await openAudienceWindow(meetingId, () => isAudienceOpen(meetingId));
    setMessage(t(result === 'opened' ? 'session.audience.opened' : result === 'already_open' ? 'session.audience.alreadyOpen' : 'session.audience.unavailable'));
  };

  const actions: Record<ShortcutAction, () => void> = {
    nextStep: () => stepIndex < SESSION_STEPS.length - 1 && goStep(SESSION_STEPS[stepIndex + 1]!),
    previousStep: () => stepIndex > 0 && goStep(SESSION_STEPS[stepIndex - 1]!),
    nextCase,
    focusField: () => contentRef.current?.querySelector<HTMLElement>(`[data-current-step] :is(${FIELD_SELECTOR})`)?.focus(),
    presentation: () => setPresentation(!presentation),
    help: () => setHelp((h) => !h),
    lock: () => undefined,
    close: () => setHelp(false),
  };
  const run = (action: ShortcutAction) => {
    // With the help open only the help keys act; the rest would move the session behind it.
    if (help && action !== 'help' && action !== 'close') return;
    actions[action]();
  };
  const modified: HotkeyItem[] = SHORTCUTS.flatMap((s) => s.keys.map((k): HotkeyItem => [k, () => run(s.action), { usePhysicalKeys: /^alt\+[a-z]$/i.test(k) }]));
  useHotkeys(modified, []);
  useHotkeys(PLAIN_KEYS.map((p): HotkeyItem => [p.key, () => run(p.action)]));

  const save = useCallback(
    async (change: AssessmentChange) => {
      if (!itemId) throw new Error('no item');
      const res = await invoke('assessment.change', { itemId, change });
      queryClient.setQueryData<Assessment>(sessionKeys.assessment(itemId), (a) => (a ? { ...a, fields: { ...a.fields, [res.key]: res.field }, missing: res.missing } : a));
      return { updatedAt: res.field.updatedAt };
    },
    [itemId, queryClient],
  );
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: sessionKeys.assessment(itemId ?? '') }), [itemId, queryClient]);
  const settings = useMemo(() => ({ readOnly: false, editable: itemOpen, presentation, save, refresh, onMeeting: accept }), [itemOpen, presentation, save, refresh, accept]);
  // Keyed by content: a refetched meeting with the same people must not re-render every step.
  const revealed = detail?.restrictedRevealed ?? false;
  const meetingJson = detail ? JSON.stringify([detail.attendance, detail.missingSectors]) : null;
  const meetingView = useMemo(() => {
    if (meetingJson === null) return null;
    const [attendance, missingSectors] = JSON.parse(meetingJson) as [MeetingDetail['attendance'], MeetingDetail['missingSectors']];
    return { attendance, restrictedRevealed: revealed, missingSectors };
  }, [meetingJson, revealed]);
  const data = assessment.data;

  if (meeting.isPending || (!location && !meeting.isError)) {
    return (
      <Center h={200}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (meeting.isError) {
    return (
      <Alert color="red.9" variant="outline" role="alert" title={t('session.title')}>
        <Text c="var(--mantine-color-text)">{errorText(t, meeting.error)}</Text>
      </Alert>
    );
  }

  const timer = item && meeting.data ? { elapsedMs: item.elapsedMs, running: item.running, timeBoxMinutes: item.timeBoxMinutes, receivedAt: meeting.data.receivedAt } : null;
  // Above the app shell (100), below Mantine's modals (200), which the chair may still open.
  const projector = presentation ? { ...presentationStyle, position: 'fixed' as const, inset: 0, zIndex: 190, overflow: 'auto', padding: 24 } : sessionCssVariables;

  return (
    <Box ref={setRoot} style={projector} data-presentation={presentation || undefined}>
      <Stack gap="md">
        {assessment.data ? <CaseTitle assessment={assessment.data} showName={!presentation} timer={timer} /> : <Title order={1} size="h2">{t('session.title')}</Title>}
        <SessionToolbar
          presentation={presentation}
          canPrevious={itemId !== null && stepIndex > 0}
          canNext={itemId !== null && stepIndex < SESSION_STEPS.length - 1}
          hasNextCase={nextItem !== null}
          audienceMessage={message}
          onPrevious={actions.previousStep}
          onNext={actions.nextStep}
          onNextCase={nextCase}
          onPresentation={actions.presentation}
          onAudience={() => void openAudience()}
          onHelp={() => setHelp(true)}
          onExit={onExit}
        />
        {itemId && <StepNav step={step} onStep={goStep} compact={presentation} />}
        {navError !== null && (
          <Alert color="red.9" variant="outline" role="alert">
            <Text c="var(--mantine-color-text)">{t('session.navigateFailed', { error: errorText(t, navError) })}</Text>
          </Alert>
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: presentation || wide ? 12 : 8 }}>
            <Stack gap="md">
              <StepHeading ref={headingRef} step={step} />
              <div ref={contentRef}>
                {!itemId ? (
                  <Text>{t('session.noCases')}</Text>
                ) : assessment.isError ? (
                  <Alert color="red.9" variant="outline" role="alert">
                    <Text c="var(--mantine-color-text)">{errorText(t, assessment.error)}</Text>
                  </Alert>
                ) : !data ? (
                  <Loader aria-label={t('common.loading')} />
                ) : (
                  <SessionProviders assessment={data} meeting={meetingView} settings={settings}>
                    {mountedSteps.map((s) => (
                      <div key={`${itemId}:${s}`} data-current-step={s === step ? '' : undefined} hidden={s !== step}>
                        <StepContent step={s} onDropped={afterDrop} completed={item?.state === 'discussed'} onCompleted={accept} onNextCase={nextItem ? toNextCase : null} />
                      </div>
                    ))}
                  </SessionProviders>
                )}
              </div>
            </Stack>
          </Grid.Col>
          {!presentation && data && (
            <Grid.Col span={{ base: 12, lg: wide ? 12 : 4 }}>
              <SessionProviders assessment={data} meeting={meetingView} settings={settings}>
                <Paper withBorder p="md" component="section" aria-labelledby="session-notes-title">
                  <Stack gap="xs">
                    <Title order={2} size="h4" id="session-notes-title">{t('session.notes.title')}</Title>
                    <SpeakerNoteText key={`${itemId}:${step}`} step={step} label={t('session.notes.label', { step: t(`session.steps.${step}`) })} description={t('session.notes.hint')} />
                  </Stack>
                </Paper>
              </SessionProviders>
            </Grid.Col>
          )}
        </Grid>
      </Stack>
      <HelpOverlay opened={help} onClose={() => setHelp(false)} inline={presentation} />
    </Box>
  );
}
