import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { MAC_BYTES } from '#domain/ratings/rating-token.ts';
import { loadSecretKeyring, parseSecretKeyring } from '../secret-keys.ts';

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

/** Parses "1:<base64>,2:<base64>" (the last one signs new tokens; key ids fit the token's one byte). */
export function parseKeyring(text: string): TokenKeyring {
  return parseSecretKeyring(text, 'HAILONG_TOKEN_KEYS', 255);
}

/**
 * The keyring from HAILONG_TOKEN_KEYS, else from `<dataDir>/keys/rating-token-keys` (made with a
 * random key on first use, readable by the owner only). Keys live outside the database.
 */
export function loadTokenKeyring(dataDir: string, env: NodeJS.ProcessEnv = process.env): TokenKeyring {
  return loadSecretKeyring(join(dataDir, 'keys', 'rating-token-keys'), 'HAILONG_TOKEN_KEYS', 255, env);
}
