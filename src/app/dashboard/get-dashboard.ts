import type { Period } from '#domain/periods/period.ts';
import { summarizeSatisfaction } from '#domain/scoring/satisfaction.ts';
import type { SatisfactionLevel } from '#domain/scoring/types.ts';
import { narrowAgencyIds, visibleAgencyIds } from '../auth/actor-scope.ts';
import { agencySubtreeIds } from '../catalog/agency-subtree.ts';
import type { AppDeps } from '../deps.ts';
import { getIntegritySignals } from '../ratings/get-integrity-signals.ts';
import { getTimelinessRates } from '../reports/get-timeliness-rates.ts';
import { getAgencyScores } from '../scoring/get-agency-scores.ts';
import { getSatisfaction } from '../scoring/get-satisfaction.ts';

const LEVELS = [1, 2, 3, 4, 5] as const satisfies readonly SatisfactionLevel[];

/** Start of a local (UTC+7) day, and the start of the day after the last one (exclusive end). */
const startOf = (date: string) => new Date(`${date}T00:00:00+07:00`);
const endOf = (date: string) => new Date(startOf(date).getTime() + 86_400_000);

/** Ratings submitted in the period within `scope` (null: every agency): all, the counting ones, the latest. */
async function ratingCounts(deps: AppDeps, period: Period, scope: readonly string[] | null) {
  if (scope !== null && scope.length === 0) return { received: 0, counting: 0, latestAt: null };
  let query = deps.db
    .selectFrom('rating')
    .select((eb) => [
      eb.fn.countAll<number>().as('received'),
      eb.fn.count<number>('id').filterWhere('is_duplicate', '=', false).as('counting'),
      eb.fn.max('recorded_at').as('latest'),
    ])
    .where('submitted_at', '>=', startOf(period.from))
    .where('submitted_at', '<', endOf(period.to));
  if (scope !== null) query = query.where('agency_id', 'in', scope);
  const row = await query.executeTakeFirstOrThrow();
  return {
    received: row.received,
    counting: row.counting,
    latestAt: row.latest === null ? null : new Date(row.latest),
  };
}

/**
 * The back-office overview of a period (issue 6, point 3), limited to the agencies the caller
 * may read scores of (and to `rootAgencyId`'s subtree when given): finished dossiers per month
 * by timeliness, citizen satisfaction (5 and 3 levels), the Thông tư 01/2018 ranking with each
 * agency's 9 indicators (the heatmap), the integrity signal counts when the caller may read
 * them, and how many ratings came in. Every part is one of the existing tables, read from the
 * rollups where they exist; the ranks stay the province-wide ones (agency results are
 * published, Thông tư 01/2018 Điều 16).
 */
export async function getDashboard(deps: AppDeps, period: Period, options: { rootAgencyId?: string } = {}) {
  const requested = options.rootAgencyId ? await agencySubtreeIds(deps.db, options.rootAgencyId) : null;
  const [scoreScope, integrityScope] = await Promise.all([
    visibleAgencyIds(deps.db, 'score.read'),
    visibleAgencyIds(deps.db, 'integrity.read'),
  ]);
  const scope = narrowAgencyIds(scoreScope, requested);
  const visible = scope === null ? null : new Set(scope);
  const sees = (agencyId: string) => visible === null || visible.has(agencyId);
  const mayReadIntegrity = integrityScope === null || integrityScope.length > 0;

  const [scores, satisfaction, timeliness, ratings, integrity] = await Promise.all([
    getAgencyScores(deps, period),
    getSatisfaction(deps, period),
    getTimelinessRates(deps, { from: period.from, to: period.to }, { agencyIds: scope, byMonth: true }),
    ratingCounts(deps, period, scope),
    mayReadIntegrity
      ? getIntegritySignals(deps, {
          from: period.from,
          to: period.to,
          ...(options.rootAgencyId ? { rootAgencyId: options.rootAgencyId } : {}),
        })
      : null,
  ]);

  // The satisfaction of the visible agencies: their own counts added up, then summarized once.
  const counts: Record<SatisfactionLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const row of satisfaction.agencies) {
    if (!sees(row.agency.id)) continue;
    for (const level of LEVELS) counts[level] += row.stats.counts[level];
  }

  return {
    period,
    scheme: scores.scheme,
    ratings,
    timeliness: (timeliness.total.months ?? []).map((month) => ({
      month: month.month,
      early: month.counts.early,
      onTime: month.counts.onTime,
      late: month.counts.late,
    })),
    satisfaction: summarizeSatisfaction(scores.scheme, counts),
    agencies: scores.rows.filter((row) => sees(row.id)),
    integrity:
      integrity === null ? null : { from: integrity.from, to: integrity.to, summary: integrity.summary },
  };
}
