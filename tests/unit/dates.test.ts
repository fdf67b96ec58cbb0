import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatTime, localeFor, todayInFinland } from '../../shared/domain/dates.js';

describe('dates in Finnish time', () => {
  it('takes the day from the Finnish calendar, not UTC', () => {
    // 23:30 UTC on 31 Dec is already New Year in Helsinki (UTC+2).
    expect(todayInFinland(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInFinland(new Date('2026-06-30T20:59:00Z'))).toBe('2026-06-30');
  });

  it('writes times and days in the UI language', () => {
    expect(formatTime('2026-11-24T12:05:00Z', 'fi')).toBe('14.05');
    expect(formatTime('2026-11-24T12:05:00Z', 'en')).toBe('14:05');
    expect(formatDay('2026-03-01', 'fi')).toBe('1.3.2026');
    expect(formatDay('2026-03-01', 'en')).toBe('01/03/2026');
    expect(formatDateTime('2026-11-24T12:05:09Z', 'fi', true)).toContain('14.05.09');
    expect(localeFor('xx')).toBe('fi-FI');
  });
});
