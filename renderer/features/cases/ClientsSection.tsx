import { ClientList } from './ClientList';
import { ClientPage } from './ClientPage';
import { PreparationPage } from '../preparation/PreparationPage';
import { CasePlanPage } from '../plans/CasePlanPage';

export interface ClientsLocation {
  clientId: string | null;
  caseId: string | null;
  /** Which page of the case: its preparation (the default) or its plan. */
  view?: 'preparation' | 'plan';
}

/** The clients area: the list, one client, or one case's preparation or plan. Where the user is lives in the Workbench, so other areas can send them here. */
export function ClientsSection({ location, onNavigate, canEdit }: { location: ClientsLocation; onNavigate: (l: ClientsLocation) => void; canEdit: boolean }) {
  const { clientId, caseId } = location;
  if (clientId && caseId && location.view === 'plan') return <CasePlanPage caseId={caseId} canEdit={canEdit} onBack={() => onNavigate({ clientId, caseId: null })} />;
  if (clientId && caseId) return <PreparationPage caseId={caseId} canEdit={canEdit} onBack={() => onNavigate({ clientId, caseId: null })} />;
  if (clientId) {
    return <ClientPage clientId={clientId} onBack={() => onNavigate({ clientId: null, caseId: null })} onOpenPreparation={(id) => onNavigate({ clientId, caseId: id })} onOpenPlan={(id) => onNavigate({ clientId, caseId: id, view: 'plan' })} />;
  }
  return <ClientList onOpen={(id) => onNavigate({ clientId: id, caseId: null })} />;
}
