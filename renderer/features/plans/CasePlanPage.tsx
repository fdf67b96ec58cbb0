import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { sessionCssVariables } from '../../theme';
import { PlanEditor } from './PlanEditor';
import { useCasePlan } from './usePlan';

/**
 * A case's plan outside meetings: the draft can be finished at a desk, a locked plan is followed up
 * (each action's status now) and revised, and every older version can be read.
 */
export function CasePlanPage({ caseId, canEdit, onBack }: { caseId: string; canEdit: boolean; onBack: () => void }) {
  const { t } = useTranslation();
  const summary = useCasePlan(caseId);
  return (
    // Error text (a due date before the start) in the darker red the session uses, for AA contrast.
    <Stack gap="md" style={sessionCssVariables}>
      <Group>
        <Button variant="subtle" onClick={onBack}>← {t('plans.back')}</Button>
      </Group>
      <div>
        <Title order={1} size="h2">{t('plans.title')}</Title>
        {summary.data && <Text ff="monospace">{t('cases.number', { number: summary.data.caseNumber })}</Text>}
      </div>
      <PlanEditor caseId={caseId} canEdit={canEdit} readOnly={false} presentation={false} followUp level={2} />
    </Stack>
  );
}
