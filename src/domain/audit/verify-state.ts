import { digestBatch, parseBatchKey, type AuditCrypto } from './audit-entry.ts';
import type { AuditFinding } from './findings.ts';

/** A data row as it is now: its table, chain, key and the digest of its audited fields. */
export interface StateRow {
  table: string;
  agencyId: string;
  key: string;
  digest: string;
  /**
   * Set by the caller for a row written by a logged bulk load whose entry vouches for the load
   * but cannot be recomputed row by row (the demo seed's dossier events): when no entry of its
   * own and no batch covers it, it is not reported `row_unaudited`. A row that has its own entry
   * is still compared with it, so marking an audited row this way hides nothing.
   */
  exemptWhenUnaudited?: boolean;
  /**
   * The digest of the row as it was written before a later migration added columns to its table
   * (those columns left out while still null): a row logged before the migration matches it.
   */
  legacyDigest?: string;
}

/** What the log says a row (or a bulk-loaded batch of rows) should be: the after-digest of its latest entry. */
export interface AuditedState {
  table: string;
  agencyId: string;
  /** A row key, or a batch's key range (`first..last`, see batchKey). */
  key: string;
  afterDigest: string | null;
  seq: number;
}

/**
 * Compares the data with the log (issue 5: "change one rating row with SQL → verify fails naming
 * it"). A row covered by its own entry must have that entry's after-digest; a row without one
 * must fall in a bulk-loaded batch, whose digest is recomputed from its rows; any other row was
 * written around the application (unless the caller exempted it, see StateRow). Audited rows
 * that are gone are named too. `audited` may hold
 * several entries per key: the one with the highest seq is the latest.
 */
export function verifyState(
  crypto: AuditCrypto,
  rows: readonly StateRow[],
  audited: readonly AuditedState[],
): AuditFinding[] {
  const latest = new Map<string, AuditedState>();
  const batches: { state: AuditedState; first: string; last: string; rows: StateRow[] }[] = [];
  for (const state of audited) {
    const range = parseBatchKey(state.key);
    if (range) {
      batches.push({ state, ...range, rows: [] });
      continue;
    }
    const id = rowId(state);
    const known = latest.get(id);
    if (!known || known.seq < state.seq) latest.set(id, state);
  }
  // The newest batch wins where ranges overlap (a key range is a range, not a list).
  batches.sort((a, b) => b.state.seq - a.state.seq);

  const findings: AuditFinding[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const id = rowId(row);
    seen.add(id);
    const state = latest.get(id);
    if (state) {
      if (state.afterDigest !== row.digest && state.afterDigest !== row.legacyDigest) {
        findings.push({
          kind: 'row_modified',
          agencyId: row.agencyId,
          seq: state.seq,
          table: row.table,
          key: row.key,
          message:
            state.afterDigest === null
              ? 'dòng dữ liệu vẫn còn dù nhật ký ghi đã xóa (row exists though the log says it was removed)'
              : 'dữ liệu hiện tại khác với bản đã ghi nhật ký (row differs from its latest audit entry)',
        });
      }
      continue;
    }
    const batch = batches.find(
      (candidate) =>
        candidate.state.table === row.table &&
        candidate.state.agencyId === row.agencyId &&
        candidate.first <= row.key &&
        row.key <= candidate.last,
    );
    if (batch) batch.rows.push(row);
    else if (!row.exemptWhenUnaudited) {
      findings.push({
        kind: 'row_unaudited',
        agencyId: row.agencyId,
        seq: null,
        table: row.table,
        key: row.key,
        message: 'dòng dữ liệu không có bản ghi kiểm toán nào (row written around the application)',
      });
    }
  }
  for (const state of latest.values()) {
    if (state.afterDigest !== null && !seen.has(rowId(state))) {
      findings.push({
        kind: 'row_missing',
        agencyId: state.agencyId,
        seq: state.seq,
        table: state.table,
        key: state.key,
        message: 'dòng dữ liệu đã ghi nhật ký nay không còn (audited row is gone)',
      });
    }
  }
  for (const batch of batches) {
    const digests = batch.rows
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((row) => row.digest);
    if (digestBatch(crypto, digests) === batch.state.afterDigest) continue;
    findings.push({
      kind: batch.rows.length === 0 ? 'row_missing' : 'row_modified',
      agencyId: batch.state.agencyId,
      seq: batch.state.seq,
      table: batch.state.table,
      key: batch.state.key,
      message: `lô nạp hàng loạt (${batch.rows.length} dòng) không còn khớp với nhật ký: một dòng trong khoảng khóa này đã bị sửa, thêm hoặc xóa (bulk batch differs from its audit entry)`,
    });
  }
  return findings;
}

function rowId(row: { table: string; agencyId: string; key: string }): string {
  return `${row.table}|${row.agencyId}|${row.key}`;
}
