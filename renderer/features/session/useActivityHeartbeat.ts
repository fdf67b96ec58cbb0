import { useEffect } from 'react';
import { invoke } from '../../api/client';

/** How often, at most, the renderer tells the backend the user is active. */
const HEARTBEAT_MS = 30_000;

/**
 * Typing, pointing and scrolling keep the session open: a physician reading a long assessment
 * aloud calls nothing, but moves the pointer. The backend owns the timer; this only reports.
 */
export function useActivityHeartbeat(): void {
  useEffect(() => {
    let last = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - last < HEARTBEAT_MS) return;
      last = now;
      invoke('session.activity', {}).catch(() => { /* locked meanwhile: the status follows */ });
    };
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true, capture: true });
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, []);
}
