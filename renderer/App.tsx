import { Center, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke, onEvent } from './api/client';
import { STATUS_KEY } from './api/keys';
import { CreateStore } from './features/session/CreateStore';
import { MustChangePassword } from './features/session/MustChangePassword';
import { OpenStore } from './features/session/OpenStore';
import { Recover } from './features/session/Recover';
import { SignIn } from './features/session/SignIn';
import { Unavailable } from './features/session/Unavailable';
import { Welcome } from './features/session/Welcome';
import { Workbench } from './features/shell/Workbench';
import { BackendUnreachable } from './features/session/BackendUnreachable';
import { AudiencePage } from './features/assessment/AudiencePage';

/**
 * `?view=audience&meeting=<id>`: this page is a meeting's shared screen (read only, no controls);
 * without a meeting (Electron's View menu) it shows the meeting in progress.
 */
function audienceView(): { meetingId: string | null } | null {
  const params = new URLSearchParams(window.location.search);
  return params.get('view') === 'audience' ? { meetingId: params.get('meeting') } : null;
}
const AUDIENCE = audienceView();

type PreStoreView = 'welcome' | 'create' | 'open' | 'recover';

export function App() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: () => invoke('app.status', {}) });
  const [view, setView] = useState<PreStoreView>('welcome');

  // Another window or the idle timer may lock the session: follow the backend's word.
  useEffect(() => onEvent('session.locked', () => void queryClient.invalidateQueries({ queryKey: STATUS_KEY })), [queryClient]);

  // Whenever the store is not open, no client datum stays in memory or on screen.
  const unlocked = status.data?.store === 'unlocked';
  useEffect(() => {
    if (unlocked) return;
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== STATUS_KEY[0] });
    notifications.clean();
  }, [unlocked, queryClient]);

  if (AUDIENCE) return <AudiencePage meetingId={AUDIENCE.meetingId} />;
  if (status.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (status.isError) return <BackendUnreachable error={status.error} onRetry={() => void status.refetch()} />;

  const s = status.data;
  if (s.store === 'unlocked') return s.mustChangePassword ? <MustChangePassword /> : <Workbench status={s} />;
  if (view === 'open') return <OpenStore onBack={() => setView('welcome')} onOpened={() => setView('welcome')} />;
  if (s.store === 'locked' && view === 'recover') return <Recover onBack={() => setView('welcome')} />;
  if (s.store === 'locked') return <SignIn status={s} onOpenOther={() => setView('open')} onRecover={() => setView('recover')} />;
  if (s.store === 'unavailable') return <Unavailable status={s} onOpenOther={() => setView('open')} />;
  if (view === 'create') return <CreateStore onBack={() => setView('welcome')} />;
  return <Welcome status={s} onCreate={() => setView('create')} onOpen={() => setView('open')} />;
}
