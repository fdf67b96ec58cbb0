import { Alert, Button, Group, List, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/api/contract';
import { ASSESSMENT_PURPOSES } from '../../../../shared/domain/assessment';
import { invoke } from '../../../api/client';
import { errorText } from '../../../errors';
import { useSession } from '../context';
import { RecordText, StoredChoice } from '../fields';
import { readChoice } from '../keys';

/** Step 1: who is at the table, whether consent covers each organisation there, and the purpose. */
export function OpeningStep({ onDropped }: { onDropped?: (meeting: MeetingDetail) => void }) {
  const { t } = useTranslation();
  const { assessment, meeting, editable } = useSession();
  const uncovered = assessment.consentAtTable.filter((c) => !c.covered);
  return (
    <Stack gap="lg">
      {meeting && meeting.attendance.length > 0 && (
        <section aria-labelledby="session-attendance">
          <Title order={3} size="h4" id="session-attendance" mb="xs">{t('session.opening.attendance')}</Title>
          <Table.ScrollContainer minWidth={500}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('session.opening.name')}</Table.Th>
                  <Table.Th scope="col">{t('session.opening.profession')}</Table.Th>
                  <Table.Th scope="col">{t('session.opening.organisation')}</Table.Th>
                  <Table.Th scope="col">{t('session.opening.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {meeting.attendance.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.name}</Table.Td>
                    <Table.Td>{t(`professions.${a.profession}`)}</Table.Td>
                    <Table.Td>{a.organisation}</Table.Td>
                    <Table.Td>{t(`session.attendance.${a.status}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      )}
      {meeting && meeting.missingSectors.length > 0 && (
        <Alert color="dark" variant="outline" title={t('session.opening.sectorsMissingTitle')}>
          <Text c="var(--mantine-color-text)">{t('session.opening.sectorsMissing', { sectors: meeting.missingSectors.map((s) => t(`session.sectors.${s}`)).join(', ') })}</Text>
        </Alert>
      )}
      <section aria-labelledby="session-consent">
        <Title order={3} size="h4" id="session-consent" mb="xs">{t('session.opening.consent')}</Title>
        {assessment.consentAtTable.length === 0 ? (
          <Text>{t('session.opening.noOrganisations')}</Text>
        ) : (
          <List spacing={4}>
            {assessment.consentAtTable.map((c) => (
              <List.Item key={c.organisation}>
                {t(`prep.consent.orgs.${c.organisation}`)}: <strong>{c.covered ? t('session.opening.covered') : t('session.opening.notCovered')}</strong>
              </List.Item>
            ))}
          </List>
        )}
        {uncovered.length > 0 && (
          <Stack gap="sm" mt="sm">
            <Alert color="red.9" variant="outline" title={t('session.opening.consentWarningTitle')}>
              <Text c="var(--mantine-color-text)">{t('session.opening.consentWarning', { organisations: uncovered.map((c) => t(`prep.consent.orgs.${c.organisation}`)).join(', ') })}</Text>
            </Alert>
            <RecordText field="opening.consentReason" label={t('session.textFields.opening.consentReason')} description={t('session.opening.consentReasonHint')} required />
            {editable && <DropItem itemId={assessment.itemId} onDropped={onDropped} />}
          </Stack>
        )}
      </section>
      <StoredChoice
        fieldKey="purpose"
        radios
        label={t('session.opening.purpose')}
        options={ASSESSMENT_PURPOSES.map((p) => ({ value: p, label: t(`session.purposes.${p}`) }))}
        read={(f) => readChoice(ASSESSMENT_PURPOSES, f)}
        toChange={(v) => ({ kind: 'purpose', value: v ?? 'first_assessment' })}
      />
    </Stack>
  );
}

/** Takes the case off the agenda with a reason (e.g. consent no longer covers the table). */
function DropItem({ itemId, onDropped }: { itemId: string; onDropped?: (meeting: MeetingDetail) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const drop = useMutation({
    mutationFn: () => invoke('meetings.dropItem', { itemId, reason: reason.trim() }),
    onSuccess: (m) => {
      setOpen(false);
      onDropped?.(m);
    },
  });
  return (
    <>
      <Group>
        <Button variant="default" onClick={() => setOpen(true)}>{t('session.opening.drop')}</Button>
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('session.opening.dropTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack>
          <Text>{t('session.opening.dropIntro')}</Text>
          <Textarea label={t('session.opening.dropReason')} withAsterisk autosize minRows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
          {drop.isError && <Alert color="red.9" variant="outline"><Text c="var(--mantine-color-text)">{errorText(t, drop.error)}</Text></Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
            <Button color="red.9" disabled={reason.trim() === ''} loading={drop.isPending} onClick={() => drop.mutate()}>{t('session.opening.dropConfirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
