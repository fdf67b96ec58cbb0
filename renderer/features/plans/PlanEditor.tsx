/**
 * The work-ability support plan of one case: step 8 of the session and the plan view outside
 * meetings. The newest version is editable while it is a draft; a frozen, locked or superseded
 * version (and any older one picked to read) is shown as text. Each goal and action card saves
 * itself (SyncedCard); every answer is the whole version and goes into the query cache.
 */
import { Alert, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../session/FormError';
import { ActionList } from './ActionList';
import { ExportPdf } from './ExportPdf';
import { GoalList } from './GoalList';
import { PlanDetails } from './PlanDetails';
import { PlanProblems } from './PlanProblems';
import { SignatureList } from './SignatureList';
import { PlanViewContext, type PlanView } from './planUi';
import { useCasePlan, useCatalogue, usePlanMutation, usePlanVersion } from './usePlan';
import { StateNote, VersionBar } from './VersionBar';

export interface PlanEditorProps {
  caseId: string;
  /** The user may write (false for read-only users). */
  canEdit: boolean;
  /** The shared screen: text only, no inputs and no buttons. */
  readOnly: boolean;
  /** The projector theme: larger text. */
  presentation: boolean;
  /** Outside meetings: a locked plan's actions take their status now (follow-up). */
  followUp: boolean;
  /** Heading level of the editor's sections: 3 inside the session's step, 2 on a page. */
  level: 2 | 3;
}

export function PlanEditor({ caseId, canEdit, readOnly, presentation, followUp, level }: PlanEditorProps) {
  const { t } = useTranslation();
  const summary = useCasePlan(caseId);
  const [selected, setSelected] = useState<number | 'newest'>('newest');
  const hasPlan = Boolean(summary.data?.planId);
  const version = usePlanVersion(caseId, selected, hasPlan);
  const catalogue = useCatalogue();
  const canWrite = canEdit && !readOnly;

  if (summary.isError) return <FormError error={summary.error} />;
  if (!summary.data) return <Loading />;
  if (!hasPlan) return <NoPlan caseId={caseId} canStart={summary.data.canStart} canWrite={canWrite} />;
  if (version.isError) return <FormError error={version.error} />;
  if (!version.data) return <Loading />;

  const v = version.data;
  const newest = Math.max(v.version, ...summary.data.versions.map((s) => s.version));
  const isNewest = v.version >= newest;
  const view: PlanView = {
    caseId,
    version: v,
    editable: canWrite && v.state === 'draft' && isNewest,
    progressEditable: followUp && canWrite && v.state === 'locked' && isNewest,
    presentation,
    level,
    catalogue: catalogue.data,
  };
  return (
    <PlanViewContext value={view}>
      <Stack gap="lg" data-plan-version={v.version} data-plan-state={v.state}>
        <VersionBar
          summary={summary.data}
          version={v}
          selected={selected}
          onSelect={setSelected}
          readOnly={readOnly}
          actions={followUp && !readOnly ? <ExportPdf caseId={caseId} version={v} /> : undefined}
        />
        <StateNote caseId={caseId} version={v} isNewest={isNewest} canWrite={canWrite} onRevised={() => setSelected('newest')} />
        {!isNewest && !readOnly && (
          <Group>
            <Button variant="default" onClick={() => setSelected('newest')}>
              {t('plans.showNewest')}
            </Button>
          </Group>
        )}
        <GoalList />
        <ActionList catalogueError={catalogue.error} />
        <PlanDetails />
        <PlanProblems />
        {followUp && v.state !== 'draft' && (
          <Stack gap="sm" component="section" aria-labelledby="plan-signatures-title">
            <Title order={level} size="h3" id="plan-signatures-title">{t('signing.list.title')}</Title>
            <SignatureList version={v} />
          </Stack>
        )}
      </Stack>
    </PlanViewContext>
  );
}

function Loading() {
  const { t } = useTranslation();
  return (
    <Center h={120}>
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** No plan yet: start it (once the assessment is complete), or say what comes first. */
function NoPlan({ caseId, canStart, canWrite }: { caseId: string; canStart: boolean; canWrite: boolean }) {
  const { t } = useTranslation();
  const start = usePlanMutation(caseId, 'plans.start');
  if (!canStart) {
    return (
      <Alert variant="outline" color="dark" title={t('plans.none')}>
        <Text c="var(--mantine-color-text)">{t('plans.assessmentFirst')}</Text>
      </Alert>
    );
  }
  if (!canWrite) return <Text>{t('plans.none')}</Text>;
  return (
    <Stack gap="sm" align="flex-start">
      <Text>{t('plans.startHint')}</Text>
      <Button size="md" onClick={() => start.mutate({ caseId })} loading={start.isPending}>
        {t('plans.start')}
      </Button>
      <FormError error={start.error} />
    </Stack>
  );
}
