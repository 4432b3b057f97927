import type { AuditEntryListItem } from '#app/audit/list-audit-entries.ts';
import type { AuditEntryView } from '#shared/audit.view.ts';

/** An audit entry for the API (the MAC and previous hash stay out: the verifier reads them itself). */
export function presentAuditEntry(entry: AuditEntryListItem): AuditEntryView {
  return {
    agencyId: entry.agencyId,
    agencyName: entry.agencyName,
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    beforeDigest: entry.beforeDigest,
    afterDigest: entry.afterDigest,
    requestId: entry.requestId,
    hash: entry.hash,
  };
}
