/** Accounts: administrators add, deactivate and reset professionals; everyone can list them. */
import type { Output, ParsedInput, UserSummary } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { normaliseName } from '../../shared/domain/client.js';
import { addUser, deactivateUser, resetPassword as resetUserPassword, rotateRecoveryKey as rotate } from '../../db/accounts.js';
import { listUsers, type User } from '../../db/repositories/users.js';
import { record } from './access.js';
import { requireRole, requireUser, type BackendContext } from './context.js';

export function summary(u: User): UserSummary {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    profession: u.profession,
    organisation: u.organisation,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    createdAt: u.createdAt,
    deactivatedAt: u.deactivatedAt,
  };
}

export function list(ctx: BackendContext): UserSummary[] {
  return listUsers(requireUser(ctx).db).map(summary);
}

export async function create(ctx: BackendContext, input: ParsedInput<'users.create'>): Promise<UserSummary> {
  const s = requireRole(ctx, 'administrator');
  const displayName = normaliseName(input.displayName);
  if (!displayName) throw new AppError('invalid_input', 'The name cannot be empty.', { fields: ['displayName'] });
  const user = await addUser(s, { ...input, displayName, organisation: normaliseName(input.organisation) });
  record(s, { action: 'user.create', basis: 'administration', entity: `user:${user.id}` });
  return summary(user);
}

export function deactivate(ctx: BackendContext, input: ParsedInput<'users.deactivate'>): UserSummary {
  const s = requireRole(ctx, 'administrator');
  const user = deactivateUser(s, input.userId, s.user.id);
  record(s, { action: 'user.deactivate', basis: 'administration', entity: `user:${user.id}` });
  return summary(user);
}

export async function resetPassword(ctx: BackendContext, input: ParsedInput<'users.resetPassword'>): Promise<UserSummary> {
  const s = requireRole(ctx, 'administrator');
  if (input.userId === s.user.id) throw new AppError('forbidden', 'Change your own password under your account instead.');
  const user = await resetUserPassword(s, input.userId, input.password, { reactivate: true, mustChange: true });
  record(s, { action: 'user.resetPassword', basis: 'administration', entity: `user:${user.id}` });
  return summary(user);
}

export async function rotateRecoveryKey(ctx: BackendContext): Promise<Output<'admin.rotateRecoveryKey'>> {
  const s = requireRole(ctx, 'administrator');
  const recoveryKey = await rotate(s);
  record(s, { action: 'admin.rotateRecoveryKey', basis: 'administration' });
  return { recoveryKey };
}
