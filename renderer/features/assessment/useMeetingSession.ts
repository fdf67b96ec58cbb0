/**
 * The chair's hold on a meeting in progress: the meeting (with when its answer arrived, for the
 * timers), where the shared screen is, and moving it. Moves show at once and are persisted in
 * order, so a reload or another window comes back to the last one.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgendaItem, MeetingDetail } from '../../../shared/api/contract';
import type { SessionStep } from '../../../shared/domain/meeting';
import { invoke, onEvent } from '../../api/client';
import { sessionKeys } from './context';

export interface MeetingAnswer {
  detail: MeetingDetail;
  /** performance.now() when it arrived: running timers count on from here. */
  receivedAt: number;
}

export interface Location {
  itemId: string | null;
  step: SessionStep;
}

const OPEN_STATES: readonly AgendaItem['state'][] = ['pending', 'in_progress'];

/** The next case still to discuss after `fromId` in agenda order (then from the top), or null. */
export function nextOpenItem(items: readonly AgendaItem[], fromId: string | null): AgendaItem | null {
  const sorted = [...items].sort((a, b) => a.position - b.position);
  const at = sorted.findIndex((i) => i.id === fromId);
  const after = [...sorted.slice(at + 1), ...sorted.slice(0, Math.max(0, at))];
  return after.find((i) => OPEN_STATES.includes(i.state) && i.id !== fromId) ?? null;
}

export function useMeetingSession(meetingId: string) {
  const queryClient = useQueryClient();
  const key = sessionKeys.meeting(meetingId);
  const meeting = useQuery({
    queryKey: key,
    queryFn: async (): Promise<MeetingAnswer> => ({ detail: await invoke('meetings.get', { meetingId }), receivedAt: performance.now() }),
  });
  const [location, setLocation] = useState<Location | null>(null);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const [navError, setNavError] = useState<unknown>(null);

  const accept = useCallback(
    (detail: MeetingDetail) => queryClient.setQueryData<MeetingAnswer>(key, { detail, receivedAt: performance.now() }),
    [queryClient, meetingId],
  );

  const go = useCallback(
    (next: Location) => {
      setLocation(next);
      // One after another: the last move is the one the backend keeps.
      chain.current = chain.current
        .then(() => invoke('meetings.navigate', { meetingId, itemId: next.itemId, step: next.step }))
        .then((detail) => {
          setNavError(null);
          accept(detail);
        })
        .catch((e: unknown) => setNavError(e));
    },
    [meetingId, accept],
  );

  // Where the team was: the backend's current item and step, or the first case still to discuss.
  const detail = meeting.data?.detail;
  useEffect(() => {
    if (!detail || location) return;
    const current = detail.items.find((i) => i.id === detail.currentItemId);
    if (current) setLocation({ itemId: current.id, step: detail.currentStep });
    else {
      const first = nextOpenItem(detail.items, null);
      if (first) go({ itemId: first.id, step: 'opening' });
      else setLocation({ itemId: null, step: 'opening' });
    }
  }, [detail, location, go]);

  useEffect(() => {
    const offChanged = onEvent('meetings.changed', (p) => {
      if (p.meetingId === meetingId) void queryClient.invalidateQueries({ queryKey: key });
    });
    return offChanged;
  }, [meetingId, queryClient]);

  return { meeting, location, go, accept, navError };
}
