import { sql } from 'kysely';
import {
  contributionDelta,
  decodeContributions,
  encodeContributions,
  scoreContributions,
  type Contribution,
} from '#domain/rollups/contributions.ts';
import { scoreDossierTt01 } from '#domain/scoring/score-dossier.ts';
import type { Tt01Scheme } from '#domain/scoring/load-scheme.ts';
import type { DossierFacts, DossierScore } from '#domain/scoring/types.ts';
import { DomainError } from '#domain/errors.ts';
import type { Db } from '../deps.ts';
import type { SchemeRegistry } from './scheme-registry.ts';

export interface ScoredDossier {
  facts: DossierFacts;
  scheme: Tt01Scheme;
  score: DossierScore;
  contributions: Contribution[];
}

/** Scores one dossier under the Thông tư 01/2018 scheme in force on its receipt date; null when none is in force. */
export function scoreFacts(schemes: SchemeRegistry, facts: DossierFacts): ScoredDossier | null {
  if (facts.finishedDate === null) return null;
  let scheme;
  try {
    scheme = schemes.inForce('tt01', facts.receivedDate);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'SCHEME_NOT_FOUND') return null;
    throw error;
  }
  if (scheme.kind !== 'tt01') return null;
  const score = scoreDossierTt01(scheme, facts);
  return {
    facts,
    scheme,
    score,
    contributions: scoreContributions(score, { finishedDate: facts.finishedDate, sector: facts.sector }),
  };
}

/** The dossier_score row of a scored dossier. */
export function dossierScoreRow(scored: ScoredDossier) {
  const points = (indicator: string) =>
    scored.score.indicators.find((outcome) => outcome.indicator === indicator)?.points ?? null;
  return {
    agency_id: scored.facts.agencyId,
    dossier_id: scored.facts.dossierId,
    scheme_id: scored.scheme.id,
    scheme_version: scored.scheme.version,
    period: scored.contributions[0]?.period ?? '',
    sector: scored.facts.sector,
    cs1: points('cs1'),
    cs2: points('cs2'),
    cs3: points('cs3'),
    cs4: points('cs4'),
    cs6: points('cs6'),
    cs7: points('cs7'),
    disagreements: scored.score.indicators
      .filter((outcome) => outcome.disagreement)
      .map((outcome) => outcome.indicator),
    contributions: JSON.stringify(encodeContributions(scored.contributions)),
  };
}

/**
 * Stores a dossier's new score and moves the rollups by the difference between its old and
 * new contributions, in the caller's transaction (the incremental path).
 */
export async function storeDossierScore(
  trx: Db,
  schemes: SchemeRegistry,
  facts: DossierFacts,
): Promise<void> {
  const scored = scoreFacts(schemes, facts);
  const previous = await trx
    .selectFrom('dossier_score')
    .select(['scheme_id', 'period', 'sector', 'contributions'])
    .where('agency_id', '=', facts.agencyId)
    .where('dossier_id', '=', facts.dossierId)
    .execute();
  const before = previous.flatMap((row) =>
    decodeContributions(row.contributions, {
      schemeId: row.scheme_id,
      period: row.period,
      sector: row.sector,
    }),
  );
  const after = scored?.contributions ?? [];
  await trx
    .deleteFrom('dossier_score')
    .where('agency_id', '=', facts.agencyId)
    .where('dossier_id', '=', facts.dossierId)
    .execute();
  if (scored) await trx.insertInto('dossier_score').values(dossierScoreRow(scored)).execute();
  const delta = contributionDelta(before, after);
  for (const { cell, sum, count } of delta) {
    await trx
      .insertInto('score_rollup')
      .values({
        agency_id: cell.agencyId,
        scheme_id: cell.schemeId,
        period: cell.period,
        subject_kind: cell.subjectKind,
        subject_id: cell.subjectId,
        sector: cell.sector,
        indicator: cell.indicator,
        points_sum: sum,
        dossier_count: count,
      })
      .onConflict((oc) =>
        oc
          .columns(['agency_id', 'scheme_id', 'period', 'subject_kind', 'subject_id', 'sector', 'indicator'])
          .doUpdateSet({
            points_sum: sql`score_rollup.points_sum + excluded.points_sum`,
            dossier_count: sql`score_rollup.dossier_count + excluded.dossier_count`,
          }),
      )
      .execute();
  }
  // A cell no dossier contributes to any more is removed, as a full recompute would not create it.
  const emptied = [...new Set(delta.filter((entry) => entry.count < 0).map((entry) => entry.cell.agencyId))];
  if (emptied.length > 0) {
    await trx
      .deleteFrom('score_rollup')
      .where('agency_id', 'in', emptied)
      .where('dossier_count', '=', 0)
      .execute();
  }
}
