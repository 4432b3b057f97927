import { DomainError } from '#domain/errors.ts';
import { parsePeriod, type Period } from '#domain/periods/period.ts';
import { recomputeFromOpenData } from '#domain/publication/recompute.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import { nodeAuditCrypto } from '../audit/audit-keys.ts';
import { createCheckpoint, type SignedCheckpoint } from '../audit/create-checkpoint.ts';
import type { AppDeps, Db } from '../deps.ts';
import { currentRequestContext } from '../request-context.ts';
import { periodScheme } from '../scoring/get-agency-scores.ts';
import { isUniqueViolation } from '../transaction.ts';
import { buildPublication } from './build-open-data.ts';
import { canonicalDigest, publishedResultAuditRecord, sha256Hex } from './published-result-record.ts';

export interface PublishedResultSummary {
  id: string;
  period: string;
  version: number;
  reason: string | null;
  publishedAt: string;
  schemeId: string;
  checkpointId: string;
  snapshotSha256: string;
  openDataSha256: string;
}

/** Results are published per quarter or year (Thông tư 01/2018 Điều 15 khoản 4), never for a custom range. */
export function publishablePeriod(text: string): Period & { kind: 'quarter' | 'year' } {
  const period = parsePeriod(text);
  if (period.kind === 'range') {
    throw new DomainError('PERIOD_INVALID', {
      problems: [{ field: 'period', message: `"${text}": chỉ công bố theo quý (2026-Q3) hoặc năm (2026)` }],
    });
  }
  return { ...period, kind: period.kind };
}

async function latestVersion(db: Db, period: string): Promise<number> {
  const row = await db
    .selectFrom('published_result')
    .select((eb) => eb.fn.max<number | null>('version').as('version'))
    .where('period', '=', period)
    .executeTakeFirst();
  return row?.version ?? 0;
}

function requireReason(version: number, reason: string | null): void {
  if (version > 1 && reason === null) {
    throw new DomainError('PUBLICATION_REASON_REQUIRED', {
      problems: [{ field: 'reason', message: `bắt buộc khi công bố lại (phiên bản ${version})` }],
    });
  }
}

/** The checkpoint's heads are still every chain's head: nothing was logged (so nothing changed) since. */
async function headsUnchanged(trx: Db, signed: SignedCheckpoint): Promise<boolean> {
  const heads = await trx
    .selectFrom('audit_head')
    .select(['agency_id', 'seq', 'hash'])
    .where('seq', '>', 0)
    .execute();
  const expected = signed.checkpoint.heads;
  if (heads.length !== Object.keys(expected).length) return false;
  return heads.every((head) => {
    const at = expected[head.agency_id];
    return at !== undefined && String(at.seq) === String(head.seq) && at.hash === head.hash;
  });
}

class HeadsMoved extends Error {}

const ATTEMPTS = 5;

/**
 * Publishes a period (issue 6 point 4): signs an audit checkpoint, then — in one REPEATABLE READ
 * transaction whose snapshot still has exactly the checkpoint's chain heads, so the data is the
 * data "as of" it (every change logs in its own transaction) — freezes the ranking and the open
 * data, checks that the open data recomputes to the ranking, and inserts version n+1 with its
 * `result.published` entry. A re-publication needs a reason; earlier versions stay as they were.
 */
export async function publishPeriod(
  deps: AppDeps,
  input: { period: string; reason?: string | null },
): Promise<PublishedResultSummary> {
  const period = publishablePeriod(input.period);
  const reason = input.reason?.trim() ? input.reason.trim() : null;
  const scheme = periodScheme(deps, period);
  // Refused before any checkpoint is signed for it.
  requireReason((await latestVersion(deps.db, period.key)) + 1, reason);
  const actor = currentRequestContext().actor;
  const publishedBy = actor.kind === 'staff' ? actor.userId : null;

  for (let attempt = 1; ; attempt += 1) {
    const checkpoint = await createCheckpoint(deps);
    try {
      return await deps.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          if (!(await headsUnchanged(trx, checkpoint))) throw new HeadsMoved();
          const version = (await latestVersion(trx, period.key)) + 1;
          requireReason(version, reason);
          const publishedAt = new Date(deps.now()).toISOString();
          const built = await buildPublication(
            { ...deps, db: trx },
            { period, scheme, checkpoint, version, reason, publishedAt },
          );
          // The acceptance of issue 6, checked before anything is published: the open data alone
          // gives back the ranking (the rollups equal the sum of the per-dossier points).
          const check = recomputeFromOpenData(built.document, { sha256: nodeAuditCrypto.sha256 });
          if (check.differences.length > 0) {
            throw new DomainError('PUBLICATION_INCONSISTENT', {
              details: { differences: check.differences.slice(0, 20) },
            });
          }
          const openData = JSON.stringify(built.document);
          const row = {
            id: deps.newId(),
            period: period.key,
            version,
            reason,
            published_at: publishedAt,
            published_by_user_id: publishedBy,
            scheme_id: scheme.id,
            scheme_version: scheme.version,
            scheme_sha256: built.snapshot.scheme.sha256,
            checkpoint_id: checkpoint.checkpoint.id,
            snapshot: JSON.stringify(built.snapshot),
            snapshot_sha256: canonicalDigest(built.snapshot),
            open_data: openData,
            open_data_sha256: sha256Hex(openData),
          };
          await trx.insertInto('published_result').values(row).execute();
          await appendAudit(trx, deps, {
            agencyId: null,
            action: 'result.published',
            target: { table: 'published_result', key: row.id },
            after: publishedResultAuditRecord(row),
          });
          return {
            id: row.id,
            period: row.period,
            version,
            reason,
            publishedAt,
            schemeId: scheme.id,
            checkpointId: row.checkpoint_id,
            snapshotSha256: row.snapshot_sha256,
            openDataSha256: row.open_data_sha256,
          };
        });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      // Something was logged between the checkpoint and the snapshot, another transaction
      // touched the system chain, or another publication of the period won the version: again.
      const retry =
        error instanceof HeadsMoved || code === '40001' || code === '40P01' || isUniqueViolation(error);
      if (!retry) throw error;
      if (attempt >= ATTEMPTS) throw new DomainError('PUBLICATION_BUSY');
    }
  }
}
