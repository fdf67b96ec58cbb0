import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/api/contract';
import { ChangePasswordForm } from './ChangePasswordForm';

export function AccountPage({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const user = status.user!;
  const facts: [string, string][] = [
    [t('account.username'), user.username],
    [t('create.profession'), t(`professions.${user.profession}`)],
    [t('account.organisation'), user.organisation],
    [t('account.role'), t(`roles.${user.role}`)],
  ];
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">{t('account.title')}</Title>
      <Paper withBorder p="md" maw={640}>
        <SimpleGrid cols={2} spacing="xs" component="dl" m={0}>
          {facts.map(([k, v]) => (
            <div key={k} style={{ display: 'contents' }}>
              <Text component="dt" fw={500}>{k}</Text>
              <Text component="dd" m={0}>{v || '–'}</Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>
      <Title order={2} size="h3">{t('password.changeTitle')}</Title>
      <ChangePasswordForm />
    </Stack>
  );
}
