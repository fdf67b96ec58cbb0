/**
 * Text for the error box shown when the app cannot start (before any renderer exists), taken from
 * the same fi/sv/en catalogues as the UI so the wording of each error code is the same everywhere.
 */
import { isErrorCode } from '../../shared/api/errors.js';
import { catalogues, DEFAULT_LANGUAGE, isLanguage, type Language } from '../../shared/i18n/index.js';

export interface StartupError {
  title: string;
  reason: string;
}

export function languageOf(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lang = tag.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(lang)) return lang;
  }
  return DEFAULT_LANGUAGE;
}

/** One line for the error box: the code's own text (store_in_use, read_only, …) or the generic one. */
export function startupError(preferredLanguages: readonly string[], code: unknown): StartupError {
  const messages = catalogues[languageOf(preferredLanguages)];
  const errors: Readonly<Record<string, string>> = messages.errors;
  const reason = (isErrorCode(code) ? errors[code] : undefined) ?? messages.errors.internal;
  return { title: messages.app.name, reason };
}
