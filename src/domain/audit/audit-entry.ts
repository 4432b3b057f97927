import { canonicalJson, concatBytes, fromHex, toHex, utf8 } from './canonical.ts';

/**
 * The keyed, chained audit log (issue 5 point 3; Nghị định 61/2018 Điều 27 forbids altering or
 * falsifying evaluation data). Each entry records who did what to which row, with digests of the
 * row before and after (never the data itself), and is chained and keyed:
 *   hash = SHA-256(canonical(entry) ‖ previous hash)        (links every entry to all before it)
 *   mac  = HMAC-SHA256(audit key, hash)                      (only the key holder can write one)
 * The audit key lives outside the database, so whoever can rewrite the database cannot forge a
 * consistent chain. One chain per agency; everything outside any agency is on the system chain.
 * The crypto is passed in: the domain stays pure.
 */
export interface AuditCrypto {
  sha256(data: Uint8Array): Uint8Array;
  hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array;
}

/** The chain of things outside any agency: users, keys, schemes, integrations, the device registry, calendar. */
export const SYSTEM_CHAIN = '00000000-0000-0000-0000-000000000000';
/** The "previous hash" of the first entry of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** Who acted (never a secret): staff user, integration, device, anonymous citizen or the system. */
export interface AuditActor {
  kind: string;
  id: string | null;
  name: string | null;
}

/** What an entry says, without its chain fields. */
export interface AuditEntryContent {
  agencyId: string;
  seq: number;
  /** ISO 8601 UTC. */
  at: string;
  actor: AuditActor;
  action: string;
  target: { table: string; key: string };
  beforeDigest: string | null;
  afterDigest: string | null;
  requestId: string | null;
  keyId: number;
}

export interface AuditEntry extends AuditEntryContent {
  previousHash: string;
  hash: string;
  mac: string;
}

/** The key ring that MACs the chain: the newest key signs, every key still verifies (rotation). */
export interface AuditKeyring {
  currentKeyId: number;
  keys: ReadonlyMap<number, Uint8Array>;
}

/** The canonical text that is hashed (version 1 of the format; every field, fixed names). */
export function canonicalEntry(content: AuditEntryContent): string {
  return canonicalJson({
    v: 1,
    agencyId: content.agencyId,
    seq: content.seq,
    at: new Date(content.at),
    actor: { kind: content.actor.kind, id: content.actor.id, name: content.actor.name },
    action: content.action,
    target: { table: content.target.table, key: content.target.key },
    before: content.beforeDigest,
    after: content.afterDigest,
    requestId: content.requestId,
    keyId: content.keyId,
  });
}

export function entryHash(crypto: AuditCrypto, content: AuditEntryContent, previousHash: string): string {
  return toHex(crypto.sha256(concatBytes(utf8(canonicalEntry(content)), fromHex(previousHash))));
}

export function entryMac(crypto: AuditCrypto, key: Uint8Array, hash: string): string {
  return toHex(crypto.hmacSha256(key, fromHex(hash)));
}

/** Chains and keys a new entry after `previousHash`. */
export function sealEntry(
  crypto: AuditCrypto,
  keyring: AuditKeyring,
  content: Omit<AuditEntryContent, 'keyId'>,
  previousHash: string,
): AuditEntry {
  const key = keyring.keys.get(keyring.currentKeyId);
  if (key === undefined) throw new Error(`audit key ${keyring.currentKeyId} is missing`);
  const full: AuditEntryContent = { ...content, keyId: keyring.currentKeyId };
  const hash = entryHash(crypto, full, previousHash);
  return { ...full, previousHash, hash, mac: entryMac(crypto, key, hash) };
}

/** The digest of a before/after value: SHA-256 of its canonical JSON (the log holds digests, never data). */
export function digestValue(crypto: AuditCrypto, value: unknown): string {
  return toHex(crypto.sha256(utf8(canonicalJson(value))));
}

/**
 * Bulk loads (demo seed, imports) record one entry per batch: the digest of the batch is the
 * digest of the list of its rows' digests in key order, and the target key names the key range.
 */
export function digestBatch(crypto: AuditCrypto, rowDigests: readonly string[]): string {
  return digestValue(crypto, rowDigests);
}

const RANGE = '..';

export function batchKey(firstKey: string, lastKey: string): string {
  return `${firstKey}${RANGE}${lastKey}`;
}

/** The key range of a batch entry, or null for an entry about one row. */
export function parseBatchKey(key: string): { first: string; last: string } | null {
  const at = key.indexOf(RANGE);
  if (at < 0) return null;
  return { first: key.slice(0, at), last: key.slice(at + RANGE.length) };
}
