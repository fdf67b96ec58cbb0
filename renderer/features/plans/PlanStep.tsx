import { useSettings } from '../assessment/context';
import { PlanEditor } from './PlanEditor';

/**
 * Step 8: the plan's goals and actions, written with the client. The plan belongs to the case, not
 * to this agenda item, so it stays editable after the assessment is completed; the shared screen
 * shows it as text.
 */
export function PlanStep({ caseId }: { caseId: string }) {
  const { readOnly, presentation } = useSettings();
  return <PlanEditor caseId={caseId} canEdit={!readOnly} readOnly={readOnly} presentation={presentation} followUp={false} level={3} />;
}
