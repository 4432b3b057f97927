import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { MAC_BYTES } from '#domain/ratings/rating-token.ts';
import { loadSecretKeyring, parseSecretKeyring, type KeyLoadOptions } from '../secret-keys.ts';

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

/** Where the server looks for the token keys when HAILONG_TOKEN_KEYS is unset (in `<dataDir>/keys/`). */
export const TOKEN_KEYS_FILE = 'rating-token-keys';

/**
 * The keyring from HAILONG_TOKEN_KEYS, else from `<dataDir>/keys/rating-token-keys` (readable by the
 * owner only; made with a random key on first use, except in production, which refuses a missing
 * or demo-made keyring). Keys live outside the database.
 */
export function loadTokenKeyring(dataDir: string, options: KeyLoadOptions): TokenKeyring {
  return loadSecretKeyring(join(dataDir, 'keys', TOKEN_KEYS_FILE), 'HAILONG_TOKEN_KEYS', 255, options);
}
