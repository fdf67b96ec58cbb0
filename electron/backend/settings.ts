import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { setSetting } from '../../db/repositories/settings.js';
import { record } from './access.js';
import { requireRole, requireUser, type BackendContext } from './context.js';
import { IDLE_SETTING, restartIdle } from './idle.js';

export function get(ctx: BackendContext): Output<'settings.get'> {
  requireUser(ctx);
  return { idleLockMinutes: ctx.idle.minutes };
}

export function update(ctx: BackendContext, input: ParsedInput<'settings.update'>): Output<'settings.update'> {
  const s = requireRole(ctx, 'administrator');
  setSetting(s.db, IDLE_SETTING, String(input.idleLockMinutes));
  record(s, { action: 'settings.update', basis: 'administration', details: { idleLockMinutes: input.idleLockMinutes } });
  restartIdle(ctx);
  return { idleLockMinutes: ctx.idle.minutes };
}
