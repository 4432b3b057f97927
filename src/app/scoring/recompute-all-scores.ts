import { sql } from 'kysely';
import { parsePeriod } from '#domain/periods/period.ts';
import type { AppDeps } from '../deps.ts';
import { recomputeScores, type RecomputeSummary } from './recompute-scores.ts';
import { defaultSchemeRegistry } from './scheme-registry.ts';

/** Recomputes the scores of every quarter that has finished dossiers (after a bulk load such as the demo). */
export async function recomputeAllScores(deps: AppDeps): Promise<RecomputeSummary[]> {
  const quarters = await sql<{ quarter: string }>`
    SELECT DISTINCT to_char(finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-"Q"Q') AS quarter
    FROM dossier WHERE finished_at IS NOT NULL ORDER BY 1`.execute(deps.db);
  const schemes = deps.schemes ?? defaultSchemeRegistry();
  const summaries: RecomputeSummary[] = [];
  for (const row of quarters.rows)
    summaries.push(await recomputeScores(deps, schemes, parsePeriod(row.quarter)));
  return summaries;
}
