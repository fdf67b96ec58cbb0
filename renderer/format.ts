/** Dates are stored in UTC and always shown in Finnish time, in the UI language's conventions. */
const LOCALES: Record<string, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(LOCALES[language] ?? 'fi-FI', {
    timeZone: 'Europe/Helsinki',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
}
