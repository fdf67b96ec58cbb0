import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import type { BackendContext } from './context.js';

// Placeholder until case files land (being written now).
export function exportCase(_ctx: BackendContext, _input: ParsedInput<'cases.export'>): Output<'cases.export'> {
  throw new AppError('not_found', 'Not yet.');
}
export function previewImport(_ctx: BackendContext, _input: ParsedInput<'cases.importPreview'>): Output<'cases.importPreview'> {
  throw new AppError('not_found', 'Not yet.');
}
export function importCase(_ctx: BackendContext, _input: ParsedInput<'cases.import'>): Output<'cases.import'> {
  throw new AppError('not_found', 'Not yet.');
}
