import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Secret keys by id: the newest one makes new MACs, every one still verifies (rotation). */
export interface SecretKeyring {
  currentKeyId: number;
  keys: ReadonlyMap<number, Buffer>;
}

/**
 * Parses "1:<base64>,2:<base64>" (each key ≥ 32 bytes; the last one is current), the format of
 * HAILONG_TOKEN_KEYS and HAILONG_AUDIT_KEYS. A wrong value stops the start naming the variable.
 */
export function parseSecretKeyring(text: string, variable: string, maxKeyId: number): SecretKeyring {
  const keys = new Map<number, Buffer>();
  let currentKeyId = 0;
  for (const entry of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [id, secret] = entry.split(':');
    const keyId = Number(id);
    const key = Buffer.from(secret ?? '', 'base64');
    if (!Number.isInteger(keyId) || keyId < 1 || keyId > maxKeyId || key.length < 32) {
      throw new Error(
        `${variable}: dạng "1:<khóa base64 ≥ 32 byte>,2:…" / format "1:<base64 key ≥ 32 bytes>,2:…"`,
      );
    }
    keys.set(keyId, key);
    currentKeyId = keyId;
  }
  if (keys.size === 0) throw new Error(`${variable} is empty`);
  return { currentKeyId, keys };
}

/** Writes a secret file readable by the owner only (in a folder only the owner can list). */
export function writeSecretFile(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, text, { mode: 0o600 });
}

/**
 * The keyring from the environment variable, else from `file` — made with one random key on
 * first use. Keys live outside the database.
 */
export function loadSecretKeyring(
  file: string,
  variable: string,
  maxKeyId: number,
  env: NodeJS.ProcessEnv,
): SecretKeyring {
  const fromEnv = env[variable];
  if (fromEnv) return parseSecretKeyring(fromEnv, variable, maxKeyId);
  if (!existsSync(file)) writeSecretFile(file, `1:${randomBytes(32).toString('base64')}\n`);
  return parseSecretKeyring(readFileSync(file, 'utf8'), variable, maxKeyId);
}
