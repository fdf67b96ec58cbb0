import { Button, Group, NumberInput, Stack } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IDLE_LOCK_MINUTES } from '../../../shared/domain/settings';
import { invoke } from '../../api/client';
import { notifySuccess } from '../../notify';
import { STATUS_KEY } from '../../api/keys';
import { FormError } from '../session/FormError';

export function SettingsPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['settings.get'], queryFn: () => invoke('settings.get', {}) });
  const [minutes, setMinutes] = useState<number | string>('');
  useEffect(() => {
    if (settings.data) setMinutes(settings.data.idleLockMinutes);
  }, [settings.data]);
  const save = useMutation({
    mutationFn: (idleLockMinutes: number) => invoke('settings.update', { idleLockMinutes }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['settings.get'] });
      void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
      notifySuccess(t('settings.saved'));
    },
  });
  const valid = typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= IDLE_LOCK_MINUTES.min && minutes <= IDLE_LOCK_MINUTES.max;
  return (
    <Stack gap="sm" maw={420}>
      <NumberInput
        label={t('settings.idle')}
        description={t('settings.idleHint', { min: IDLE_LOCK_MINUTES.min, max: IDLE_LOCK_MINUTES.max })}
        min={IDLE_LOCK_MINUTES.min}
        max={IDLE_LOCK_MINUTES.max}
        allowDecimal={false}
        value={minutes}
        onChange={setMinutes}
      />
      <FormError error={save.error ?? settings.error} />
      <Group justify="flex-end">
        <Button disabled={!valid} loading={save.isPending} onClick={() => valid && save.mutate(minutes)}>{t('settings.save')}</Button>
      </Group>
    </Stack>
  );
}
