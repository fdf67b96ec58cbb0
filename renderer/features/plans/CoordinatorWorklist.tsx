import { Anchor, Badge, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { formatDay } from '../../../shared/domain/dates';
import { ErrorAlert } from './signingParts';
import { useCatalogue } from './usePlan';
import { useCoordinatorWorklist } from './useSigning';

type Work = Output<'coordinators.worklist'>[number];

/** Overdue in words as well as colour. */
function Overdue() {
  const { t } = useTranslation();
  return (
    <Badge color="red.9" variant="filled" tt="none" ml={6}>
      {t('coordination.worklist.overdue')}
    </Badge>
  );
}

/**
 * The signed-in user's clients as coordinator: since when, the next review and the plan's open
 * actions due within a month (or overdue). A section of the worklist page.
 */
export function CoordinatorWorklist({ onOpenClient }: { onOpenClient: (clientId: string) => void }) {
  const { t, i18n } = useTranslation();
  const work = useCoordinatorWorklist();
  const catalogue = useCatalogue();
  const lang = (['fi', 'sv', 'en'] as const).find((l) => l === i18n.language) ?? 'fi';
  const what = (a: Work['dueActions'][number]) => {
    const service = a.serviceId ? catalogue.data?.services.find((s) => s.id === a.serviceId)?.names[lang] : undefined;
    return [service, a.text.trim()].filter(Boolean).join(': ') || t('coordination.worklist.unnamedAction');
  };
  const rows = work.data ?? [];
  // Someone who may not coordinate (a read-only user) has no such list: no section either.
  if (work.error instanceof AppError && work.error.code === 'forbidden') return null;

  return (
    <section aria-labelledby="coordinator-worklist">
      <Stack gap="sm">
        <Title order={2} size="h3" id="coordinator-worklist">{t('coordination.worklist.title')}</Title>
        {work.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
        {work.isError && <ErrorAlert error={work.error} />}
        {work.isSuccess && rows.length === 0 && <Text>{t('coordination.worklist.empty')}</Text>}
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table withTableBorder striped verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('coordination.worklist.client')}</Table.Th>
                  <Table.Th scope="col">{t('coordination.worklist.role')}</Table.Th>
                  <Table.Th scope="col">{t('coordination.worklist.nextReview')}</Table.Th>
                  <Table.Th scope="col">{t('coordination.worklist.dueActions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((w) => (
                  <Table.Tr key={w.caseId} data-overdue={w.reviewOverdue || w.dueActions.some((a) => a.overdue) || undefined}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor component="button" type="button" onClick={() => onOpenClient(w.clientId)} fw={700} ta="start">
                        {w.clientName}
                      </Anchor>
                      <Text size="sm">{t('coordination.worklist.case', { number: w.caseNumber })}</Text>
                    </Table.Th>
                    <Table.Td>
                      <Text>{t(`coordination.types.${w.type}`)}</Text>
                      <Text size="sm">{t('coordination.since', { date: formatDay(w.since, i18n.language) })}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {w.nextReview ? formatDay(w.nextReview, i18n.language) : t('coordination.worklist.noReview')}
                      {w.reviewOverdue && <Overdue />}
                    </Table.Td>
                    <Table.Td>
                      {w.dueActions.length === 0 ? (
                        <Text size="sm">{t('coordination.worklist.noDue')}</Text>
                      ) : (
                        <Stack gap={4} component="ul" style={{ margin: 0, paddingInlineStart: 18 }}>
                          {w.dueActions.map((a) => (
                            <li key={a.actionId}>
                              {what(a)} · {t('coordination.worklist.due', { date: formatDay(a.dueDate, i18n.language) })} · {t(`coordination.worklist.statuses.${a.status}`)}
                              {a.overdue && <Overdue />}
                            </li>
                          ))}
                        </Stack>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </section>
  );
}
