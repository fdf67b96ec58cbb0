import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { CLIENTS_KEY } from '../../api/keys';
import { notifySuccess } from '../../notify';
import { ClientForm, EMPTY_CLIENT, toInput } from './ClientForm';

export function NewClientForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <ClientForm
      initial={EMPTY_CLIENT}
      draftKey="client.new"
      draftClientId={null}
      submitLabel={t('clients.save')}
      onCancel={onDone}
      onSubmit={async (v, allowSimilar) => {
        const client = await invoke('clients.create', { ...toInput(v), allowSimilar });
        void queryClient.invalidateQueries({ queryKey: CLIENTS_KEY });
        notifySuccess(t('clients.added', { name: client.name }));
        onDone();
      }}
    />
  );
}
