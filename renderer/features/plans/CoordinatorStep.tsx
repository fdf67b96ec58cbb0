import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../assessment/context';
import { CoordinatorHistory, CurrentCoordinator } from './CoordinatorHistory';
import { CoordinatorPicker } from './CoordinatorPicker';
import { ErrorAlert } from './signingParts';
import { useCoordination } from './useSigning';

/**
 * Step 9: who carries the plan. The shared screen (and the chair's projector view) shows only the
 * coordinator, large: colleagues' caseloads are not for the client's eyes.
 */
export function CoordinatorStep({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { readOnly, presentation } = useSession();
  const coordination = useCoordination(caseId);
  const [changing, setChanging] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  // After saving, the picker goes away: focus goes to the word that it was saved.
  useEffect(() => {
    if (saved !== null) statusRef.current?.focus();
  }, [saved]);

  if (coordination.isPending) return <Loader aria-label={t('common.loading')} />;
  if (coordination.isError) return <ErrorAlert error={coordination.error} />;
  const { current, history } = coordination.data;
  if (readOnly || presentation) return <CurrentCoordinator coordinator={current} large />;

  const showPicker = current === null || changing;
  return (
    <Stack gap="lg">
      <CurrentCoordinator coordinator={current} />
      {saved !== null && (
        <Alert ref={statusRef} tabIndex={-1} variant="outline" color="dark" role="status">
          <Text c="var(--mantine-color-text)">{t('coordination.saved', { name: saved })}</Text>
        </Alert>
      )}
      {showPicker ? (
        <CoordinatorPicker
          key={current?.id ?? 'none'}
          caseId={caseId}
          current={current}
          focusOnMount={changing}
          onSaved={(name) => {
            setChanging(false);
            setSaved(name);
          }}
          onCancel={
            current
              ? () => {
                  setChanging(false);
                  requestAnimationFrame(() => changeRef.current?.focus());
                }
              : undefined
          }
        />
      ) : (
        <Group>
          <Button ref={changeRef} variant="default" onClick={() => { setSaved(null); setChanging(true); }}>
            {t('coordination.change')}
          </Button>
        </Group>
      )}
      <CoordinatorHistory history={history} />
    </Stack>
  );
}
