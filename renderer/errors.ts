import type { TFunction } from 'i18next';
import { AppError, isErrorCode } from '../shared/api/errors';

/** The user's words for any error: the code's message in the UI language, never the backend's English. */
export function errorText(t: TFunction, err: unknown): string {
  const code = err instanceof AppError && isErrorCode(err.code) ? err.code : 'internal';
  return t(`errors.${code}`);
}
