/**
 * The canonical serialisation a signed plan is hashed in (issue 6: "a stable, documented JSON
 * serialisation"). The same content always gives the same bytes, whoever built the object and in
 * whatever order, so a signature made today verifies on any machine later.
 *
 * The rules (those of RFC 8785, the JSON Canonicalization Scheme, plus Unicode normalisation):
 *  1. Objects: members sorted by key, comparing keys as UTF-16 code units; members whose value is
 *     `undefined` are left out (as JSON.stringify does); no whitespace anywhere.
 *  2. Strings, keys included, are normalised to Unicode NFC first, so "ä" typed as one code point
 *     or as "a" + a combining diaeresis is the same text. Then JSON's escapes: \" \\ \b \f \n \r \t,
 *     other control characters as \u00xx, everything else as itself (UTF-8 when encoded).
 *  3. Numbers must be finite and are written as JavaScript writes them (the shortest form that reads
 *     back to the same number; -0 as 0). NaN and the infinities are refused.
 *  4. Arrays keep their order (order is meaningful: goals, actions, signatures).
 *  5. true, false and null as themselves. Anything else (a function, a symbol, a bigint, a Date, a
 *     class instance) is refused: the payload is plain data.
 * The bytes are the UTF-8 encoding of the resulting string.
 */
export class CanonicalError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${message} at ${path || '(root)'}`);
    this.name = 'CanonicalError';
  }
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function write(value: unknown, path: string, out: string[]): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalError('A number that is not finite', path);
      out.push(JSON.stringify(value === 0 ? 0 : value));
      return;
    case 'string':
      out.push(JSON.stringify(value.normalize('NFC')));
      return;
    case 'object':
      break;
    default:
      throw new CanonicalError(`A ${typeof value} is not plain data`, path);
  }
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, i) => {
      if (i > 0) out.push(',');
      if (item === undefined) throw new CanonicalError('An undefined array element', `${path}[${i}]`);
      write(item, `${path}[${i}]`, out);
    });
    out.push(']');
    return;
  }
  if (!isPlainObject(value)) throw new CanonicalError('Only plain objects and arrays are plain data', path);
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k.normalize('NFC'), v, k] as const);
  // Sorting by UTF-16 code units: the default string comparison of JavaScript.
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]![0] === entries[i - 1]![0]) throw new CanonicalError('Two keys that are the same text after NFC', `${path}.${entries[i]![0]}`);
  }
  out.push('{');
  entries.forEach(([key, v, original], i) => {
    if (i > 0) out.push(',');
    out.push(JSON.stringify(key), ':');
    write(v, `${path}.${original}`, out);
  });
  out.push('}');
}

/** The canonical JSON text of plain data (see the rules above). */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, '', out);
  return out.join('');
}

/** The canonical bytes: UTF-8 of `canonicalJson`. */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}
