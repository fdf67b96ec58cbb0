import { NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { BENEFIT_STATUSES, BENEFITS, type Benefit } from '../../../../shared/domain/preparation';
import { useSettings, useStoredField } from '../context';
import { RecordText, WideTable } from '../fields';
import { benefitKey, readBenefit, type BenefitStatus } from '../keys';
import { FieldStatus, Synced } from '../Synced';

/** Step 5: each benefit's status and a note, pre-filled from preparation. */
export function BenefitsStep() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <WideTable minWidth={720}>
        <Table withTableBorder verticalSpacing="xs" aria-label={t('session.benefits.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('prep.background.benefit')}</Table.Th>
              <Table.Th scope="col">{t('prep.background.benefitStatus')}</Table.Th>
              <Table.Th scope="col">{t('prep.background.benefitNote')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {BENEFITS.map((b) => (
              <BenefitRow key={b} benefit={b} />
            ))}
          </Table.Tbody>
        </Table>
      </WideTable>
      <RecordText field="benefits.note" label={t('session.textFields.benefits.note')} minRows={2} />
    </Stack>
  );
}

const BenefitRow = memo(function BenefitRow({ benefit }: { benefit: Benefit }) {
  const { t } = useTranslation();
  const { editable } = useSettings();
  const stored = useStoredField(benefitKey(benefit));
  const server = readBenefit(stored);
  const name = t(`prep.background.benefits.${benefit}`);
  if (!editable) {
    return (
      <Table.Tr>
        <Table.Th scope="row" fw={400}>{name}</Table.Th>
        <Table.Td>{server.status ? t(`prep.background.benefitStatuses.${server.status}`) : t('session.empty')}</Table.Td>
        <Table.Td><Text style={{ whiteSpace: 'pre-wrap' }}>{server.note}</Text></Table.Td>
      </Table.Tr>
    );
  }
  return (
    <Synced server={server} stored={stored} toChange={(v) => ({ kind: 'benefit', benefit, status: v.status, note: v.note })}>
      {(b) => (
        <Table.Tr {...b.focus}>
          <Table.Th scope="row" fw={400}>
            <Stack gap={2}>
              {name}
              <FieldStatus autosave={b.autosave} stored={stored} compact />
            </Stack>
          </Table.Th>
          <Table.Td miw={200}>
            <NativeSelect
              aria-label={t('session.benefits.statusFor', { benefit: name })}
              data={[{ value: '', label: t('session.notChosen') }, ...BENEFIT_STATUSES.map((s) => ({ value: s, label: t(`prep.background.benefitStatuses.${s}`) }))]}
              value={b.value.status ?? ''}
              data-field
              onChange={(e) => b.setNow({ ...b.value, status: e.currentTarget.value === '' ? null : (e.currentTarget.value as BenefitStatus) })}
            />
          </Table.Td>
          <Table.Td miw={260}>
            <TextInput aria-label={t('session.benefits.noteFor', { benefit: name })} maxLength={2000} value={b.value.note} onChange={(e) => b.set({ ...b.value, note: e.currentTarget.value })} />
          </Table.Td>
        </Table.Tr>
      )}
    </Synced>
  );
});
