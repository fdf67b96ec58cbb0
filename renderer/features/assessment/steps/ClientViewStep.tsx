import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { KYKYVIISARI_DOMAINS, waiBand, workAbilityScoreBand } from '../../../../shared/domain/preparation';
import { useSession } from '../context';
import { ReadValue, RecordText } from '../fields';

/** Step 3: the client's own view in their words and their recorded scores (results only). */
export function ClientViewStep() {
  const { t } = useTranslation();
  const { assessment } = useSession();
  const view = assessment.prepared.clientView;
  const scored = view ? KYKYVIISARI_DOMAINS.filter((d) => typeof view.kykyviisari[d] === 'number') : [];
  return (
    <Stack gap="md">
      {view === null ? (
        <Text>{t('session.clientView.none')}</Text>
      ) : (
        <>
          <ReadValue label={t('prep.view.goals')} empty={!view.goals.trim()}>{view.goals}</ReadValue>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <ReadValue label={t('prep.view.helps')} empty={!view.helps.trim()}>{view.helps}</ReadValue>
            <ReadValue label={t('prep.view.hinders')} empty={!view.hinders.trim()}>{view.hinders}</ReadValue>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <ReadValue label={t('prep.view.selfRating')} empty={view.selfRating === null}>
              {view.selfRating !== null && t('session.scoreWithBand', { score: view.selfRating, band: t(`prep.view.bands.${workAbilityScoreBand(view.selfRating)}`) })}
            </ReadValue>
            <ReadValue label={t('prep.view.wai')} empty={view.waiTotal === null}>
              {view.waiTotal !== null && t('session.scoreWithBand', { score: view.waiTotal, band: t(`prep.view.bands.${waiBand(view.waiTotal)}`) })}
            </ReadValue>
          </SimpleGrid>
          <ReadValue label={t('prep.view.kykyviisari')} empty={scored.length === 0}>
            {scored.map((d) => `${t(`prep.view.domains.${d}`)}: ${view.kykyviisari[d]}`).join('\n')}
          </ReadValue>
        </>
      )}
      <RecordText field="client_view.note" label={t('session.textFields.client_view.note')} minRows={3} />
    </Stack>
  );
}
