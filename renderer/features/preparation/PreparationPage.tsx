import { Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { CLIENTS_KEY } from '../../api/keys';
import { FormError } from '../session/FormError';
import { BackgroundPanel } from './BackgroundPanel';
import { ClientViewPanel } from './ClientViewPanel';
import { ConsentPanel } from './ConsentPanel';
import { ReadyPanel } from './ReadyPanel';
import { StatusBadge } from '../cases/StatusBadge';

const preparationKey = (caseId: string) => ['cases.getPreparation', caseId] as const;

/** One case's preparation: consent, background, the client's view, and the step to the team. */
export function PreparationPage({ caseId, canEdit, onBack }: { caseId: string; canEdit: boolean; onBack: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const prep = useQuery({ queryKey: preparationKey(caseId), queryFn: () => invoke('cases.getPreparation', { caseId }) });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: preparationKey(caseId) });
    void queryClient.invalidateQueries({ queryKey: CLIENTS_KEY });
  };
  if (!prep.data) return <FormError error={prep.error} />;
  const p = prep.data;
  const editable = canEdit && p.case.status !== 'closed';
  const done = p.readiness.filter((r) => r.ok).length;

  return (
    <Stack gap="md">
      <Group>
        <Button variant="subtle" onClick={onBack}>← {t('prep.back')}</Button>
      </Group>
      <div>
        <Title order={1} size="h2">{t('prep.title', { name: p.clientName })}</Title>
        <Group gap="sm">
          <Text ff="monospace">{t('cases.number', { number: p.case.number })}</Text>
          <StatusBadge status={p.case.status} />
          <Text size="sm">{t('prep.ready.checklist')}: {done} / {p.readiness.length}</Text>
        </Group>
      </div>
      {/* Panels stay mounted: switching tabs never drops what is being typed. */}
      <Tabs defaultValue="consent" keepMounted onChange={(tab) => tab === 'ready' && refresh()}>
        <Tabs.List>
          <Tabs.Tab value="consent">{t('prep.tabs.consent')}</Tabs.Tab>
          <Tabs.Tab value="background">{t('prep.tabs.background')}</Tabs.Tab>
          <Tabs.Tab value="view">{t('prep.tabs.view')}</Tabs.Tab>
          <Tabs.Tab value="ready">{t('prep.tabs.ready')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="consent" pt="md"><ConsentPanel prep={p} canEdit={editable} onChanged={refresh} /></Tabs.Panel>
        <Tabs.Panel value="background" pt="md"><BackgroundPanel caseId={caseId} background={p.background} restrictedHidden={p.restrictedHidden} canEdit={editable} /></Tabs.Panel>
        <Tabs.Panel value="view" pt="md"><ClientViewPanel caseId={caseId} view={p.clientView} canEdit={editable} /></Tabs.Panel>
        <Tabs.Panel value="ready" pt="md"><ReadyPanel prep={p} canEdit={editable} onChanged={refresh} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
