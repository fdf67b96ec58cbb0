import { Alert, Autocomplete, Button, Group, Modal, PasswordInput, Radio, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanVersion } from '../../../shared/api/contract';
import { PLAN_LIMITS } from '../../../shared/domain/plan';
import { PasswordError } from './SignerDialog';
import { SignaturePad } from './SignaturePad';
import { useSecretPlanMutation } from './useSigning';

type Method = 'drawn' | 'oral';

/**
 * The client's signature: drawn on the screen, or, when drawing is not possible (or the keyboard is
 * all there is), oral agreement with a witness. Either way the chair's password binds it.
 */
export function ClientSignature({ caseId, version, opened, chairName, onClose, onSigned }: { caseId: string; version: PlanVersion; opened: boolean; chairName: string | null; onClose: () => void; onSigned: (v: PlanVersion) => void }) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<Method>('drawn');
  const [image, setImage] = useState<string | null>(null);
  const [witness, setWitness] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const sign = useSecretPlanMutation(caseId, 'plans.clientSign');
  const { reset } = sign;

  useEffect(() => {
    if (!opened) return;
    setMethod('drawn');
    setImage(null);
    setWitness('');
    setPassword('');
    setProblem(null);
    reset();
  }, [opened, reset]);

  // Anyone at the table may witness (present or on the line); a name may also be typed.
  const witnesses = [...new Set(version.signers.filter((s) => s.status !== 'absent').map((s) => s.name))];

  const close = () => {
    setPassword('');
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (sign.isPending) return;
    const missing =
      method === 'drawn' && image === null ? t('signing.clientDialog.drawFirst')
      : method === 'drawn' && image !== null && image.length > PLAN_LIMITS.signatureImageBytes ? t('signing.clientDialog.tooLarge')
      : method === 'oral' && witness.trim() === '' ? t('signing.clientDialog.witnessRequired')
      : password === '' ? t('signing.clientDialog.passwordRequired')
      : null;
    setProblem(missing);
    if (missing) return;
    const typed = password;
    setPassword('');
    sign.submit(
      { planId: version.planId, version: version.version, method, image: method === 'drawn' ? image : null, witness: method === 'oral' ? witness.trim() : null },
      typed,
      { onSuccess: onSigned, onError: () => passwordRef.current?.focus() },
    );
  };

  return (
    <Modal opened={opened} onClose={close} withinPortal={false} size="xl" title={t('signing.clientDialog.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{t('signing.clientDialog.statement', { version: version.version })}</Text>
          <Radio.Group label={t('signing.clientDialog.method')} value={method} onChange={(v) => {
              // A pad drawn on and left stays behind: coming back starts a blank one.
              setMethod(v as Method);
              setImage(null);
            }}>
            <Group gap="lg" mt={6}>
              <Radio value="drawn" label={t('signing.clientDialog.drawn')} data-autofocus />
              <Radio value="oral" label={t('signing.clientDialog.oral')} />
            </Group>
          </Radio.Group>
          {method === 'drawn' ? (
            <SignaturePad onChange={setImage} />
          ) : (
            <Stack gap="xs">
              <Text size="sm">{t('signing.clientDialog.oralHint')}</Text>
              <Autocomplete
                label={t('signing.clientDialog.witness')}
                description={t('signing.clientDialog.witnessHint')}
                data={witnesses}
                value={witness}
                onChange={setWitness}
                maxLength={PLAN_LIMITS.short}
                withAsterisk
              />
            </Stack>
          )}
          <PasswordInput
            ref={passwordRef}
            label={chairName ? t('signing.dialog.chairPasswordOf', { name: chairName }) : t('signing.dialog.chairPassword')}
            description={t('signing.clientDialog.chairBinds')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="off"
            required
          />
          {problem && (
            <Alert color="red.9" variant="outline" role="alert">
              <Text c="var(--mantine-color-text)">{problem}</Text>
            </Alert>
          )}
          {sign.isError && <PasswordError error={sign.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={sign.isPending}>
              {t('signing.clientDialog.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
