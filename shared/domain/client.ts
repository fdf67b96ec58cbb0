/** Languages of service a client can be served in (DOMAIN.md: fi/sv/other + interpreter need). */
export const SERVICE_LANGUAGES = ['fi', 'sv', 'other'] as const;
export type ServiceLanguage = (typeof SERVICE_LANGUAGES)[number];

/** Longest name we accept: long enough for any real name, short enough to lay out. */
export const MAX_NAME_LENGTH = 200;

/**
 * Normalises a person's or an organisation's name as typed: Unicode NFC (so "ä" typed as
 * a + combining diaeresis equals the precomposed one), no control characters, single spaces.
 */
export function normaliseName(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}
