/**
 * Query keys and shared helpers of the meetings area. Agendas carry client names, so like every
 * other client datum they are fetched on demand and refreshed only when the backend says a meeting
 * changed (meetings.changed), never on a timer.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { AgendaItem, MeetingDetail } from '../../../shared/api/contract';
import { formatDay } from '../../../shared/domain/dates';
import { onEvent } from '../../api/client';

export const TEAMS_KEY = ['teams.list'] as const;
export const MEETINGS_KEY = ['meetings.list'] as const;
export const meetingKey = (meetingId: string) => ['meetings.get', meetingId] as const;
export const eligibleKey = (meetingId: string) => ['meetings.eligibleCases', meetingId] as const;

/** Keeps lists and open meetings fresh when any window changes a meeting. */
export function useMeetingEvents(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onEvent('meetings.changed', ({ meetingId }) => {
        void queryClient.invalidateQueries({ queryKey: MEETINGS_KEY });
        void queryClient.invalidateQueries({ queryKey: meetingKey(meetingId) });
        void queryClient.invalidateQueries({ queryKey: ['meetings.eligibleCases'] });
      }),
    [queryClient],
  );
}

/** After a call that answers with the meeting: show the answer at once, refresh what depends on it. */
export function useMeetingUpdated(): (detail: MeetingDetail) => void {
  const queryClient = useQueryClient();
  return (detail) => {
    queryClient.setQueryData(meetingKey(detail.id), detail);
    void queryClient.invalidateQueries({ queryKey: MEETINGS_KEY });
    void queryClient.invalidateQueries({ queryKey: eligibleKey(detail.id) });
  };
}

/** A meeting's time of day ("14:00" stored) as the UI language writes it: 14.00 in fi and sv, 14:00 in en. */
export function clockTime(time: string, language: string): string {
  return language === 'en' ? time : time.replace(':', '.');
}

/** "24.11.2026 14.00": how a meeting is named in headings and accessible names. */
export function meetingWhen(m: { date: string; time: string }, language: string): string {
  return `${formatDay(m.date, language)} ${clockTime(m.time, language)}`;
}

/** Items the meeting has not dealt with: neither discussed, carried over nor taken off the agenda. */
export function isUnreached(item: AgendaItem): boolean {
  return item.outcome === null && item.state !== 'discussed' && item.state !== 'carried_over';
}

/** The order after putting one item at index `to`. */
export function moveTo(ids: readonly string[], id: string, to: number): string[] {
  const rest = ids.filter((x) => x !== id);
  rest.splice(Math.max(0, Math.min(rest.length, to)), 0, id);
  return rest;
}
