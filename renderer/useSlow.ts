import { useEffect, useState } from 'react';

/** Half a second: a quick action does not flash a spinner; a slower one says that it is working. */
export const PROGRESS_AFTER_MS = 500;

/** True once `busy` has lasted `afterMs` (false again as soon as it is not busy). */
export function useSlow(busy: boolean, afterMs = PROGRESS_AFTER_MS): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!busy) {
      setSlow(false);
      return;
    }
    const timer = setTimeout(() => setSlow(true), afterMs);
    return () => clearTimeout(timer);
  }, [busy, afterMs]);
  return slow;
}
