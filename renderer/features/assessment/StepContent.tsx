import { Title } from '@mantine/core';
import { memo, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_STEPS, type SessionStep } from '../../../shared/domain/meeting';
import type { MeetingDetail } from '../../../shared/api/contract';
import { BenefitsStep } from './steps/BenefitsStep';
import { ClientViewStep } from './steps/ClientViewStep';
import { ConclusionStep, type CompletionProps } from './steps/ConclusionStep';
import { FunctioningStep } from './steps/FunctioningStep';
import { OpeningStep } from './steps/OpeningStep';
import { RehabStep } from './steps/RehabStep';
import { SituationStep } from './steps/SituationStep';
import { CoordinatorStep } from '../plans/CoordinatorStep';
import { PlanStep } from '../plans/PlanStep';
import { SignStep } from '../plans/SignStep';
import { useSession } from './context';

/** "Step 4 of 10: Functioning (ICF)"; focused when the step changes, so a screen reader says where it is. */
export function StepHeading({ step, ref }: { step: SessionStep; ref?: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  return (
    <Title order={2} ref={ref} tabIndex={-1} data-step={step} style={{ outlineOffset: 4 }}>
      {t('session.stepOf', { n: SESSION_STEPS.indexOf(step) + 1, total: SESSION_STEPS.length, name: t(`session.steps.${step}`) })}
    </Title>
  );
}

export interface StepContentProps extends CompletionProps {
  step: SessionStep;
  onDropped?: (meeting: MeetingDetail) => void;
}

/** Memoised: steps kept mounted (hidden) do not re-render when the chair moves between them. */
export const StepContent = memo(function StepContent({ step, onDropped, ...completion }: StepContentProps) {
  switch (step) {
    case 'opening':
      return <OpeningStep onDropped={onDropped} />;
    case 'situation':
      return <SituationStep />;
    case 'client_view':
      return <ClientViewStep />;
    case 'functioning':
      return <FunctioningStep />;
    case 'benefits':
      return <BenefitsStep />;
    case 'rehabilitation':
      return <RehabStep />;
    case 'conclusion':
      return <ConclusionStep {...completion} />;
    case 'plan':
    case 'coordinator':
    case 'sign':
      return <PlanPhaseStep step={step} />;
  }
});

/** Steps 8–10 work on the case's plan, which lives beyond this agenda item (features/plans). */
function PlanPhaseStep({ step }: { step: 'plan' | 'coordinator' | 'sign' }) {
  const { assessment } = useSession();
  if (step === 'plan') return <PlanStep caseId={assessment.caseId} />;
  if (step === 'coordinator') return <CoordinatorStep caseId={assessment.caseId} />;
  return <SignStep caseId={assessment.caseId} meetingId={assessment.meetingId} />;
}
