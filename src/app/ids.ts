import { createHash } from 'node:crypto';

/**
 * A stable UUID (version 8, name-based) for a client's idempotency key or for a line of an
 * import file, so that sending the same thing twice lands on the same id.
 */
export function uuidFromKey(key: string): string {
  const hex = createHash('sha256').update(`hailong:${key}`).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
