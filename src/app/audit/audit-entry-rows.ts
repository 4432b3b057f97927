import type { Selectable } from 'kysely';
import type { AuditEntry } from '#domain/audit/audit-entry.ts';
import type { AuditEntryTable } from '#db/schema.ts';

/** An audit_entry row as the domain sees it. */
export function auditEntryFromRow(row: Selectable<AuditEntryTable>): AuditEntry {
  return {
    agencyId: row.agency_id,
    seq: row.seq,
    at: row.at.toISOString(),
    actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
    action: row.action,
    target: { table: row.target_table, key: row.target_key },
    beforeDigest: row.before_digest,
    afterDigest: row.after_digest,
    requestId: row.request_id,
    keyId: row.key_id,
    previousHash: row.previous_hash,
    hash: row.hash,
    mac: row.mac,
  };
}
