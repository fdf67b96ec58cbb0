/**
 * Defence in depth for browser mode, where no Electron main process vets navigation: the
 * workbench never opens windows and never follows a link away from itself. (In Electron the main
 * process denies both as well.) Forms cannot navigate either: the CSP says form-action 'none'.
 * The one exception is the audience view of a meeting, opened on purpose by `openAudienceWindow`.
 */
import type { AudienceWindowResult } from '../shared/api/bridge';

// Kept before hardenWindow replaces it, for the audience view only; never exported.
const originalOpen: typeof window.open = window.open.bind(window);

export function hardenWindow(): void {
  window.open = () => null;
  document.addEventListener(
    'click',
    (e) => {
      const a = (e.target as Element | null)?.closest?.('a[href]');
      if (!a) return;
      const href = new URL((a as HTMLAnchorElement).href, window.location.href);
      if (href.origin !== window.location.origin || (a as HTMLAnchorElement).target) e.preventDefault();
    },
    true,
  );
}

interface AudienceBridge {
  openAudienceWindow?: (meetingId: string | null) => Promise<AudienceWindowResult>;
}

export type AudienceOpenResult = 'opened' | 'already_open' | 'unavailable';

/**
 * Opens the shared screen of a meeting: in Electron the main process opens the audience window
 * (on a second display); in browser mode a second page of this same origin, which takes the
 * tab's token from its fragment like the first page did. 'unavailable' when this host cannot;
 * 'already_open' when one is open already (Electron brings its window forward; a browser
 * cannot, so `alreadyOpen` asks the open pages).
 */
export async function openAudienceWindow(meetingId: string, alreadyOpen: () => Promise<boolean> = () => Promise.resolve(false)): Promise<AudienceOpenResult> {
  const bridge = (window as unknown as { workbench?: AudienceBridge }).workbench;
  if (bridge) {
    if (typeof bridge.openAudienceWindow !== 'function') return 'unavailable';
    // The main process keeps one audience window: asked again, it brings that one forward.
    const result = await bridge.openAudienceWindow(meetingId).catch(() => 'invalid' as const);
    return result === 'invalid' ? 'unavailable' : result;
  }
  // Browser mode: the pages themselves know whether one is open (BroadcastChannel); say so instead.
  if (await alreadyOpen()) return 'already_open';
  const token = sessionStorage.getItem('tiimipoyta.token') ?? '';
  const url = new URL(window.location.pathname, window.location.origin);
  url.search = new URLSearchParams({ view: 'audience', meeting: meetingId }).toString();
  url.hash = `token=${token}`;
  // noopener: the audience page gets no handle on this window (and this one none on it).
  originalOpen(url.toString(), '_blank', 'noopener');
  return 'opened';
}
