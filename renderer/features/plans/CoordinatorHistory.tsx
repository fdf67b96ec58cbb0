import { Blockquote, Box, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Coordinator } from '../../../shared/api/contract';
import { formatDay } from '../../../shared/domain/dates';

/** "Social worker, City of Jyväskylä" (either part may be missing). */
function whereFrom(t: (k: string) => string, c: Coordinator): string {
  return [c.profession ? t(`professions.${c.profession}`) : '', c.organisation].filter((s) => s.trim() !== '').join(', ');
}

/** The client's coordinator now, or that nobody is named yet; large on the shared screen. */
export function CurrentCoordinator({ coordinator, large }: { coordinator: Coordinator | null; large?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p={large ? 'xl' : 'md'} component="section" aria-labelledby="coordinator-current">
      <Stack gap={large ? 'sm' : 4}>
        <Title order={3} size={large ? 'h3' : 'h4'} id="coordinator-current">{t('coordination.current')}</Title>
        {coordinator === null ? (
          <Text size={large ? 'xl' : undefined}>{t('coordination.noneYet')}</Text>
        ) : (
          <>
            <Text fw={700} size={large ? '2rem' : 'lg'} data-testid="current-coordinator">{coordinator.name}</Text>
            <Text size={large ? 'xl' : undefined}>{t(`coordination.types.${coordinator.type}`)}</Text>
            {whereFrom(t, coordinator) && <Text size={large ? 'lg' : undefined}>{whereFrom(t, coordinator)}</Text>}
            <Text size={large ? 'lg' : undefined}>{t('coordination.since', { date: formatDay(coordinator.startDate, i18n.language) })}</Text>
            {!large && coordinator.contact.trim() !== '' && <Text>{t('coordination.contactValue', { contact: coordinator.contact })}</Text>}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** Every coordinator the client has had, newest first, with the note each left the next. */
export function CoordinatorHistory({ history }: { history: readonly Coordinator[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="coordinator-history">
      <Title order={3} size="h4" id="coordinator-history" mb="xs">{t('coordination.history')}</Title>
      {history.length === 0 ? (
        <Text>{t('coordination.historyEmpty')}</Text>
      ) : (
        <Box component="ol" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 'var(--mantine-spacing-sm)' }}>
          {history.map((c) => (
            <Paper key={c.id} component="li" withBorder p="sm">
              <Stack gap={2}>
                <Text fw={700}>
                  {c.name} · {t(`coordination.types.${c.type}`)}
                </Text>
                {whereFrom(t, c) && <Text size="sm">{whereFrom(t, c)}</Text>}
                <Text size="sm">
                  {c.endDate
                    ? t('coordination.period', { from: formatDay(c.startDate, i18n.language), to: formatDay(c.endDate, i18n.language) })
                    : t('coordination.periodOpen', { from: formatDay(c.startDate, i18n.language) })}
                  {' · '}
                  {t('coordination.assignedBy', { name: c.assignedByName })}
                </Text>
                {c.handoverNote.trim() !== '' && (
                  <Blockquote p="xs" mt={4} color="gray.7" cite={t('coordination.handoverBy', { name: c.name })}>
                    <Text style={{ whiteSpace: 'pre-wrap' }}>{c.handoverNote}</Text>
                  </Blockquote>
                )}
              </Stack>
            </Paper>
          ))}
        </Box>
      )}
    </section>
  );
}
