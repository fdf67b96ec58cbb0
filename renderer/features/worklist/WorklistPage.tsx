import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../shared/api/contract';
import { CASE_STATUSES, type CaseStatus } from '../../../shared/domain/case';
import { invoke, onEvent } from '../../api/client';
import { FormError } from '../session/FormError';
import { CoordinatorWorklist } from '../plans/CoordinatorWorklist';
import { WorklistTable } from './WorklistTable';

type View = Input<'worklist.list'>['view'];
const VIEWS: readonly View[] = ['mine', 'waiting', 'consent_expiring', 'ready', 'all'];
// The views list open cases only, so filtering them by 'closed' could only ever show nothing.
const OPEN_STATUSES = CASE_STATUSES.filter((s) => s !== 'closed');
const ANY = 'any';

// Client data like every other list: dropped on lock with the rest of the query cache.
const WORKLIST_KEY = ['worklist.list'] as const;
const SEARCH_KEY = ['search.cases'] as const;

/**
 * The preparer's starting point: open cases by view and status, or a search over every case.
 * Each fetch is one entry in the access log, so nothing here refetches on its own except when
 * client data changed (the backend's clients.changed event).
 */
export function WorklistPage({ onOpenClient }: { onOpenClient: (clientId: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const viewLabel = useId();
  const [view, setView] = useState<View>('mine');
  const [status, setStatus] = useState<CaseStatus | null>(null);
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState<string | null>(null);

  const list = useQuery({
    queryKey: [...WORKLIST_KEY, view, status],
    queryFn: () => invoke('worklist.list', status ? { view, status } : { view }),
    enabled: query === null,
  });
  const search = useQuery({
    queryKey: [...SEARCH_KEY, query],
    queryFn: () => invoke('search.cases', { query: query ?? '' }),
    enabled: query !== null,
  });

  useEffect(
    () =>
      onEvent('clients.changed', () => {
        void queryClient.invalidateQueries({ queryKey: WORKLIST_KEY });
        void queryClient.invalidateQueries({ queryKey: SEARCH_KEY });
      }),
    [queryClient],
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = draft.trim();
    // Searching again for the same words is asking for fresh results.
    if (q !== '' && q === query) void search.refetch();
    setQuery(q === '' ? null : q);
  };
  const clear = () => {
    setDraft('');
    setQuery(null);
  };

  const active = query === null ? list : search;
  const rows = active.data;

  return (
    <Stack gap="md">
      <Title order={1} size="h2">{t('worklist.title')}</Title>
      <form onSubmit={submit} role="search" aria-label={t('worklist.search')}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('worklist.search')}
            description={t('worklist.searchHint')}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            maxLength={100}
            autoComplete="off"
            spellCheck={false}
            w={360}
          />
          <Button type="submit" loading={query !== null && search.isFetching}>{t('worklist.searchButton')}</Button>
          {(query !== null || draft !== '') && <Button variant="default" onClick={clear}>{t('worklist.clearSearch')}</Button>}
        </Group>
      </form>
      {query === null && (
        <Group align="flex-end" gap="lg">
          <div>
            <Text id={viewLabel} size="sm" fw={500} mb={4}>{t('worklist.viewLabel')}</Text>
            <SegmentedControl
              aria-labelledby={viewLabel}
              value={view}
              onChange={(v) => setView(v as View)}
              data={VIEWS.map((v) => ({ value: v, label: t(`worklist.views.${v}`) }))}
            />
          </div>
          <Select
            label={t('worklist.statusFilter')}
            value={status ?? ANY}
            onChange={(v) => setStatus(v === null || v === ANY ? null : (v as CaseStatus))}
            data={[{ value: ANY, label: t('worklist.anyStatus') }, ...OPEN_STATUSES.map((s) => ({ value: s, label: t(`cases.statuses.${s}`) }))]}
            allowDeselect={false}
            w={220}
          />
        </Group>
      )}
      <FormError error={active.error} />
      {/* Mounted throughout, so that a screen reader announces each new count. */}
      <Text size="sm" c="dimmed" aria-live="polite">
        {rows ? t('worklist.results', { count: rows.length }) : ''}
      </Text>
      {rows?.length === 0 && <Text>{query === null ? t('worklist.empty') : t('worklist.noResults')}</Text>}
      {rows && rows.length > 0 && <WorklistTable rows={rows} onOpenClient={onOpenClient} />}
      <CoordinatorWorklist onOpenClient={onOpenClient} />
    </Stack>
  );
}
