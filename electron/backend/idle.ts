/**
 * Auto-lock. The timer lives in the backend, beside the key, so the key is dropped after the idle
 * time even if every window has gone away. The renderer reports user activity (session.activity);
 * every other call from the user counts too.
 */
import { IDLE_LOCK_MINUTES } from '../../shared/api/contract.js';
import { getSetting } from '../../db/repositories/settings.js';
import type { BackendContext } from './context.js';
import { lock } from './session.js';

export const IDLE_SETTING = 'idle_lock_minutes';

export function idleMinutesOf(ctx: BackendContext): number {
  const s = ctx.session;
  const raw = s ? Number(getSetting(s.db, IDLE_SETTING)) : NaN;
  return Number.isInteger(raw) && raw >= IDLE_LOCK_MINUTES.min && raw <= IDLE_LOCK_MINUTES.max ? raw : IDLE_LOCK_MINUTES.default;
}

function schedule(ctx: BackendContext, delayMs: number): void {
  if (ctx.idle.timer) clearTimeout(ctx.idle.timer);
  ctx.idle.timer = setTimeout(() => check(ctx), delayMs);
  // An idle timer must never be what keeps a CLI process alive.
  ctx.idle.timer.unref?.();
}

function check(ctx: BackendContext): void {
  ctx.idle.timer = null;
  if (!ctx.session) return;
  const limit = ctx.idle.minutes * 60_000;
  const idleFor = Date.now() - ctx.idle.lastActivity;
  if (idleFor >= limit) lock(ctx, 'idle');
  else schedule(ctx, limit - idleFor);
}

/** Called on sign-in and on every user call: the idle clock starts again. */
export function touch(ctx: BackendContext): void {
  if (!ctx.session) return;
  ctx.idle.lastActivity = Date.now();
  if (!ctx.idle.timer) schedule(ctx, ctx.idle.minutes * 60_000);
}

/** After sign-in or a settings change: read the limit and restart the clock. */
export function restartIdle(ctx: BackendContext): void {
  ctx.idle.minutes = idleMinutesOf(ctx);
  ctx.idle.lastActivity = Date.now();
  schedule(ctx, ctx.idle.minutes * 60_000);
}
