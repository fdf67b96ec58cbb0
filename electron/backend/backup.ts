import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { requireRole, type BackendContext } from './context.js';

export async function create(ctx: BackendContext, input: ParsedInput<'backup.create'>): Promise<Output<'backup.create'>> {
  requireRole(ctx, 'administrator');
  void input;
  throw new Error('backup: wired when db/backup.ts lands');
}
