import { describe, expect, it } from 'vitest';
import { addDays, formatDateTime, formatDay, formatTime, localeFor, todayInFinland } from '../../shared/domain/dates.js';

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

describe('addDays', () => {
  it('moves calendar days across month ends, leap days and the DST changes', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-26', -2)).toBe('2026-10-24');
    expect(addDays('2026-12-31', 365)).toBe('2027-12-31');
    expect(addDays('2026-11-24', 0)).toBe('2026-11-24');
  });
});
