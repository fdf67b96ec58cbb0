import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanVersion } from '../../../shared/api/contract';
import { errorText } from '../../errors';
import { shortHash, type SignerSlot } from './signingParts';
import { attemptsOf, useSecretPlanMutation } from './useSigning';

export interface SignerTarget {
  /** member: signs with their own password; confirm: the chair confirms them with the chair's. */
  mode: 'member' | 'confirm';
  slot: SignerSlot;
}

/** A refusal in words; a wrong password says which attempt of how many it was. */
export function PasswordError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const attempts = attemptsOf(error);
  return (
    <Alert color="red.9" variant="outline" role="alert">
      <Text c="var(--mantine-color-text)">{attempts ? t('signing.wrongPassword', attempts) : errorText(t, error)}</Text>
    </Alert>
  );
}

/**
 * One person's signature: their name and their password (or, for someone the chair confirms, the
 * chair's). Enter signs, Escape closes; a wrong password keeps the dialog open with the field
 * emptied. The password lives in this dialog's state only while it is being typed.
 */
export function SignerDialog({ caseId, version, target, chairName, onClose, onSigned }: { caseId: string; version: PlanVersion; target: SignerTarget | null; chairName: string | null; onClose: () => void; onSigned: (v: PlanVersion) => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const sign = useSecretPlanMutation(caseId, 'plans.sign');
  const confirm = useSecretPlanMutation(caseId, 'plans.confirm');
  // Kept while the dialog fades out, so its text does not vanish first.
  const shown = useRef(target);
  if (target) shown.current = target;
  const current = shown.current;
  const call = current?.mode === 'confirm' ? confirm : sign;

  const { reset: resetSign } = sign;
  const { reset: resetConfirm } = confirm;
  useEffect(() => {
    setPassword('');
    resetSign();
    resetConfirm();
  }, [target, resetSign, resetConfirm]);

  const close = () => {
    setPassword('');
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!target || password === '' || call.isPending) return;
    const typed = password;
    setPassword('');
    const input = { planId: version.planId, version: version.version, attendanceId: target.slot.attendanceId };
    const callbacks = { onSuccess: onSigned, onError: () => inputRef.current?.focus() };
    if (target.mode === 'confirm') confirm.submit(input, typed, callbacks);
    else sign.submit(input, typed, callbacks);
  };

  const name = current?.slot.name ?? '';
  const member = current?.mode !== 'confirm';
  return (
    <Modal
      opened={target !== null}
      onClose={close}
      withinPortal={false}
      title={member ? t('signing.dialog.signTitle', { name }) : t('signing.dialog.confirmTitle', { name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>
            {member
              ? t('signing.dialog.signStatement', { name, version: version.version, hash: shortHash(version.payloadSha256 ?? '') })
              : t('signing.dialog.confirmStatement', { name, chair: chairName ?? t('signing.theChair'), version: version.version })}
          </Text>
          {current && !member && <Text size="sm">{t(current.slot.status === 'remote' ? 'signing.dialog.whyRemote' : 'signing.dialog.whyNoAccount')}</Text>}
          <PasswordInput
            ref={inputRef}
            label={member ? t('signing.dialog.password', { name }) : chairName ? t('signing.dialog.chairPasswordOf', { name: chairName }) : t('signing.dialog.chairPassword')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="off"
            required
            data-autofocus
          />
          {call.isError && <PasswordError error={call.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={call.isPending} disabled={password === ''}>
              {member ? t('signing.dialog.sign') : t('signing.dialog.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
