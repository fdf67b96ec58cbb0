import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId } from './planUi';

interface ItemControlsProps {
  kind: 'goal' | 'action';
  itemId: string;
  /** The item's number (1-based). */
  n: number;
  first: boolean;
  last: boolean;
  busy: boolean;
  onMove: (direction: 'up' | 'down') => void;
  /** Called after the user confirmed. */
  onRemove: () => void;
}

/** Move up / move down / remove (with a confirmation) for one goal or action. */
export function ItemControls({ kind, itemId, n, first, last, busy, onMove, onRemove }: ItemControlsProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const ns = kind === 'goal' ? 'plans.goals' : 'plans.actions';
  return (
    <Group gap="xs">
      <Button id={fieldId(kind, itemId, 'up')} size="compact-sm" variant="default" disabled={first || busy} onClick={() => onMove('up')} aria-label={t(`${ns}.moveUp`, { n })}>
        ↑
      </Button>
      <Button id={fieldId(kind, itemId, 'down')} size="compact-sm" variant="default" disabled={last || busy} onClick={() => onMove('down')} aria-label={t(`${ns}.moveDown`, { n })}>
        ↓
      </Button>
      <Button size="compact-sm" variant="default" color="red.9" disabled={busy} onClick={() => setConfirming(true)}>
        {t(`${ns}.remove`, { n })}
      </Button>
      <Modal opened={confirming} onClose={() => setConfirming(false)} withinPortal={false} title={t(`${ns}.removeTitle`, { n })} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack gap="md">
          <Text>{t(`${ns}.removeText`)}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.9"
              onClick={() => {
                setConfirming(false);
                onRemove();
              }}
            >
              {t(`${ns}.removeConfirm`)}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
