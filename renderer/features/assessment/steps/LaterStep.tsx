import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionStep } from '../../../../shared/domain/meeting';

/** Steps 8–10: made in the plan phase (next release); the assessment record is complete without them. */
export function LaterStep({ step }: { step: Extract<SessionStep, 'plan' | 'coordinator' | 'sign'> }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Text>{t(`session.later.${step}`)}</Text>
      <Alert variant="outline" color="dark" title={t('session.later.title')}>
        <Text c="var(--mantine-color-text)">{t('session.later.body')}</Text>
      </Alert>
    </Stack>
  );
}
