import { Alert, Button, Group, List, Paper, Stack, Text, Textarea, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Preparation } from '../../../shared/api/contract';
import { MAX_LONG_TEXT } from '../../../shared/domain/case';
import { todayInFinland } from '../../../shared/domain/dates';
import { invoke } from '../../api/client';
import { FormError } from '../session/FormError';
import { SaveState } from './SaveState';
import { flushAllAutosaves, useAutosave } from './useAutosave';

/** The checklist, the preparer's note and proposed meeting, and the "ready for the team" step. */
export function ReadyPanel({ prep, canEdit, onChanged }: { prep: Preparation; canEdit: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [planning, setPlanning] = useState({ bringNote: prep.bringNote, proposedMeetingDate: prep.proposedMeetingDate ?? '' });
  const today = todayInFinland();
  const dateOk = planning.proposedMeetingDate === '' || planning.proposedMeetingDate >= today;
  const autosave = useAutosave(
    planning,
    async (p) => {
      const r = await invoke('cases.savePlanning', { caseId: prep.case.id, bringNote: p.bringNote, proposedMeetingDate: p.proposedMeetingDate || null });
      onChanged();
      return r;
    },
    { enabled: canEdit && dateOk, initialSavedAt: null },
  );
  const setStatus = useMutation({
    mutationFn: async (status: 'ready_for_team' | 'in_preparation') => {
      // Readiness is judged from what is stored: text typed a moment ago in any tab must be saved first.
      await flushAllAutosaves();
      return invoke('cases.setStatus', { caseId: prep.case.id, status });
    },
    onSuccess: onChanged,
  });
  const allOk = prep.readiness.every((r) => r.ok);
  const status = prep.case.status;

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="xs">{t('prep.ready.checklist')}</Title>
        <List spacing={6} aria-label={t('prep.ready.checklist')}>
          {prep.readiness.map((r) => (
            <List.Item
              key={r.item}
              icon={<ThemeIcon size={22} radius="xl" color={r.ok ? '#1e6b30' : 'gray.7'} aria-hidden>{r.ok ? '✓' : '–'}</ThemeIcon>}
              data-ok={r.ok}
            >
              <Text span fw={r.ok ? 400 : 600}>{t(`prep.ready.items.${r.item}`)}</Text>
              {r.missing && r.missing.length > 0 && (
                <Text span size="sm"> · {t('prep.ready.missingSections', { sections: r.missing.map((m) => t(`prep.background.sections.${m}`)).join(', ') })}</Text>
              )}
            </List.Item>
          ))}
        </List>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <TextInput
            type="date"
            label={t('prep.ready.proposedMeeting')}
            min={today}
            value={planning.proposedMeetingDate}
            readOnly={!canEdit}
            error={dateOk ? null : t('prep.ready.pastDate')}
            onChange={(e) => setPlanning({ ...planning, proposedMeetingDate: e.currentTarget.value })}
            maw={240}
          />
          <Textarea
            label={t('prep.ready.bringNote')}
            autosize
            minRows={3}
            maxLength={MAX_LONG_TEXT}
            readOnly={!canEdit}
            value={planning.bringNote}
            onChange={(e) => setPlanning({ ...planning, bringNote: e.currentTarget.value })}
          />
          <SaveState autosave={autosave} />
        </Stack>
      </Paper>
      {status === 'ready_for_team' ? (
        <Alert color="green" role="status">
          <Group justify="space-between">
            <Text size="sm">{t('prep.ready.isReady')}</Text>
            {canEdit && <Button size="xs" variant="default" onClick={() => setStatus.mutate('in_preparation')}>{t('prep.ready.backToPreparation')}</Button>}
          </Group>
        </Alert>
      ) : (
        canEdit && (
          <Stack gap="xs">
            {!allOk && <Text size="sm">{t('prep.ready.notYet')}</Text>}
            <Group>
              <Button disabled={!allOk || status !== 'in_preparation'} loading={setStatus.isPending} onClick={() => setStatus.mutate('ready_for_team')}>
                {t('prep.ready.markReady')}
              </Button>
            </Group>
          </Stack>
        )
      )}
      <FormError error={setStatus.error} />
    </Stack>
  );
}
