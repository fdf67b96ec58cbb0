import { Box, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke, onEvent } from '../../api/client';
import { STATUS_KEY } from '../../api/keys';
import { presentationStyle } from '../../theme';
import { isLanguage } from '../../../shared/i18n';
import { useAudienceRole } from './audienceChannel';
import { sessionKeys } from './context';
import { SessionProviders } from './SessionProviders';
import { CaseTitle } from './SessionHeader';
import { StepContent, StepHeading } from './StepContent';

const LANGUAGE_KEY = 'tiimipoyta.language';
const LOCKED_POLL_MS = 3000;
const READ_ONLY = {
  readOnly: true,
  editable: false,
  presentation: true,
  save: () => Promise.reject(new Error('The audience screen is read only.')),
  refresh: () => Promise.resolve(),
};

/**
 * The shared screen (`?view=audience&meeting=<id>`, or without a meeting: the one in progress): the
 * current step in presentation form, read only, following the chair live. No buttons, no inputs.
 * Locked, it shows nothing but that; a second audience page of the same meeting says so and shows
 * nothing either.
 */
export function AudiencePage({ meetingId }: { meetingId: string | null }) {
  const { t, i18n } = useTranslation();
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: () => invoke('app.status', {}), refetchInterval: (q) => (q.state.data?.store === 'unlocked' ? false : LOCKED_POLL_MS) });
  const unlocked = status.data?.store === 'unlocked' && !status.data.mustChangePassword;

  // The chair's window switches the language; this page follows.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === LANGUAGE_KEY && isLanguage(e.newValue)) void i18n.changeLanguage(e.newValue);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [i18n]);

  let body;
  if (status.isPending) body = <Loader aria-label={t('common.loading')} />;
  else if (!unlocked) body = <Neutral title={t('session.audience.locked')} />;
  else if (meetingId === null) body = <MeetingInProgress />;
  else body = <OneAudience meetingId={meetingId} />;
  return (
    <Box component="main" mih="100vh" p={32} style={presentationStyle}>
      {body}
    </Box>
  );
}

function Neutral({ title, text }: { title: string; text?: string }) {
  const { t } = useTranslation();
  return (
    <Center mih="80vh">
      <Stack align="center" gap="md">
        <Text fw={700} size="xl">{t('app.name')}</Text>
        <Title order={1}>{title}</Title>
        {text && <Text>{text}</Text>}
      </Stack>
    </Center>
  );
}

/** Electron's View menu opens the audience without naming a meeting: the one in progress it is. */
function MeetingInProgress() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const meetings = useQuery({ queryKey: ['session.audienceMeetings'], queryFn: () => invoke('meetings.list', { when: 'all' }) });
  useEffect(() => onEvent('meetings.changed', () => void queryClient.invalidateQueries({ queryKey: ['session.audienceMeetings'] })), [queryClient]);
  if (meetings.isPending) return <Loader aria-label={t('common.loading')} />;
  const running = (meetings.data ?? []).filter((m) => m.state === 'in_progress').sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''))[0];
  return running ? <OneAudience meetingId={running.id} /> : <Neutral title={t('session.audience.noMeeting')} />;
}

/** One audience page per meeting: a later one stands down and says where the first one is. */
function OneAudience({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const role = useAudienceRole(meetingId);
  if (role === 'checking') return <Loader aria-label={t('common.loading')} />;
  if (role === 'duplicate') return <Neutral title={t('session.audience.duplicateTitle')} text={t('session.audience.duplicate')} />;
  return <AudienceScreen meetingId={meetingId} />;
}

function AudienceScreen({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = sessionKeys.audience(meetingId);
  // When the answer arrived (monotonic): the item's timer counts on from there between answers.
  const audience = useQuery({ queryKey: key, queryFn: async () => ({ ...(await invoke('assessment.audience', { meetingId })), receivedAt: performance.now() }) });
  const itemId = audience.data?.assessment?.itemId ?? null;

  useEffect(() => {
    const refetch = () => void queryClient.invalidateQueries({ queryKey: key });
    const offs = [
      onEvent('meetings.navigated', (p) => p.meetingId === meetingId && refetch()),
      onEvent('meetings.changed', (p) => p.meetingId === meetingId && refetch()),
      onEvent('assessment.changed', (p) => p.itemId === itemId && refetch()),
    ];
    return () => offs.forEach((off) => off());
  }, [meetingId, itemId, queryClient]);


  if (audience.isPending) return <Loader aria-label={t('common.loading')} />;
  if (audience.isError) return <Neutral title={t('session.audience.unavailableTitle')} />;
  const { step, state } = audience.data;
  if (state === 'finished') return <Neutral title={t('session.audience.finished')} />;
  const shown = audience.data.assessment;
  if (!shown) return <Neutral title={t('session.audience.between')} />;
  const timer = audience.data.timer ? { ...audience.data.timer, receivedAt: audience.data.receivedAt } : null;
  return (
    <SessionProviders assessment={shown} meeting={null} settings={READ_ONLY}>
      <Stack gap="lg">
        <CaseTitle assessment={shown} showName={false} timer={timer} />
        <StepHeading step={step} />
        <StepContent key={`${shown.itemId}:${step}`} step={step} completed={false} />
      </Stack>
    </SessionProviders>
  );
}
