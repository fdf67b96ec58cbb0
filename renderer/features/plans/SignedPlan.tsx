import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanVersion } from '../../../shared/api/contract';
import { formatDateTime } from '../../../shared/domain/dates';
import { ExportPdf } from './ExportPdf';
import { SignatureList } from './SignatureList';
import { ErrorAlert } from './signingParts';
import { usePlanMutation } from './usePlan';

/** "Signed and locked 24.11.2026 14.05" or "Superseded …": what state a signed version is in. */
export function SignedBanner({ version, large }: { version: PlanVersion; large?: boolean }) {
  const { t, i18n } = useTranslation();
  const superseded = version.state === 'superseded';
  const title = superseded
    ? t('signing.signed.supersededTitle', { version: version.version, when: version.supersededAt ? formatDateTime(version.supersededAt, i18n.language) : '' })
    : t('signing.signed.lockedTitle', { version: version.version, when: version.lockedAt ? formatDateTime(version.lockedAt, i18n.language) : '' });
  return (
    <Alert variant="outline" color="dark" role="status" title={<Text component="span" fw={700} size={large ? 'xl' : 'lg'} c="var(--mantine-color-text)">{title}</Text>}>
      <Text c="var(--mantine-color-text)" size={large ? 'lg' : undefined}>{superseded ? t('signing.signed.supersededBody') : t('signing.signed.lockedBody')}</Text>
    </Alert>
  );
}

/**
 * Step 10 once the version is locked (or later superseded): the banner, every signature with its
 * check, and, for the plan in force, its PDF and starting the next version (which everyone signs
 * again).
 */
export function SignedPlan({ caseId, version, presentation, onMoved }: { caseId: string; version: PlanVersion; presentation: boolean; onMoved: () => void }) {
  const { t } = useTranslation();
  const revise = usePlanMutation(caseId, 'plans.revise');
  return (
    <Stack gap="lg">
      <Title order={3} size="h4" tabIndex={-1} data-plan-heading>{t('signing.signed.title', { version: version.version })}</Title>
      <SignedBanner version={version} large={presentation} />
      <SignatureList version={version} hideClientName={presentation} />
      {/* The signed plan leaves the table as a document: for the client, Kela or the archive. */}
      {version.state === 'locked' && (
        <Group>
          <ExportPdf caseId={caseId} version={version} size={presentation ? 'md' : 'sm'} />
        </Group>
      )}
      {version.state === 'locked' && (
        <Stack gap="xs">
          <Text>{t('signing.signed.reviseHint')}</Text>
          {revise.isError && <ErrorAlert error={revise.error} />}
          <Group>
            <Button variant="default" loading={revise.isPending} onClick={() => revise.mutate({ planId: version.planId }, { onSuccess: onMoved })}>
              {t('signing.signed.revise')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
