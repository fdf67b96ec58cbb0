/**
 * Where the audience (shared-screen) window goes and what it loads. Pure, so the rules are
 * unit-tested without an Electron binary; electron/main/audience.ts applies them.
 */
import { APP_INDEX_URL } from './sender.js';

export interface DisplayLike {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/**
 * The projector or big screen: a display other than the one the chair's window is on (the largest
 * such, if several); with a single display, that one (the window then opens beside the chair's).
 */
export function chooseAudienceDisplay<D extends DisplayLike>(displays: readonly D[], chairDisplayId: number): { display: D; external: boolean } | null {
  if (displays.length === 0) return null;
  if (displays.length === 1) return { display: displays[0]!, external: false };
  const others = displays.filter((d) => d.id !== chairDisplayId);
  const largest = others.reduce((a, b) => (b.bounds.width * b.bounds.height > a.bounds.width * a.bounds.height ? b : a));
  return { display: largest, external: true };
}

/** Meeting ids are the store's own (UUIDs); anything else never reaches a URL. */
const MEETING_ID = /^[A-Za-z0-9-]{1,100}$/;

/** The audience page for a meeting, or for whichever meeting is in progress when no id is given. */
export function audienceUrl(meetingId: string | null): string | null {
  if (meetingId === null) return `${APP_INDEX_URL}?view=audience`;
  if (typeof meetingId !== 'string' || !MEETING_ID.test(meetingId)) return null;
  return `${APP_INDEX_URL}?view=audience&meeting=${meetingId}`;
}

/** What opening the audience window did; the renderer turns each into a message. */
export type { AudienceWindowResult as AudienceOpenResult } from '../../shared/api/bridge.js';
