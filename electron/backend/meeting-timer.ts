/**
 * Agenda-item timers. An item's time is what earlier runs stored plus, while it runs, the time
 * since its run began. That part is measured on the monotonic clock while this process knows when
 * the run began, and on the wall clock (the persisted start) after a restart, so a reload or a
 * crash loses no time and a clock change during a meeting does not bend it.
 */
export const meetingClock = {
  /** Monotonic milliseconds (never goes back). Tests replace it to step time without sleeping. */
  mono: (): number => performance.now(),
  /** Wall-clock milliseconds since the epoch, for the persisted start of a run. */
  wall: (): number => Date.now(),
};

/** Runs this process started, by item id: the persisted start they belong to and their monotonic start. */
const runs = new Map<string, { since: string; mono: number }>();

export interface TimedItem {
  id: string;
  elapsedMs: number;
  runningSince: string | null;
}

/** Begins a run now; returns the wall-clock start to persist with the item. */
export function beginRun(itemId: string): string {
  const since = new Date(meetingClock.wall()).toISOString();
  runs.set(itemId, { since, mono: meetingClock.mono() });
  return since;
}

/** The item's time now. A run this process did not start (or a rolled-back one) counts by wall time. */
export function elapsedNow(item: TimedItem): number {
  if (!item.runningSince) return item.elapsedMs;
  const run = runs.get(item.id);
  const current = run && run.since === item.runningSince ? meetingClock.mono() - run.mono : meetingClock.wall() - Date.parse(item.runningSince);
  return item.elapsedMs + Math.max(0, Math.round(current));
}

/** Ends the item's run; returns its total time to persist. */
export function endRun(item: TimedItem): number {
  const total = elapsedNow(item);
  runs.delete(item.id);
  return total;
}

/** Forgets the monotonic starts, as a restarted process would (for tests). */
export function forgetRuns(): void {
  runs.clear();
}
