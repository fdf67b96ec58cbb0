import { AppShell, Button, Group, NavLink, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/api/contract';
import { invoke } from '../../api/client';
import { AdminPage } from '../admin/AdminPage';
import { ClientsSection, type ClientsLocation } from '../cases/ClientsSection';
import { MeetingsPage } from '../meetings/MeetingsPage';
import { flushAllAutosaves } from '../preparation/useAutosave';
import { WorklistPage } from '../worklist/WorklistPage';
import { AccountPage } from '../session/AccountPage';
import { VerifyPdfPage } from '../verify/VerifyPdfPage';
import { useActivityHeartbeat } from '../session/useActivityHeartbeat';
import { useStatusMutation } from '../session/useStatusMutation';
import { LanguageSwitcher } from './LanguageSwitcher';

const LOCK_SHORTCUT = 'mod+shift+L';

type Section = 'worklist' | 'meetings' | 'clients' | 'verify' | 'account' | 'admin';

/** The signed-in frame. Later areas (plans, reports) join the navigation as they are built. */
export function Workbench({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  // Whatever is still waiting to autosave is written before the key goes.
  const lock = useStatusMutation(async () => {
    await flushAllAutosaves().catch(() => undefined);
    return invoke('session.lock', {});
  });
  useHotkeys([[LOCK_SHORTCUT, () => lock.mutate(undefined)]], []);
  useActivityHeartbeat();
  const [section, setSection] = useState<Section>('worklist');
  const [clients, setClients] = useState<ClientsLocation>({ clientId: null, caseId: null });
  const user = status.user!;
  // Verifying a PDF is open to every role (issue 7, item 5).
  const sections: Section[] = user.role === 'administrator' ? ['worklist', 'meetings', 'clients', 'verify', 'account', 'admin'] : ['worklist', 'meetings', 'clients', 'verify', 'account'];
  // The guided session takes the whole width: the navigation folds away while it is open.
  const [fullWidth, setFullWidth] = useState(false);
  const onFullWidth = useCallback((full: boolean) => setFullWidth(full), []);
  // Choosing Meetings in the navigation always leads back to the list.
  const [meetingsVisit, setMeetingsVisit] = useState(0);
  const openClient = (clientId: string) => {
    setClients({ clientId, caseId: null });
    setSection('clients');
  };
  return (
    <AppShell header={{ height: 64 }} navbar={fullWidth ? undefined : { width: 220, breakpoint: 'sm' }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Text fw={700} size="lg">{t('app.name')}</Text>
            <Text size="sm" c="dimmed" truncate>{status.organisationName}</Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Text size="sm">{t('shell.signedInAs', { name: user.displayName })} · {t(`professions.${user.profession}`)}</Text>
            <LanguageSwitcher />
            <Button variant="default" onClick={() => lock.mutate(undefined)} loading={lock.isPending} aria-keyshortcuts="Control+Shift+L">
              {t('shell.lock')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      {!fullWidth && (
        <AppShell.Navbar p="sm" component="nav" aria-label={t('shell.mainNav')}>
          {sections.map((s) => (
            <NavLink
              key={s}
              component="button"
              variant="filled"
              label={t(`shell.nav.${s}`)}
              active={section === s}
              aria-current={section === s ? 'page' : undefined}
              onClick={() => {
                setSection(s);
                if (s === 'clients') setClients({ clientId: null, caseId: null });
                if (s === 'meetings') setMeetingsVisit((n) => n + 1);
              }}
            />
          ))}
        </AppShell.Navbar>
      )}
      <AppShell.Main>
        {section === 'worklist' && <WorklistPage onOpenClient={openClient} />}
        {section === 'meetings' && <MeetingsPage key={meetingsVisit} user={user} onFullWidth={onFullWidth} />}
        {section === 'clients' && <ClientsSection location={clients} onNavigate={setClients} canEdit={user.role !== 'read_only'} />}
        {section === 'verify' && <VerifyPdfPage />}
        {section === 'account' && <AccountPage status={status} />}
        {section === 'admin' && <AdminPage currentUserId={user.id} />}
      </AppShell.Main>
      {/* Mounted only while unlocked, so a lock removes every toast at once, exit animations included. */}
      <Notifications position="bottom-right" autoClose={4000} />
    </AppShell>
  );
}
