import { Fieldset, Group, Radio, SimpleGrid, Stack } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { REHAB_KINDS, REHAB_NEEDS, type RehabKind } from '../../../../shared/domain/assessment';
import { useSettings, useStoredField } from '../context';
import { ReadValue, RecordText, TextEditor } from '../fields';
import { readRehab, rehabKey, type RehabNeed } from '../keys';
import { FieldStatus, Synced } from '../Synced';

/** Step 6: for each kind of rehabilitation, the need, its grounds and the service proposed. */
export function RehabStep() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {REHAB_KINDS.map((k) => (
          <RehabKindFields key={k} kind={k} />
        ))}
      </SimpleGrid>
      <RecordText field="rehabilitation.note" label={t('session.textFields.rehabilitation.note')} minRows={2} />
    </Stack>
  );
}

const RehabKindFields = memo(function RehabKindFields({ kind }: { kind: RehabKind }) {
  const { t } = useTranslation();
  const { editable } = useSettings();
  const stored = useStoredField(rehabKey(kind));
  const server = readRehab(stored);
  const legend = t(`session.rehab.kinds.${kind}`);
  if (!editable) {
    return (
      <Fieldset legend={legend}>
        <Stack gap="xs">
          <ReadValue label={t('session.rehab.need')} empty={server.need === null}>{server.need && t(`session.rehab.needs.${server.need}`)}</ReadValue>
          {server.grounds.trim() && <ReadValue label={t('session.rehab.grounds')}>{server.grounds}</ReadValue>}
          {server.service.trim() && <ReadValue label={t('session.rehab.service')}>{server.service}</ReadValue>}
        </Stack>
      </Fieldset>
    );
  }
  return (
    <Synced server={server} stored={stored} toChange={(v) => ({ kind: 'rehab', rehab: kind, need: v.need, grounds: v.grounds, service: v.service })}>
      {(b) => (
        <Fieldset legend={legend} {...b.focus}>
          <Stack gap="xs">
            <Radio.Group label={t('session.rehab.need')} value={b.value.need ?? ''} onChange={(v) => b.setNow({ ...b.value, need: v as RehabNeed })}>
              <Group gap="lg" mt={4}>
                {REHAB_NEEDS.map((n) => (
                  <Radio key={n} value={n} label={t(`session.rehab.needs.${n}`)} data-field />
                ))}
              </Group>
            </Radio.Group>
            <TextEditor label={t('session.rehab.grounds')} minRows={2} value={b.value.grounds} onChange={(grounds) => b.set({ ...b.value, grounds })} status={null} />
            <TextEditor label={t('session.rehab.service')} single max={2000} value={b.value.service} onChange={(service) => b.set({ ...b.value, service })} status={null} />
            <FieldStatus autosave={b.autosave} stored={stored} />
          </Stack>
        </Fieldset>
      )}
    </Synced>
  );
});
