/** What the verifier can find wrong (issue 5 point 4); each finding names its chain and seq, or its table and key. */
export const AUDIT_FINDING_KINDS = [
  /** An entry whose content no longer matches its hash, or whose hash no longer matches its MAC. */
  'modified',
  /** An entry that was not written with the audit key (a forgery). */
  'inserted',
  /** Entries missing from the chain (a gap in seq, or a link to an entry that is gone). */
  'deleted',
  /** Entries moved: their seq changed or the previous-hash links no longer follow seq order. */
  'reordered',
  /** The chain ends before a published checkpoint's head, or differs from it there. */
  'truncated',
  /** A checkpoint whose signature does not verify. */
  'checkpoint_invalid',
  /** A data row whose current digest differs from the after-digest of its latest audit entry. */
  'row_modified',
  /** A data row that no audit entry covers (written around the application). */
  'row_unaudited',
  /** An audited row that is gone. */
  'row_missing',
] as const;
export type AuditFindingKind = (typeof AUDIT_FINDING_KINDS)[number];

export interface AuditFinding {
  kind: AuditFindingKind;
  /** The chain (agency id, or the system chain). */
  agencyId: string;
  /** The entry's seq, when the finding is about an entry. */
  seq: number | null;
  /** The data row, when the finding is about the data. */
  table?: string;
  key?: string;
  message: string;
}

/** One line per finding, for the CLI and logs. */
export function formatFinding(finding: AuditFinding): string {
  const where =
    finding.table !== undefined
      ? `${finding.table} ${finding.key ?? ''}`.trim() +
        (finding.seq !== null ? ` (chain ${finding.agencyId} seq ${finding.seq})` : '')
      : `chain ${finding.agencyId}${finding.seq !== null ? ` seq ${finding.seq}` : ''}`;
  return `${finding.kind}: ${where}: ${finding.message}`;
}
