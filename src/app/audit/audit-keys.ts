import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { join } from 'node:path';
import type { AuditCrypto, AuditKeyring } from '#domain/audit/audit-entry.ts';
import {
  loadSecretKeyring,
  loadSecretText,
  parseSecretKeyring,
  type KeyLoadOptions,
} from '../secret-keys.ts';

/** The node implementation of the crypto the pure audit domain is given. */
export const nodeAuditCrypto: AuditCrypto = {
  sha256: (data) => createHash('sha256').update(data).digest(),
  hmacSha256: (key, data) => createHmac('sha256', key).update(data).digest(),
};

/** The Ed25519 key that signs checkpoints; its public half is published with every checkpoint. */
export interface CheckpointSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** First 16 hex digits of the SHA-256 of the public key (SPKI DER). */
  publicKeyId: string;
  publicKeyPem: string;
}

/** The audit keys, kept outside the database (issue 5 point 5). */
export interface AuditKeys {
  mac: AuditKeyring;
  signing: CheckpointSigningKey;
}

/** Parses "1:<base64>,2:<base64>" (the last one MACs new entries; every one still verifies). */
export function parseAuditKeyring(text: string): AuditKeyring {
  return parseSecretKeyring(text, 'HAILONG_AUDIT_KEYS', 65_535);
}

/** An Ed25519 signing key from its PKCS#8 PEM. */
export function signingKeyFromPem(pem: string): CheckpointSigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      'HAILONG_AUDIT_SIGNING_KEY: cần khóa Ed25519 (PEM PKCS#8) / an Ed25519 PKCS#8 PEM key is required',
    );
  }
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyId: publicKeyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export function publicKeyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function signCheckpoint(key: CheckpointSigningKey, payload: string): string {
  return sign(null, Buffer.from(payload, 'utf8'), key.privateKey).toString('base64');
}

/** Verifies a checkpoint signature with a published public key (PEM). */
export function verifyCheckpointSignature(publicKeyPem: string, payload: string, signature: string): boolean {
  try {
    return verify(
      null,
      Buffer.from(payload, 'utf8'),
      createPublicKey(publicKeyPem),
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/** Where the server looks for the audit keys when the variables are unset (in `<dataDir>/keys/`). */
export const AUDIT_KEYS_FILE = 'audit-keys';
export const AUDIT_SIGNING_KEY_FILE = 'audit-signing-key.pem';

/** A new Ed25519 checkpoint signing key (PKCS#8 PEM). */
export function newSigningKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/**
 * The audit keys from HAILONG_AUDIT_KEYS / HAILONG_AUDIT_SIGNING_KEY (PEM), else from
 * `<dataDir>/keys/audit-keys` and `<dataDir>/keys/audit-signing-key.pem` (readable by the owner
 * only; made on first start, except in production, which refuses missing or demo-made keys).
 * Never in the database: whoever can rewrite the database must not be able to re-key the chain.
 */
export function loadAuditKeys(dataDir: string, options: KeyLoadOptions): AuditKeys {
  const dir = join(dataDir, 'keys');
  const mac = loadSecretKeyring(join(dir, AUDIT_KEYS_FILE), 'HAILONG_AUDIT_KEYS', 65_535, options);
  const pem = loadSecretText(
    join(dir, AUDIT_SIGNING_KEY_FILE),
    'HAILONG_AUDIT_SIGNING_KEY',
    newSigningKeyPem,
    options,
  );
  return { mac, signing: signingKeyFromPem(pem) };
}
