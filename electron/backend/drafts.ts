/** Scaffolding: replaced by the drafts use cases (issue 4, item 9). */
import { AppError } from '../../shared/api/errors.js';
import type { Handler } from './handlers.js';

const notYet = (): never => {
  throw new AppError('not_found', 'Drafts are not built yet.');
};

export const draftHandlers: { 'drafts.get': Handler<'drafts.get'>; 'drafts.save': Handler<'drafts.save'>; 'drafts.discard': Handler<'drafts.discard'> } = {
  'drafts.get': notYet,
  'drafts.save': notYet,
  'drafts.discard': notYet,
};
