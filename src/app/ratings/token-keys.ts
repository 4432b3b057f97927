import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MAC_BYTES } from '#domain/ratings/rating-token.ts';

/** The server keys that sign rating tokens; the newest signs, every one still verifies (rotation). */
export interface TokenKeyring {
  currentKeyId: number;
  keys: ReadonlyMap<number, Buffer>;
}

/** The token MAC: HMAC-SHA256 of the nonce under the key, truncated to 128 bits. */
export function tokenMac(
  keyring: TokenKeyring,
  keyId: number,
  nonce: Uint8Array,
  purpose: 'token' | 'verification',
): Uint8Array | null {
  const key = keyring.keys.get(keyId);
  if (key === undefined) return null;
  return createHmac('sha256', key)
    .update(`hailong-rating-${purpose}:`)
    .update(nonce)
    .digest()
    .subarray(0, MAC_BYTES);
}

/** Parses "1:<base64>,2:<base64>" (the last one signs new tokens). */
export function parseKeyring(text: string): TokenKeyring {
  const keys = new Map<number, Buffer>();
  let currentKeyId = 0;
  for (const entry of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [id, secret] = entry.split(':');
    const keyId = Number(id);
    const key = Buffer.from(secret ?? '', 'base64');
    if (!Number.isInteger(keyId) || keyId < 1 || keyId > 255 || key.length < 32) {
      throw new Error(
        'HAILONG_TOKEN_KEYS: dạng "1:<khóa base64 ≥ 32 byte>,2:…" / format "1:<base64 key ≥ 32 bytes>,2:…"',
      );
    }
    keys.set(keyId, key);
    currentKeyId = keyId;
  }
  if (keys.size === 0) throw new Error('HAILONG_TOKEN_KEYS is empty');
  return { currentKeyId, keys };
}

/**
 * The keyring from HAILONG_TOKEN_KEYS, else from `<dataDir>/keys/rating-token-keys` (made with a
 * random key on first use, readable by the owner only). Keys live outside the database.
 */
export function loadTokenKeyring(dataDir: string, env: NodeJS.ProcessEnv = process.env): TokenKeyring {
  if (env.HAILONG_TOKEN_KEYS) return parseKeyring(env.HAILONG_TOKEN_KEYS);
  const file = join(dataDir, 'keys', 'rating-token-keys');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  return parseKeyring(readFileSync(file, 'utf8'));
}
