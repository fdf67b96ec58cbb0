import { ClientList } from './ClientList';
import { ClientPage } from './ClientPage';
import { PreparationPage } from '../preparation/PreparationPage';

export interface ClientsLocation {
  clientId: string | null;
  caseId: string | null;
}

/** The clients area: the list, one client, or one case's preparation. Where the user is lives in the Workbench, so other areas can send them here. */
export function ClientsSection({ location, onNavigate, canEdit }: { location: ClientsLocation; onNavigate: (l: ClientsLocation) => void; canEdit: boolean }) {
  const { clientId, caseId } = location;
  if (clientId && caseId) return <PreparationPage caseId={caseId} canEdit={canEdit} onBack={() => onNavigate({ clientId, caseId: null })} />;
  if (clientId) {
    return <ClientPage clientId={clientId} onBack={() => onNavigate({ clientId: null, caseId: null })} onOpenPreparation={(id) => onNavigate({ clientId, caseId: id })} />;
  }
  return <ClientList onOpen={(id) => onNavigate({ clientId: id, caseId: null })} />;
}
