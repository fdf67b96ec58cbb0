/**
 * Dates: stored as UTC instants or as calendar days (YYYY-MM-DD); always shown in Finnish time, in
 * the UI language's conventions. Formatters are cached: a table of hundreds of rows would otherwise
 * build one per cell.
 */
export const FINNISH_TIME_ZONE = 'Europe/Helsinki';

const LOCALES: Record<string, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export function localeFor(language: string): string {
  return LOCALES[language] ?? 'fi-FI';
}

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(language: string, kind: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}/${kind}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(localeFor(language), options);
    cache.set(key, f);
  }
  return f;
}

// en-CA writes YYYY-MM-DD, the form days are stored in.
const ISO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: FINNISH_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date (YYYY-MM-DD) in Finland: consents and referrals are dated by the Finnish calendar, whatever the machine's zone. */
export function todayInFinland(now: Date = new Date()): string {
  return ISO_DAY.format(now);
}

/** A moment, e.g. "24.11.2026 klo 14.05"; with seconds for logs. */
export function formatDateTime(iso: string, language: string, withSeconds = false): string {
  return formatter(language, withSeconds ? 'datetime-s' : 'datetime', { timeZone: FINNISH_TIME_ZONE, dateStyle: 'short', timeStyle: withSeconds ? 'medium' : 'short' }).format(new Date(iso));
}

/** Hours and minutes in Finnish time (fi and sv write 14.05, en 14:05). */
export function formatTime(iso: string, language: string): string {
  return formatter(language, 'time', { timeZone: FINNISH_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** A calendar day as the UI language writes it; read as UTC so it never shifts a day. */
export function formatDay(day: string, language: string): string {
  return formatter(language, 'day', { dateStyle: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** A calendar day (YYYY-MM-DD) moved by whole days; days have no time zone, so no DST to trip on. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
