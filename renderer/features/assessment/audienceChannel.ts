/**
 * One audience view per meeting. Audience pages and the chair's window talk over a
 * BroadcastChannel (same origin, same profile: browser tabs and Electron windows alike): a new
 * audience page says hello, an older one for the same meeting answers, and the newer one then
 * stands down with a clear message. The chair asks before opening one.
 */
import { useEffect, useState } from 'react';

const CHANNEL = 'tiimipoyta.audience';
const ANSWER_WAIT_MS = 300;

type Message =
  | { type: 'hello'; meetingId: string; id: string; openedAt: number }
  | { type: 'here'; meetingId: string; id: string; openedAt: number }
  | { type: 'ping'; meetingId: string };

function open(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
}

/** Whether an audience page for this meeting is open somewhere (answers within a moment). */
export function isAudienceOpen(meetingId: string): Promise<boolean> {
  const channel = open();
  if (!channel) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (v: boolean) => {
      clearTimeout(timer);
      channel.close();
      resolve(v);
    };
    const timer = setTimeout(() => done(false), ANSWER_WAIT_MS);
    channel.onmessage = (e: MessageEvent<Message>) => {
      if (e.data.type === 'here' && e.data.meetingId === meetingId) done(true);
    };
    channel.postMessage({ type: 'ping', meetingId } satisfies Message);
  });
}

export type AudienceRole = 'checking' | 'primary' | 'duplicate';

/** This page's standing: the first audience page of a meeting is primary; later ones are duplicates. */
export function useAudienceRole(meetingId: string): AudienceRole {
  const [role, setRole] = useState<AudienceRole>('checking');
  useEffect(() => {
    const channel = open();
    if (!channel) {
      setRole('primary');
      return;
    }
    const me = { id: typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : String(Math.random()), openedAt: performance.timeOrigin + performance.now() };
    let current: AudienceRole = 'checking';
    const set = (r: AudienceRole) => {
      current = r;
      setRole(r);
    };
    const olderThan = (o: { id: string; openedAt: number }) => me.openedAt < o.openedAt || (me.openedAt === o.openedAt && me.id < o.id);
    const answer = () => channel.postMessage({ type: 'here', meetingId, ...me } satisfies Message);
    channel.onmessage = (e: MessageEvent<Message>) => {
      const m = e.data;
      if (m.meetingId !== meetingId || current === 'duplicate') return;
      if (m.type === 'ping' && current === 'primary') answer();
      else if (m.type === 'hello' && olderThan(m)) answer();
      else if (m.type === 'here' && !olderThan(m)) set('duplicate');
    };
    channel.postMessage({ type: 'hello', meetingId, ...me } satisfies Message);
    const timer = setTimeout(() => {
      if (current === 'checking') set('primary');
    }, ANSWER_WAIT_MS);
    return () => {
      clearTimeout(timer);
      channel.close();
    };
  }, [meetingId]);
  return role;
}
