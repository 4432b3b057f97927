/**
 * The canonical text of a value, so that the same data always hashes the same (issue 5: the
 * audit chain and the digests of before/after values): object keys in code-unit order, strings
 * in Unicode NFC (a name typed on two keyboards is one name), times as ISO 8601 UTC, no
 * undefined members, no non-finite numbers. The result is JSON.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value, 'value'));
}

function normalise(value: unknown, path: string): unknown {
  if (value === null || value === undefined) return null;
  // ASCII is already NFC: skip the work for ids, codes and times (bulk loads digest many rows).
  if (typeof value === 'string') return /^[\x20-\x7e]*$/.test(value) ? value : value.normalize('NFC');
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${path}: a canonical number must be finite`);
    return Object.is(value, -0) ? 0 : value;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError(`${path}: invalid date`);
    return value.toISOString();
  }
  if (Array.isArray(value)) return value.map((item, index) => normalise(item, `${path}[${index}]`));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .map((key) => [key.normalize('NFC'), key] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [normalised, key] of keys) out[normalised] = normalise(record[key], `${path}.${normalised}`);
    return out;
  }
  throw new TypeError(`${path}: ${typeof value} has no canonical form`);
}

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += HEX[byte]!;
  return hex;
}

export function fromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) throw new TypeError('not lowercase hex');
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
