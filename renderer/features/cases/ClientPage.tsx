import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../../shared/api/contract';
import { invoke } from '../../api/client';
import { CLIENTS_KEY } from '../../api/keys';
import { formatDateTime } from '../../../shared/domain/dates';
import { notifySuccess } from '../../notify';
import { FormError } from '../session/FormError';
import { CasesPanel } from './CasesPanel';
import { ClientForm, toInput, type ClientValues } from './ClientForm';

const clientKey = (id: string) => ['clients.get', id] as const;

function toValues(c: ClientDetail): ClientValues {
  return {
    name: c.name,
    language: c.language,
    // The full code is never loaded for editing; a new one may be typed over the masked one.
    identityCode: '',
    birthDate: c.identityCodeMasked ? '' : (c.birthDate ?? ''),
    interpreterNeeded: c.interpreterNeeded,
    interpreterLanguage: c.interpreterLanguage,
    phone: c.phone,
    email: c.email,
    address: c.address,
    municipality: c.municipality,
  };
}

export function ClientPage({ clientId, onBack, onOpenPreparation, onOpenPlan }: { clientId: string; onBack: () => void; onOpenPreparation: (caseId: string) => void; onOpenPlan: (caseId: string) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const client = useQuery({ queryKey: clientKey(clientId), queryFn: () => invoke('clients.get', { clientId }) });
  const [revealed, setRevealed] = useState<string | null>(null);
  const reveal = useMutation({ mutationFn: () => invoke('clients.revealIdentityCode', { clientId }), onSuccess: (r) => setRevealed(r.identityCode) });

  if (!client.data) return <FormError error={client.error} />;
  const c = client.data;
  return (
    <Stack gap="lg">
      <Group>
        <Button variant="subtle" onClick={onBack}>← {t('clients.backToList')}</Button>
      </Group>
      <div>
        <Title order={1} size="h2">{c.name}</Title>
        <Group gap="sm">
          <Text ff="monospace" aria-live="polite">{revealed ?? c.identityCodeMasked ?? t('clients.noIdentityCode')}</Text>
          {c.identityCodeMasked && (revealed ? (
            <Button size="compact-sm" variant="default" onClick={() => setRevealed(null)}>{t('clients.hide')}</Button>
          ) : (
            <Button size="compact-sm" variant="default" loading={reveal.isPending} onClick={() => reveal.mutate()}>{t('clients.reveal')}</Button>
          ))}
        </Group>
        <FormError error={reveal.error} />
      </div>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={2} size="h3">{t('clients.details')}</Title>
          {c.updatedAt && <Text size="sm" c="dimmed">{t('clients.lastSaved', { at: formatDateTime(c.updatedAt, i18n.language) })}</Text>}
          <ClientForm
            key={`${clientId}/${c.updatedAt ?? c.createdAt}`}
            initial={toValues(c)}
            draftKey={`client.edit:${clientId}`}
            draftClientId={clientId}
            withContact
            submitLabel={t('clients.saveChanges')}
            storedCodeMasked={c.identityCodeMasked}
            onSubmit={async (v, allowSimilar) => {
              // An empty identity-code field keeps the stored code, which the form never holds.
              const updated = await invoke('clients.update', { clientId, ...toInput(v), allowSimilar });
              queryClient.setQueryData(clientKey(clientId), updated);
              void queryClient.invalidateQueries({ queryKey: CLIENTS_KEY });
              notifySuccess(t('clients.saved'));
            }}
          />
        </Stack>
      </Paper>
      <CasesPanel clientId={clientId} onOpenPreparation={onOpenPreparation} onOpenPlan={onOpenPlan} />
    </Stack>
  );
}
