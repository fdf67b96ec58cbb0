import { Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BENEFITS } from '../../../../shared/domain/preparation';
import { invoke } from '../../../api/client';
import { readBenefits, readEducation, readRestricted, readSocial, readWorkHistory } from '../../preparation/payloads';
import { useSession } from '../context';
import { ReadValue, RecordText } from '../fields';

/** Step 2: the prepared summary, read-only, and the team's note. */
export function SituationStep() {
  const { t } = useTranslation();
  const { assessment, presentation, readOnly, meeting } = useSession();
  const bg = assessment.prepared.background;
  const education = readEducation(bg.education?.data);
  const work = readWorkHistory(bg.work_history?.data, () => '');
  const social = readSocial(bg.social?.data);
  const benefits = readBenefits(bg.benefits?.data);
  const received = BENEFITS.filter((b) => benefits[b].status !== null);
  const restricted = bg.restricted;
  // The chair's window in presentation mode follows the same rule as the audience screen.
  const showRestricted = restricted !== undefined && (readOnly || !presentation || meeting?.restrictedRevealed === true);
  return (
    <Stack gap="md">
      <ReadValue label={t('session.situation.referralReason')} empty={!assessment.prepared.referralReason.trim()}>{assessment.prepared.referralReason}</ReadValue>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('prep.background.sections.education')} text={bg.education?.text}>
          {education.level && <Text>{t('prep.background.level')}: {t(`prep.background.levels.${education.level}`)}</Text>}
          {education.qualifications && <Text>{t('prep.background.qualifications')}: {education.qualifications}</Text>}
        </Section>
        <Section title={t('prep.background.sections.work_history')} text={bg.work_history?.text}>
          {work.entries.length > 0 && (
            <List spacing={2}>
              {work.entries.map((e, i) => (
                <List.Item key={i}>{[`${e.from}–${e.to}`, e.employer, e.role, e.endReason].filter((s) => s.trim() && s !== '–').join(', ')}</List.Item>
              ))}
            </List>
          )}
        </Section>
        <Section title={t('prep.background.sections.health')} text={bg.health?.text} />
        <Section title={t('prep.background.sections.social')} text={bg.social?.text}>
          {(['housing', 'finances', 'family', 'debts'] as const).map((k) => social[k] && <Text key={k}>{t(`prep.background.${k}`)}: {social[k]}</Text>)}
        </Section>
        <Section title={t('prep.background.sections.benefits')} text={bg.benefits?.text}>
          {received.length > 0 && (
            <List spacing={2}>
              {received.map((b) => (
                <List.Item key={b}>{t(`prep.background.benefits.${b}`)}: {t(`prep.background.benefitStatuses.${benefits[b].status!}`)}</List.Item>
              ))}
            </List>
          )}
        </Section>
        {showRestricted && (
          <Section title={t('prep.background.sections.restricted')} text={restricted.text}>
            {(['substance', 'mentalHealth'] as const).map((k) => {
              const v = readRestricted(restricted.data)[k];
              return v && <Text key={k}>{t(`prep.background.${k}`)}: {v}</Text>;
            })}
          </Section>
        )}
      </SimpleGrid>
      {assessment.prepared.restrictedHidden && !readOnly && !presentation && <Text>{t('prep.background.restrictedHidden')}</Text>}
      {restricted !== undefined && !readOnly && <RevealRestricted />}
      <ReadValue label={t('session.situation.bringNote')} empty={!assessment.prepared.bringNote.trim()}>{assessment.prepared.bringNote}</ReadValue>
      <RecordText field="situation.note" label={t('session.textFields.situation.note')} minRows={3} />
    </Stack>
  );
}

function Section({ title, text, children }: { title: string; text: string | undefined; children?: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  const hasText = (text ?? '').trim() !== '';
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={id}>
      <Stack gap={4}>
        <Title order={3} size="h5" id={id}>{title}</Title>
        {children}
        {hasText ? <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text> : !children && <Text>{t('session.empty')}</Text>}
      </Stack>
    </Paper>
  );
}

/** The chair shows or hides the restricted section on the shared screen; the state is always said. */
function RevealRestricted() {
  const { t } = useTranslation();
  const { assessment, meeting, onMeeting } = useSession();
  const revealed = meeting?.restrictedRevealed === true;
  const reveal = useMutation({
    mutationFn: (next: boolean) => invoke('meetings.revealRestricted', { meetingId: assessment.meetingId, revealed: next }),
    onSuccess: (m) => onMeeting?.(m),
  });
  return (
    <Group gap="sm">
      <Badge variant="outline" color="dark" size="lg" radius="sm">
        {revealed ? t('session.situation.restrictedShown') : t('session.situation.restrictedHiddenOnScreen')}
      </Badge>
      <Button variant="default" aria-pressed={revealed} loading={reveal.isPending} onClick={() => reveal.mutate(!revealed)}>
        {revealed ? t('session.situation.hideRestricted') : t('session.situation.revealRestricted')}
      </Button>
    </Group>
  );
}
