import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../shell/LanguageSwitcher';

/** The frame of every screen before sign-in: app name, language, one card. */
export function EntryLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box component="main" mih="100vh" py="xl" bg="var(--mantine-color-gray-0)">
      <Container size={560}>
        <Group justify="space-between" mb="lg" wrap="wrap">
          <div>
            <Text fw={700} size="xl">{t('app.name')}</Text>
            <Text size="sm" c="dimmed">{t('app.tagline')}</Text>
          </div>
          <LanguageSwitcher />
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack gap="md">
            <Title order={1} size="h2">{title}</Title>
            {children}
          </Stack>
        </Paper>
      </Container>
    </Box>
  );
}
