import { sql } from 'kysely';
import { requireQuarterOrYear, type Period } from '#domain/periods/period.ts';
import type { AppDeps, Db } from '../deps.ts';
import { inTransaction } from '../transaction.ts';
import { loadDossierFacts } from './load-dossier-facts.ts';
import type { SchemeRegistry } from './scheme-registry.ts';
import { dossierScoreRow, scoreFacts } from './store-dossier-scores.ts';

const INSERT_CHUNK = 500;

export interface RecomputeSummary {
  period: string;
  dossiers: number;
  scored: number;
  rollupRows: number;
}

/**
 * Rebuilds the scores of every dossier finished in the period and the period's rollups from
 * scratch, in one transaction. The incremental path must always give the same rollups; the
 * tests and `hailong score recompute` compare the two.
 */
export async function recomputeScores(
  deps: AppDeps,
  schemes: SchemeRegistry,
  period: Period,
): Promise<RecomputeSummary> {
  // Rollups are per quarter: a partial range would delete scores it does not rebuild.
  requireQuarterOrYear(period);
  return inTransaction(deps.db, async (trx) => {
    const facts = await loadDossierFacts(trx, { finishedFrom: period.from, finishedTo: period.to });
    const rows = facts.flatMap((fact) => {
      const scored = scoreFacts(schemes, fact);
      return scored ? [dossierScoreRow(scored)] : [];
    });
    await trx.deleteFrom('dossier_score').where('period', 'in', period.quarters).execute();
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      await trx
        .insertInto('dossier_score')
        .values(rows.slice(start, start + INSERT_CHUNK))
        .execute();
    }
    const rollupRows = await rebuildRollups(trx, period.quarters);
    return { period: period.key, dossiers: facts.length, scored: rows.length, rollupRows };
  });
}

/** Rollups of the quarters as the plain GROUP BY of the stored per-dossier contributions. */
export async function rebuildRollups(trx: Db, quarters: readonly string[]): Promise<number> {
  await trx.deleteFrom('score_rollup').where('period', 'in', quarters).execute();
  // Agency and official cells from the stored contributions, and the sector cells from the agency ones.
  const result = await sql`
    WITH c AS (
      SELECT s.scheme_id, s.period, s.sector, e->>0 AS kind, (e->>1)::uuid AS agency_id, (e->>2)::uuid AS subject_id,
             e->>3 AS indicator, (e->>4)::int AS points
      FROM dossier_score s, jsonb_array_elements(s.contributions) AS e
      WHERE s.period IN (${sql.join(quarters)})
    )
    INSERT INTO score_rollup (agency_id, scheme_id, period, subject_kind, subject_id, sector, indicator, points_sum, dossier_count)
    SELECT agency_id, scheme_id, period, CASE kind WHEN 'a' THEN 'agency' ELSE 'official' END, subject_id, '', indicator,
           sum(points), count(*)
    FROM c GROUP BY agency_id, scheme_id, period, kind, subject_id, indicator
    UNION ALL
    SELECT agency_id, scheme_id, period, 'agency_sector', subject_id, sector, indicator, sum(points), count(*)
    FROM c WHERE kind = 'a' GROUP BY agency_id, scheme_id, period, subject_id, sector, indicator`.execute(
    trx,
  );
  return Number(result.numAffectedRows ?? 0n);
}
