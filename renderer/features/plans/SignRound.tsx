import { Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanVersion } from '../../../shared/api/contract';
import { formatDateTime, formatTime } from '../../../shared/domain/dates';
import { ClientSignature } from './ClientSignature';
import { useSectorList } from './QuorumCheck';
import { SignerDialog, type SignerTarget } from './SignerDialog';
import { chairNameOf, clientSignature, ErrorAlert, Fingerprint, Mark, signingCounts, slotSignature, type SignerSlot } from './signingParts';
import { usePlanMutation } from './usePlan';

type Dialog = { kind: 'signer'; target: SignerTarget } | { kind: 'client' } | { kind: 'reopen' } | null;

/**
 * Step 10, frozen: everyone at the table in turn. Present members with an account sign with their
 * own password; the chair confirms those on the line or without an account; absent people sign
 * nothing; the client draws or agrees orally. The last signature locks the version (the backend
 * answers with it locked, and the step shows the signed plan).
 */
export function SignRound({ caseId, version, meetingId, presentation, onMoved }: { caseId: string; version: PlanVersion; meetingId: string; presentation: boolean; onMoved: () => void }) {
  const { t, i18n } = useTranslation();
  const sectorList = useSectorList();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [justSigned, setJustSigned] = useState(false);
  const progressRef = useRef<HTMLParagraphElement>(null);
  const reopen = usePlanMutation(caseId, 'plans.reopen');

  const chairName = chairNameOf(version);
  const { given, needed } = signingCounts(version);
  const client = clientSignature(version);
  const close = () => setDialog(null);
  const signed = (v: PlanVersion) => {
    setDialog(null);
    // The last signature locks the version and the step shows the signed plan instead.
    if (v.state === 'locked') onMoved();
    else setJustSigned(true);
  };
  const focused = useCallback(() => setJustSigned(false), []);

  const action = (slot: SignerSlot) => {
    const sig = slotSignature(version, slot.attendanceId);
    if (slot.way === 'none') return <Text>{t('signing.round.absent')}</Text>;
    if (slot.signed || sig) {
      const at = sig ? formatTime(sig.signedAt, i18n.language) : '';
      return <Mark state="ok">{slot.way === 'confirmed' ? t('signing.round.confirmedAt', { time: at }) : t('signing.round.signedAt', { time: at })}</Mark>;
    }
    if (slot.way === 'member') {
      return (
        <Button size="sm" aria-label={t('signing.round.signAs', { name: slot.name })} onClick={() => setDialog({ kind: 'signer', target: { mode: 'member', slot } })}>
          {t('signing.round.sign')}
        </Button>
      );
    }
    return (
      <Group gap="sm">
        <Button size="sm" variant="default" aria-label={t('signing.round.confirmFor', { name: slot.name })} onClick={() => setDialog({ kind: 'signer', target: { mode: 'confirm', slot } })}>
          {t('signing.round.confirm')}
        </Button>
        <Text size="sm">{t(slot.status === 'remote' ? 'signing.round.remote' : 'signing.round.noAccount')}</Text>
      </Group>
    );
  };

  return (
    <Stack gap="lg">
      <Title order={3} size="h4" tabIndex={-1} data-plan-heading>{t('signing.round.title', { version: version.version })}</Title>
      <Stack gap={4}>
        {version.frozenAt && <Text>{t('signing.round.frozenAt', { when: formatDateTime(version.frozenAt, i18n.language) })}</Text>}
        {version.payloadSha256 && <Fingerprint hash={version.payloadSha256} />}
        {version.quorum && version.quorum.missingSectors.length > 0 && (
          <Text>{t('signing.round.quorumReason', { sectors: sectorList(version.quorum.missingSectors), reason: version.quorum.reason })}</Text>
        )}
        {version.meetingId !== null && version.meetingId !== meetingId && <Text>{t('signing.round.otherMeeting')}</Text>}
      </Stack>
      <Text ref={progressRef} tabIndex={-1} fw={700} size={presentation ? 'xl' : 'lg'} aria-live="polite">
        {t('signing.round.progress', { given, count: needed })}
      </Text>
      <Table.ScrollContainer minWidth={520}>
        <Table withTableBorder verticalSpacing={presentation ? 'md' : 'sm'}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('signing.round.name')}</Table.Th>
              <Table.Th scope="col">{t('signing.round.profession')}</Table.Th>
              <Table.Th scope="col">{t('signing.round.signature')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {version.signers.map((slot) => (
              <Table.Tr key={slot.attendanceId} data-signed={slot.signed}>
                <Table.Th scope="row" fw={500}>{slot.name}</Table.Th>
                <Table.Td>{t(`professions.${slot.profession}`)}</Table.Td>
                <Table.Td>{action(slot)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr data-signed={version.clientSigned}>
              <Table.Th scope="row" fw={500}>{presentation || !client ? t('signing.clientLabel') : t('signing.list.clientName', { name: client.name })}</Table.Th>
              <Table.Td>–</Table.Td>
              <Table.Td>
                {version.clientSigned || client ? (
                  <Mark state="ok">
                    {client?.kind === 'client_oral'
                      ? t('signing.round.clientOralAt', { time: formatTime(client.signedAt, i18n.language) })
                      : t('signing.round.signedAt', { time: client ? formatTime(client.signedAt, i18n.language) : '' })}
                  </Mark>
                ) : (
                  <Button size="sm" onClick={() => setDialog({ kind: 'client' })}>
                    {t('signing.round.clientSigns')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button variant="default" onClick={() => setDialog({ kind: 'reopen' })}>
          {t('signing.round.reopen')}
        </Button>
      </Group>

      <SignerDialog caseId={caseId} version={version} target={dialog?.kind === 'signer' ? dialog.target : null} chairName={chairName} onClose={close} onSigned={signed} />
      <ClientSignature caseId={caseId} version={version} opened={dialog?.kind === 'client'} chairName={chairName} onClose={close} onSigned={signed} />
      <Modal opened={dialog?.kind === 'reopen'} onClose={close} withinPortal={false} title={t('signing.reopen.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack>
          <Text>{version.signatures.length > 0 ? t('signing.reopen.discard', { count: version.signatures.length }) : t('signing.reopen.nothingSigned')}</Text>
          {reopen.isError && <ErrorAlert error={reopen.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" loading={reopen.isPending} onClick={() => reopen.mutate({ planId: version.planId, version: version.version }, { onSuccess: () => { setDialog(null); onMoved(); } })}>
              {t('signing.reopen.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {/* The button that opened the dialog is gone once its row has a tick: the keyboard goes on from the count. */}
      {justSigned && dialog === null && <FocusAfter target={progressRef} onDone={focused} />}
    </Stack>
  );
}

/** Moves focus once the closing dialog has given it back (Mantine returns it to a button that is gone). */
function FocusAfter({ target, onDone }: { target: RefObject<HTMLElement | null>; onDone: () => void }) {
  useEffect(() => {
    const id = window.setTimeout(() => {
      target.current?.focus();
      onDone();
    }, 250);
    return () => window.clearTimeout(id);
  }, [target, onDone]);
  return null;
}
