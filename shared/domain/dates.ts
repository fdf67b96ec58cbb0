/** Today's date (YYYY-MM-DD) in Finland: consents and referrals are dated by the Finnish calendar, whatever the machine's zone. */
export function todayInFinland(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
