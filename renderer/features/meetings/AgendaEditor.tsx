import { Box, Button, Group, NumberInput, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, MeetingDetail } from '../../../shared/api/contract';
import { moveItem, TIME_BOX_LIMITS } from '../../../shared/domain/meeting';
import { invoke } from '../../api/client';
import { notifySuccess } from '../../notify';
import { FormError } from '../session/FormError';
import { ConsentWarningBadge } from './Badges';
import { moveTo, useMeetingUpdated } from './queries';

type FocusTarget = 'row' | 'up' | 'down';
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** A time box, saved when the field is left or Enter is pressed. */
function TimeBoxInput({ item, onSave }: { item: AgendaItem; onSave: (minutes: number) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | string>(item.timeBoxMinutes);
  useEffect(() => setValue(item.timeBoxMinutes), [item.timeBoxMinutes]);
  const commit = () => {
    const n = typeof value === 'number' ? value : Number.parseInt(value, 10);
    if (Number.isInteger(n) && n >= TIME_BOX_LIMITS.min && n <= TIME_BOX_LIMITS.max) {
      if (n !== item.timeBoxMinutes) onSave(n);
    } else setValue(item.timeBoxMinutes);
  };
  return (
    <NumberInput
      aria-label={t('meetings.agenda.timeBoxLabel', { number: item.caseNumber })}
      value={value}
      onChange={setValue}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
      min={TIME_BOX_LIMITS.min}
      max={TIME_BOX_LIMITS.max}
      allowDecimal={false}
      rightSection={<Text size="xs" c="dimmed" aria-hidden>{t('meetings.agenda.min')}</Text>}
      w={100}
      size="xs"
    />
  );
}

/**
 * The agenda of a scheduled meeting: ordered by dragging a row's handle, by each row's move
 * buttons, or by Alt+Arrow keys on a focused row; every new position is announced.
 */
export function AgendaEditor({ meeting, canEdit }: { meeting: MeetingDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const updated = useMeetingUpdated();
  const serverOrder = [...meeting.items].sort((a, b) => a.position - b.position).map((i) => i.id);
  const serverKey = serverOrder.join(',');
  const [order, setOrder] = useState<string[]>(serverOrder);
  // The joined ids stand for the order: a refetch with the same order keeps a move in flight.
  useEffect(() => setOrder(serverOrder), [serverKey]);
  const byId = new Map(meeting.items.map((i) => [i.id, i]));
  const ids = order.filter((id) => byId.has(id));

  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<unknown>(null);
  const rows = useRef(new Map<string, HTMLTableRowElement>());
  const focusAfter = useRef<{ id: string; target: FocusTarget } | null>(null);
  const dragged = useRef<string | null>(null);
  const [dropAt, setDropAt] = useState<{ id: string; after: boolean } | null>(null);

  // Saves run one after another; only the latest answer is shown.
  const chain = useRef<Promise<void>>(Promise.resolve());
  const seq = useRef(0);
  const persist = (itemIds: string[]) => {
    const n = ++seq.current;
    chain.current = chain.current.then(async () => {
      try {
        const d = await invoke('meetings.reorder', { meetingId: meeting.id, itemIds });
        if (n === seq.current) {
          setError(null);
          updated(d);
        }
      } catch (e) {
        if (n === seq.current) {
          setError(e);
          setOrder(serverOrder);
        }
      }
    });
  };

  const apply = (next: string[], id: string, target: FocusTarget) => {
    if (next.join(',') === ids.join(',')) return;
    const item = byId.get(id)!;
    setOrder(next);
    setAnnouncement(t('meetings.agenda.moved', { number: item.caseNumber, position: next.indexOf(id) + 1, count: next.length }));
    focusAfter.current = { id, target };
    persist(next);
  };
  const move = (id: string, delta: number, target: FocusTarget) => apply(moveItem(ids, id, delta), id, target);

  // A moved row's control keeps the focus; at an end, where its button is disabled, the other one takes it.
  useLayoutEffect(() => {
    const f = focusAfter.current;
    if (!f) return;
    focusAfter.current = null;
    const row = rows.current.get(f.id);
    if (!row) return;
    const other = f.target === 'up' ? 'down' : 'up';
    const pick = (target: string) => row.querySelector<HTMLButtonElement>(`[data-move="${target}"]:not(:disabled)`);
    const el = f.target === 'row' ? row : (pick(f.target) ?? pick(other) ?? row);
    el.focus();
  }, [order]);

  const setTimeBox = useMutation({
    mutationFn: (v: { itemId: string; minutes: number }) => invoke('meetings.setTimeBox', v),
    onSuccess: (d) => {
      setError(null);
      updated(d);
    },
    onError: setError,
  });
  const remove = useMutation({
    mutationFn: (item: AgendaItem) => invoke('meetings.removeItem', { itemId: item.id }),
    onSuccess: (d, item) => {
      setError(null);
      updated(d);
      notifySuccess(t('meetings.agenda.removed', { number: item.caseNumber }));
    },
    onError: setError,
  });

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, id: string) => {
    if (!canEdit || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    if (e.target instanceof HTMLInputElement) return;
    e.preventDefault();
    move(id, e.key === 'ArrowUp' ? -1 : 1, e.target === e.currentTarget ? 'row' : (e.target as HTMLElement).dataset.move === 'up' ? 'up' : 'down');
  };
  const onDragOver = (e: DragEvent<HTMLTableRowElement>, id: string) => {
    if (!dragged.current) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const box = e.currentTarget.getBoundingClientRect();
    const after = e.clientY > box.top + box.height / 2;
    if (dropAt?.id !== id || dropAt.after !== after) setDropAt({ id, after });
  };
  const onDrop = (e: DragEvent<HTMLTableRowElement>, id: string) => {
    const from = dragged.current;
    dragged.current = null;
    setDropAt(null);
    if (!from) return;
    e.preventDefault();
    const box = e.currentTarget.getBoundingClientRect();
    const after = e.clientY > box.top + box.height / 2;
    if (from === id) return;
    const rest = ids.filter((x) => x !== from);
    apply(moveTo(ids, from, rest.indexOf(id) + (after ? 1 : 0)), from, 'row');
  };

  const total = ids.reduce((sum, id) => sum + (byId.get(id)?.timeBoxMinutes ?? 0), 0);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="agenda-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="agenda-title">{t('meetings.agenda.title')}</Title>
          {ids.length > 0 && <Text size="sm">{t('meetings.agenda.total', { minutes: total })}</Text>}
        </Group>
        {canEdit && ids.length > 1 && <Text size="sm" c="dimmed" id="agenda-hint">{t('meetings.agenda.keyboardHint')}</Text>}
        <FormError error={error} />
        <VisuallyHidden aria-live="polite" role="status">{announcement}</VisuallyHidden>
        {ids.length === 0 && <Text>{t('meetings.agenda.empty')}</Text>}
        {ids.length > 0 && (
          <Table.ScrollContainer minWidth={860}>
            <Table aria-labelledby="agenda-title" aria-describedby={canEdit && ids.length > 1 ? 'agenda-hint' : undefined}>
              <Table.Thead>
                <Table.Tr>
                  {canEdit && <Table.Th scope="col"><VisuallyHidden>{t('meetings.agenda.columns.handle')}</VisuallyHidden></Table.Th>}
                  {(['position', 'case', 'client', 'kind', 'timeBox', 'consent'] as const).map((c) => (
                    <Table.Th key={c} scope="col">{t(`meetings.agenda.columns.${c}`)}</Table.Th>
                  ))}
                  {canEdit && <Table.Th scope="col">{t('meetings.agenda.columns.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ids.map((id, index) => {
                  const item = byId.get(id)!;
                  const edge = dropAt?.id === id ? (dropAt.after ? 'borderBottom' : 'borderTop') : null;
                  return (
                    <Table.Tr
                      key={id}
                      ref={(el) => {
                        if (el) rows.current.set(id, el);
                        else rows.current.delete(id);
                      }}
                      tabIndex={canEdit ? 0 : undefined}
                      aria-keyshortcuts={canEdit ? 'Alt+ArrowUp Alt+ArrowDown' : undefined}
                      data-testid={`agenda-row-${item.caseNumber}`}
                      onKeyDown={(e) => onRowKey(e, id)}
                      onDragOver={(e) => onDragOver(e, id)}
                      onDragLeave={() => dropAt?.id === id && setDropAt(null)}
                      onDrop={(e) => onDrop(e, id)}
                      style={edge ? { [edge]: '3px solid var(--mantine-color-indigo-7)' } : undefined}
                    >
                      {canEdit && (
                        <Table.Td>
                          {/* For the mouse; the keyboard has the move buttons and Alt+arrows, so the handle stays out of the tab order. */}
                          <Box
                            component="span"
                            draggable
                            aria-hidden
                            title={t('meetings.agenda.dragHandle', { number: item.caseNumber })}
                            data-testid={`drag-${item.caseNumber}`}
                            px={6}
                            py={2}
                            fz="lg"
                            style={{ cursor: 'grab', userSelect: 'none' }}
                            onDragStart={(e: DragEvent<HTMLElement>) => {
                              dragged.current = id;
                              e.dataTransfer.effectAllowed = 'move';
                              e.dataTransfer.setData('text/plain', item.caseNumber);
                              const row = rows.current.get(id);
                              if (row) e.dataTransfer.setDragImage(row, 16, 16);
                            }}
                            onDragEnd={() => {
                              dragged.current = null;
                              setDropAt(null);
                            }}
                          >
                            ⠿
                          </Box>
                        </Table.Td>
                      )}
                      <Table.Td>{index + 1}</Table.Td>
                      <Table.Td ff="monospace" style={NOWRAP}>{item.caseNumber}</Table.Td>
                      <Table.Td>{item.clientName}</Table.Td>
                      <Table.Td>{t(`meetings.kinds.${item.kind}`)}</Table.Td>
                      <Table.Td>
                        {canEdit ? (
                          <TimeBoxInput item={item} onSave={(minutes) => setTimeBox.mutate({ itemId: id, minutes })} />
                        ) : (
                          t('meetings.agenda.minutes', { count: item.timeBoxMinutes })
                        )}
                      </Table.Td>
                      <Table.Td>{item.consentWarning ? <ConsentWarningBadge /> : <Text size="sm">{t('meetings.agenda.consentOk')}</Text>}</Table.Td>
                      {canEdit && (
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <Button size="xs" variant="default" data-move="up" disabled={index === 0} onClick={() => move(id, -1, 'up')} aria-label={t('meetings.agenda.moveUp', { number: item.caseNumber })}>
                              ↑
                            </Button>
                            <Button size="xs" variant="default" data-move="down" disabled={index === ids.length - 1} onClick={() => move(id, 1, 'down')} aria-label={t('meetings.agenda.moveDown', { number: item.caseNumber })}>
                              ↓
                            </Button>
                            <Button size="xs" variant="default" color="red" loading={remove.isPending && remove.variables?.id === id} onClick={() => remove.mutate(item)} aria-label={t('meetings.agenda.remove', { number: item.caseNumber })}>
                              {t('meetings.agenda.removeShort')}
                            </Button>
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
