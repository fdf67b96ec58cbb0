import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../shared/domain/client.js';

describe('normaliseName', () => {
  it.each([
    ['  Matti   Meikäläinen ', 'Matti Meikäläinen'],
    ['Ka\u0308rkka\u0308inen', 'Kärkkäinen'],
    ['Anna\u202eenilA', 'AnnaenilA'],
    ['Tab\tand\nnewline', 'Tab and newline'],
    ['Zero\u200bwidth', 'Zerowidth'],
    ['Zoë 👩🏽\u200d⚕️', 'Zoë 👩🏽\u200d⚕️'],
    ['\u200b\u200d ', ''],
    ['---', ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });
});
