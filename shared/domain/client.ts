/** Languages of service a client can be served in (DOMAIN.md: fi/sv/other + interpreter need). */
export const SERVICE_LANGUAGES = ['fi', 'sv', 'other'] as const;
export type ServiceLanguage = (typeof SERVICE_LANGUAGES)[number];

/** Longest name we accept: long enough for any real name, short enough to lay out. */
export const MAX_NAME_LENGTH = 200;

/**
 * Normalises a name as typed: Unicode NFC (so "ä" typed as a + combining diaeresis equals the
 * precomposed one), single spaces, and no invisible characters except the zero-width joiners that
 * emoji sequences and some scripts need. Bidirectional overrides are removed: they can make a name
 * display as another. A result without a letter or digit counts as empty.
 */
export function normaliseName(raw: string): string {
  const cleaned = raw
    .normalize('NFC')
    .replace(/[\p{Cc}\u2028\u2029]/gu, ' ')
    .replace(/[^\P{Cf}\u200c\u200d]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  return /[\p{L}\p{N}]/u.test(cleaned) ? cleaned : '';
}
