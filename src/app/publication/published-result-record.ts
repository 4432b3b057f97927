import { digestValue } from '#domain/audit/audit-entry.ts';
import { toHex, utf8 } from '#domain/audit/canonical.ts';
import { nodeAuditCrypto } from '../audit/audit-keys.ts';

/** SHA-256 (hex) of a text's UTF-8 bytes: the digest of the open data file as downloaded. */
export function sha256Hex(text: string): string {
  return toHex(nodeAuditCrypto.sha256(utf8(text)));
}

/** SHA-256 (hex) of the canonical JSON of a value (a scheme document, a snapshot). */
export function canonicalDigest(value: unknown): string {
  return digestValue(nodeAuditCrypto, value);
}

export interface PublishedResultLike {
  id: string;
  period: string;
  version: number;
  reason: string | null;
  published_at: Date | string;
  published_by_user_id: string | null;
  scheme_id: string;
  scheme_version: string;
  scheme_sha256: string;
  checkpoint_id: string;
  /** The snapshot as an object (read back from jsonb) or its JSON text (as inserted). */
  snapshot: unknown;
  snapshot_sha256: string;
  open_data: string;
  open_data_sha256: string;
}

/**
 * What the `result.published` entry vouches for (one mapping for the writer and the verifier,
 * like audited-records.ts): every column, with the snapshot and the open data as the digests of
 * their content — recomputed, not copied from the digest columns, so changing either the
 * content or its stored digest with SQL is named by `hailong audit verify`.
 */
export function publishedResultAuditRecord(row: PublishedResultLike): Record<string, unknown> {
  const snapshot: unknown = typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot;
  return {
    id: row.id,
    period: row.period,
    version: row.version,
    reason: row.reason,
    published_at: new Date(row.published_at),
    published_by_user_id: row.published_by_user_id,
    scheme_id: row.scheme_id,
    scheme_version: row.scheme_version,
    scheme_sha256: row.scheme_sha256,
    checkpoint_id: row.checkpoint_id,
    snapshot_sha256: row.snapshot_sha256,
    snapshot_content_sha256: canonicalDigest(snapshot),
    open_data_sha256: row.open_data_sha256,
    open_data_content_sha256: sha256Hex(row.open_data),
  };
}
