import { en } from './en.js';
import { fi } from './fi.js';
import { sv } from './sv.js';
import type { Messages } from './types.js';

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fi';

export const catalogues: Record<Language, Messages> = { fi, sv, en };
export type { Messages };

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}
