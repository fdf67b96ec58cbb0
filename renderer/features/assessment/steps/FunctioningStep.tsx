import { Alert, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { startTransition, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ICF_BRIEF_VR_CODES, ICF_CODE_PATTERN, icfCategory } from '../../../../shared/domain/icf';
import { invoke } from '../../../api/client';
import { errorText } from '../../../errors';
import { useSession } from '../context';
import { RecordText, WideTable } from '../fields';
import { icfName } from '../icfLabels';
import { IcfRow, STICKY } from './IcfRow';

const FIRST_ROWS = 4;

/**
 * Step 4: the brief ICF core set (and categories added by code), each with its qualifier and one
 * observation per profession at the table, side by side so differing views show at a glance.
 */
export function FunctioningStep() {
  const { t, i18n } = useTranslation();
  const { assessment, editable } = useSession();
  // The same array while the professions stay the same, so the memoised rows keep still.
  const professionsKey = assessment.professionsPresent.join();
  const professions = useMemo(() => assessment.professionsPresent, [professionsKey]);
  // The first rows come with the step (its heading takes focus at once); the rest of a long table
  // follows in a transition, which a keypress may interrupt.
  const [rows, setRows] = useState(FIRST_ROWS);
  const total = assessment.icfCodes.length;
  useEffect(() => {
    if (rows < total) startTransition(() => setRows(total));
  }, [rows, total]);
  return (
    <Stack gap="md">
      <Text>{t('session.icf.intro')}</Text>
      <WideTable minWidth={560 + professions.length * 220}>
        <Table withTableBorder withColumnBorders verticalSpacing="xs" aria-label={t('session.icf.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" style={STICKY}>{t('session.icf.category')}</Table.Th>
              <Table.Th scope="col">{t('session.icf.qualifier')}</Table.Th>
              {professions.map((p) => (
                <Table.Th scope="col" key={p}>{t(`professions.${p}`)}</Table.Th>
              ))}
              {editable && <Table.Th scope="col">{t('session.icf.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {assessment.icfCodes.slice(0, rows).map((code) => (
              <IcfRow key={code} code={code} name={icfName(code, i18n.language)} added={!(ICF_BRIEF_VR_CODES as readonly string[]).includes(code)} professions={professions} />
            ))}
          </Table.Tbody>
        </Table>
      </WideTable>
      {editable && <AddCategory />}
      <RecordText field="functioning.note" label={t('session.textFields.functioning.note')} minRows={2} />
      <Text size="xs">{t('session.icf.attribution')}</Text>
    </Stack>
  );
}

/** Adds a category by code; unknown codes are refused here with the reason, and by the backend too. */
function AddCategory() {
  const { t, i18n } = useTranslation();
  const { assessment, refresh } = useSession();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (c: string) => invoke('assessment.change', { itemId: assessment.itemId, change: { kind: 'icfAdd', code: c } }),
    onSuccess: async (_r, c) => {
      setCode('');
      setProblem(null);
      await refresh();
      setProblem(t('session.icf.added', { code: c, name: icfName(c, i18n.language) }));
    },
    onError: (e) => setProblem(errorText(t, e)),
  });
  const submit = () => {
    const c = code.trim().toLowerCase();
    if (!ICF_CODE_PATTERN.test(c)) return setProblem(t('session.icf.badFormat'));
    if (!icfCategory(c)) return setProblem(t('session.icf.unknown', { code: c }));
    if (assessment.icfCodes.includes(c)) return setProblem(t('session.icf.already', { code: c }));
    add.mutate(c);
  };
  const isError = problem !== null && !add.isSuccess;
  return (
    <Stack gap="xs" maw={520}>
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <TextInput
          label={t('session.icf.addLabel')}
          description={t('session.icf.addHint')}
          value={code}
          maxLength={6}
          error={isError ? problem : undefined}
          onChange={(e) => {
            setCode(e.currentTarget.value);
            setProblem(null);
            add.reset();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              submit();
            }
          }}
          style={{ flex: 1 }}
        />
        <Button variant="default" loading={add.isPending} onClick={submit}>{t('session.icf.add')}</Button>
      </Group>
      {add.isSuccess && problem && (
        <Alert variant="outline" color="dark" role="status">
          <Text c="var(--mantine-color-text)">{problem}</Text>
        </Alert>
      )}
    </Stack>
  );
}
