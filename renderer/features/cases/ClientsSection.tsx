import { useState } from 'react';
import { ClientList } from './ClientList';
import { ClientPage } from './ClientPage';

/** The clients area: the list, or one client. */
export function ClientsSection() {
  const [clientId, setClientId] = useState<string | null>(null);
  return clientId ? <ClientPage clientId={clientId} onBack={() => setClientId(null)} /> : <ClientList onOpen={setClientId} />;
}
