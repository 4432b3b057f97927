import { sql } from 'kysely';
import type { Period } from '#domain/periods/period.ts';
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
  const result = await sql`
    INSERT INTO score_rollup (agency_id, scheme_id, period, subject_kind, subject_id, sector, indicator, points_sum, dossier_count)
    SELECT (c->>'agencyId')::uuid, c->>'schemeId', c->>'period', c->>'subjectKind', (c->>'subjectId')::uuid,
           c->>'sector', c->>'indicator', sum((c->>'points')::int), count(*)
    FROM dossier_score, jsonb_array_elements(dossier_score.contributions) AS c
    WHERE dossier_score.period IN (${sql.join(quarters)})
    GROUP BY 1, 2, 3, 4, 5, 6, 7`.execute(trx);
  return Number(result.numAffectedRows ?? 0n);
}
