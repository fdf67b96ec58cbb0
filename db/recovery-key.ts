/**
 * The recovery key: 40 characters of Crockford base32 (200 random bits) shown once at setup in
 * 8 groups of 5, to print or write down. Typing is forgiving: case, spaces and hyphens do not
 * matter, and O/I/L read as 0/1/1 as Crockford intends.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_GROUPS = 8;
export const RECOVERY_GROUP_LENGTH = 5;

export function generateRecoveryKey(): string {
  const bytes = randomBytes(RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH);
  // 256 is a multiple of 32, so taking each byte modulo 32 is unbiased.
  const chars = [...bytes].map((b) => ALPHABET[b % 32]!);
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += RECOVERY_GROUP_LENGTH) groups.push(chars.slice(i, i + RECOVERY_GROUP_LENGTH).join(''));
  return groups.join('-');
}

/** The canonical form of a typed recovery key, or undefined when it cannot be one. */
export function normaliseRecoveryKey(typed: string): string | undefined {
  const s = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH || [...s].some((c) => !ALPHABET.includes(c))) return undefined;
  return s;
}
