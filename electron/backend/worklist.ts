import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import type { BackendContext } from './context.js';

// Placeholder until the worklist lands (being written now).
export function list(_ctx: BackendContext, _input: ParsedInput<'worklist.list'>): Output<'worklist.list'> {
  throw new AppError('not_found', 'Not yet.');
}

export function search(_ctx: BackendContext, _input: ParsedInput<'search.cases'>): Output<'search.cases'> {
  throw new AppError('not_found', 'Not yet.');
}
