import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuditPanel } from './AuditPanel';
import { BackupPanel } from './BackupPanel';
import { CataloguePanel } from './CataloguePanel';
import { SealPanel } from './SealPanel';
import { SettingsPanel } from './SettingsPanel';
import { TeamsPanel } from './TeamsPanel';
import { UsersPanel } from './UsersPanel';

export function AdminPage({ currentUserId }: { currentUserId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">{t('admin.title')}</Title>
      <Tabs defaultValue="users" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="users">{t('admin.tabs.users')}</Tabs.Tab>
          <Tabs.Tab value="teams">{t('admin.tabs.teams')}</Tabs.Tab>
          <Tabs.Tab value="catalogue">{t('admin.tabs.catalogue')}</Tabs.Tab>
          <Tabs.Tab value="audit">{t('admin.tabs.audit')}</Tabs.Tab>
          <Tabs.Tab value="backup">{t('admin.tabs.backup')}</Tabs.Tab>
          <Tabs.Tab value="seal">{t('admin.tabs.seal')}</Tabs.Tab>
          <Tabs.Tab value="settings">{t('admin.tabs.settings')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users" pt="md"><UsersPanel currentUserId={currentUserId} /></Tabs.Panel>
        <Tabs.Panel value="teams" pt="md"><TeamsPanel /></Tabs.Panel>
        <Tabs.Panel value="catalogue" pt="md"><CataloguePanel /></Tabs.Panel>
        <Tabs.Panel value="audit" pt="md"><AuditPanel /></Tabs.Panel>
        <Tabs.Panel value="backup" pt="md"><BackupPanel /></Tabs.Panel>
        <Tabs.Panel value="seal" pt="md"><SealPanel /></Tabs.Panel>
        <Tabs.Panel value="settings" pt="md"><SettingsPanel /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
