import { Button, Group, Modal, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../shared/api/contract';
import { CASE_OUTCOMES, canChangeStatus, type CaseOutcome } from '../../../shared/domain/case';
import { invoke } from '../../api/client';
import { CLIENTS_KEY } from '../../api/keys';
import { formatDateTime, formatDay } from '../../../shared/domain/dates';
import { notifySuccess } from '../../notify';
import { FormError } from '../session/FormError';
import { CaseFileExport } from './CaseFileExport';
import { emptyReferral, ReferralForm } from './ReferralForm';
import { StatusBadge } from './StatusBadge';

/** Phases in which a case has (or may start) a plan: the assessment is done. */
const PLAN_PHASES: readonly CaseSummary['status'][] = ['assessed', 'plan_signed', 'in_services', 'in_follow_up'];

type Dialog = { kind: 'new' } | { kind: 'referral'; c: CaseSummary } | { kind: 'close'; c: CaseSummary } | null;

export function CasesPanel({ clientId, onOpenPreparation, onOpenPlan }: { clientId: string; onOpenPreparation: (caseId: string) => void; onOpenPlan: (caseId: string) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const key = ['cases.listForClient', clientId] as const;
  const cases = useQuery({ queryKey: key, queryFn: () => invoke('cases.listForClient', { clientId }) });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [outcome, setOutcome] = useState<CaseOutcome | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: CLIENTS_KEY });
    void queryClient.invalidateQueries({ queryKey: ['clients.get', clientId] });
  };
  const setStatus = useMutation({
    mutationFn: (v: { caseId: string; status: CaseSummary['status']; outcome?: CaseOutcome }) => invoke('cases.setStatus', v),
    onSuccess: () => {
      refresh();
      setDialog(null);
    },
  });
  const hasOpen = cases.data?.some((c) => c.status !== 'closed') ?? true;

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">{t('cases.title')}</Title>
          <Button onClick={() => setDialog({ kind: 'new' })} disabled={hasOpen}>{t('cases.new')}</Button>
        </Group>
        <FormError error={cases.error ?? setStatus.error} />
        {cases.data?.length === 0 && <Text>{t('cases.none')}</Text>}
        {cases.data?.map((c) => (
          <Paper key={c.id} withBorder p="sm" component="section" aria-label={t('cases.number', { number: c.number })}>
            <Stack gap={6}>
              <Group justify="space-between">
                <Group gap="sm">
                  <Text fw={600} ff="monospace">{t('cases.number', { number: c.number })}</Text>
                  <StatusBadge status={c.status} />
                  {c.outcome && <Text size="sm">{t(`cases.outcomes.${c.outcome}`)}</Text>}
                </Group>
                <Text size="sm" c="dimmed">{t('cases.openedOn', { date: formatDateTime(c.createdAt, i18n.language) })}</Text>
              </Group>
              {c.referral && (
                <Text size="sm">
                  {t(`cases.sources.${c.referral.source}`)}
                  {c.referral.referrerOrganisation && ` · ${c.referral.referrerOrganisation}`}
                  {c.referral.referrerName && ` · ${c.referral.referrerName}`} · {formatDay(c.referral.referralDate, i18n.language)}
                </Text>
              )}
              {c.referral?.reason && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>{c.referral.reason}</Text>}
              {/* A closed case's plan (if it had one) stays readable. */}
              {c.status === 'closed' && (
                <Group gap="xs">
                  <Button size="xs" variant="default" onClick={() => onOpenPlan(c.id)}>{t('plans.open')}</Button>
                </Group>
              )}
              {c.status !== 'closed' && (
                <Group gap="xs">
                  <Button size="xs" onClick={() => onOpenPreparation(c.id)}>{t('prep.open')}</Button>
                  {PLAN_PHASES.includes(c.status) && <Button size="xs" onClick={() => onOpenPlan(c.id)}>{t('plans.open')}</Button>}
                  <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'referral', c })}>{t('cases.editReferral')}</Button>
                  {canChangeStatus(c.status, 'in_preparation') && (
                    <Button size="xs" variant="default" loading={setStatus.isPending} onClick={() => setStatus.mutate({ caseId: c.id, status: 'in_preparation' })}>
                      {t('cases.startPreparation')}
                    </Button>
                  )}
                  <Button size="xs" variant="default" onClick={() => { setOutcome(null); setDialog({ kind: 'close', c }); }}>{t('cases.close')}</Button>
                  <CaseFileExport caseId={c.id} />
                </Group>
              )}
            </Stack>
          </Paper>
        ))}
      </Stack>
      <Modal opened={dialog?.kind === 'new'} onClose={() => setDialog(null)} title={t('cases.formTitle')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        {dialog?.kind === 'new' && (
          <ReferralForm
            initial={emptyReferral()}
            draftKey={`case.new:${clientId}`}
            clientId={clientId}
            submitLabel={t('cases.referral.createCase')}
            onCancel={() => setDialog(null)}
            onSubmit={async (referral) => {
              const c = await invoke('cases.create', { clientId, referral });
              refresh();
              notifySuccess(t('cases.created', { number: c.number }));
              setDialog(null);
            }}
          />
        )}
      </Modal>
      <Modal
        opened={dialog?.kind === 'referral'}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'referral' ? t('cases.editTitle', { number: dialog.c.number }) : ''}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {dialog?.kind === 'referral' && (
          <ReferralForm
            key={dialog.c.id}
            initial={dialog.c.referral ?? emptyReferral()}
            draftKey={`referral:${dialog.c.id}`}
            clientId={clientId}
            submitLabel={t('cases.referral.save')}
            onCancel={() => setDialog(null)}
            onSubmit={async (referral) => {
              await invoke('cases.updateReferral', { caseId: dialog.c.id, referral });
              refresh();
              notifySuccess(t('cases.referralSaved'));
              setDialog(null);
            }}
          />
        )}
      </Modal>
      <Modal
        opened={dialog?.kind === 'close'}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'close' ? t('cases.closeTitle', { number: dialog.c.number }) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {dialog?.kind === 'close' && (
          <Stack gap="sm">
            <Select
              label={t('cases.outcome')}
              required
              data={CASE_OUTCOMES.map((o) => ({ value: o, label: t(`cases.outcomes.${o}`) }))}
              value={outcome}
              onChange={(v) => setOutcome(v as CaseOutcome | null)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>{t('common.cancel')}</Button>
              <Button
                color="red"
                disabled={!outcome}
                loading={setStatus.isPending}
                onClick={() => outcome && setStatus.mutate({ caseId: dialog.c.id, status: 'closed', outcome })}
              >
                {t('cases.closeConfirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
