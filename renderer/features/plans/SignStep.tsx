import { Loader, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../assessment/context';
import { QuorumCheck } from './QuorumCheck';
import { SignedPlan } from './SignedPlan';
import { SigningProgress } from './SigningProgress';
import { SignRound } from './SignRound';
import { ErrorAlert } from './signingParts';
import { useCasePlan, usePlanVersion } from './usePlan';

/**
 * Step 10: the quorum check and freezing (draft), the signing round (frozen), the signed plan with
 * its checks (locked, superseded). The shared screen shows the progress only. Controls follow
 * `readOnly` rather than the agenda item's `editable`: the plan outlives the item, and the backend
 * decides whether this meeting may still freeze or sign.
 */
export function SignStep({ caseId, meetingId }: { caseId: string; meetingId: string }) {
  const { t } = useTranslation();
  const { readOnly, presentation, meeting } = useSession();
  const casePlan = useCasePlan(caseId);
  const hasPlan = casePlan.data?.planId != null;
  const newest = usePlanVersion(caseId, 'newest', hasPlan);
  // Set when a change here moved the version on (frozen, reopened, locked, revised): the next view
  // takes focus, since the button that did it is gone.
  const [moved, setMoved] = useState(false);
  const onMoved = useCallback(() => setMoved(true), []);
  const boxRef = useRef<HTMLDivElement>(null);
  const lastReason = useRef('');
  const key = newest.data ? `${newest.data.version}:${newest.data.state}` : '';
  useEffect(() => {
    if (!moved) return;
    boxRef.current?.querySelector<HTMLElement>('[data-plan-heading]')?.focus();
    setMoved(false);
  }, [moved, key]);

  if (casePlan.isPending || (hasPlan && newest.isPending)) return <Loader aria-label={t('common.loading')} />;
  if (casePlan.isError) return <ErrorAlert error={casePlan.error} />;
  if (!hasPlan) return <Text>{t('signing.noPlan')}</Text>;
  if (newest.isError) return <ErrorAlert error={newest.error} />;
  const version = newest.data;
  if (!version) return null;

  // Reopening drops the recorded quorum reason with the signatures; the chair's words come back.
  if (version.quorum?.reason) lastReason.current = version.quorum.reason;
  const missing = meeting?.missingSectors ?? null;
  if (readOnly) return <SigningProgress version={version} missingSectors={missing} />;
  return (
    <div ref={boxRef}>
      {version.state === 'draft' ? (
        <QuorumCheck key={key} caseId={caseId} version={version} meetingId={meetingId} missingSectors={missing ?? []} initialReason={lastReason.current} onFrozen={onMoved} />
      ) : version.state === 'frozen' ? (
        <SignRound key={key} caseId={caseId} version={version} meetingId={meetingId} presentation={presentation} onMoved={onMoved} />
      ) : (
        <SignedPlan key={key} caseId={caseId} version={version} presentation={presentation} onMoved={onMoved} />
      )}
    </div>
  );
}
