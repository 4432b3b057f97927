import { sql } from 'kysely';
import type { Period } from '#domain/periods/period.ts';
import { aggregateAgency, type AgencyIndicatorSources } from '#domain/scoring/aggregate.ts';
import { scoreCs5FromData, scoreCs9FromData } from '#domain/scoring/agency-indicators.ts';
import { rankAgencies } from '#domain/scoring/rank.ts';
import type { Tt01Scheme } from '#domain/scoring/load-scheme.ts';
import { TT01_DOSSIER_INDICATORS, type Tt01DossierIndicator } from '#domain/scoring/types.ts';
import { DomainError } from '#domain/errors.ts';
import type { AppDeps, Db } from '../deps.ts';
import { agencySubtreeIds } from '../catalog/agency-subtree.ts';
import { defaultSchemeRegistry } from './scheme-registry.ts';

function isDossierIndicator(value: string): value is Tt01DossierIndicator {
  return (TT01_DOSSIER_INDICATORS as readonly string[]).includes(value);
}

type Accumulators = Partial<Record<Tt01DossierIndicator, { sum: number; count: number }>>;
type AgencyLevel = Partial<Record<'cs5' | 'cs6' | 'cs8' | 'cs9', AgencyIndicatorSources>>;

/** The Thông tư 01/2018 scheme that classifies a period: the one in force on its last day. */
export function periodScheme(deps: AppDeps, period: Period): Tt01Scheme {
  const scheme = (deps.schemes ?? defaultSchemeRegistry()).inForce('tt01', period.to);
  if (scheme.kind !== 'tt01') throw new DomainError('SCHEME_NOT_FOUND');
  return scheme;
}

/** Every Thông tư 01/2018 scheme id loaded (the rollups of a period may carry several). */
export function tt01SchemeIds(deps: AppDeps): string[] {
  return (deps.schemes ?? defaultSchemeRegistry()).all
    .filter((scheme) => scheme.kind === 'tt01')
    .map((scheme) => scheme.id);
}

/**
 * Sums of points and dossier counts per subject and indicator over the period's quarters. A
 * period may hold dossiers scored under several versions of the scheme (each dossier under the
 * one in force on its receipt date): their points all count, so every id of the kind is read.
 * A custom range that is not whole quarters is summed from the per-dossier scores instead
 * (sumDossierContributions), with the same result the rollups would give for a quarter.
 */
export async function readRollups(
  db: Db,
  schemeIds: readonly string[],
  period: Period,
  subjectKind: 'agency' | 'official' | 'agency_sector',
): Promise<{ subject_id: string; sector: string; indicator: string; sum: number; count: number }[]> {
  if (!period.isWholeQuarters) return sumDossierContributions(db, schemeIds, period, subjectKind);
  return db
    .selectFrom('score_rollup')
    .select(['subject_id', 'sector', 'indicator'])
    .select((eb) => [
      eb.fn.sum<number>('points_sum').as('sum'),
      eb.fn.sum<number>('dossier_count').as('count'),
    ])
    .where('scheme_id', 'in', schemeIds)
    .where('period', 'in', period.quarters)
    .where('subject_kind', '=', subjectKind)
    .groupBy(['subject_id', 'sector', 'indicator'])
    .execute();
}

/**
 * The rollup cells of any date range, summed from the stored per-dossier contributions (the
 * same GROUP BY as rebuildRollups) of the dossiers whose finish date (local, UTC+7) falls in the
 * range — the date that puts a dossier in its quarter (scoreContributions).
 */
export async function sumDossierContributions(
  db: Db,
  schemeIds: readonly string[],
  period: Period,
  subjectKind: 'agency' | 'official' | 'agency_sector',
): Promise<{ subject_id: string; sector: string; indicator: string; sum: number; count: number }[]> {
  if (schemeIds.length === 0) return [];
  const from = new Date(`${period.from}T00:00:00+07:00`);
  const to = new Date(Date.parse(`${period.to}T00:00:00+07:00`) + 86_400_000);
  const kind = subjectKind === 'official' ? 'o' : 'a';
  const sector = subjectKind === 'agency_sector' ? sql`s.sector` : sql`''`;
  const result = await sql<{
    subject_id: string;
    sector: string;
    indicator: string;
    sum: number;
    count: number;
  }>`
    SELECT e->>2 AS subject_id, ${sector} AS sector, e->>3 AS indicator,
           sum((e->>4)::int)::int AS sum, count(*)::int AS count
    FROM dossier_score s
    JOIN dossier d ON d.agency_id = s.agency_id AND d.id = s.dossier_id,
         jsonb_array_elements(s.contributions) AS e
    WHERE s.scheme_id IN (${sql.join(schemeIds)}) AND s.period IN (${sql.join(period.quarters)})
      AND d.finished_at >= ${from} AND d.finished_at < ${to} AND e->>0 = ${kind}
    GROUP BY 1, 2, 3`.execute(db);
  return result.rows;
}

/** Per-agency data behind indicators 5 and 9: procedures and dossiers received in the period. */
async function agencyActivity(db: Db, period: Period) {
  const from = new Date(`${period.from}T00:00:00+07:00`);
  const to = new Date(Date.parse(`${period.to}T00:00:00+07:00`) + 86_400_000);
  const rows = await sql<{
    agency_id: string;
    procedures_total: number;
    procedures_four_step: number;
    procedures_online: number;
    dossiers_total: number;
    dossiers_online: number;
    online_late_or_overdue: number;
  }>`
    SELECT d.agency_id,
           count(DISTINCT d.procedure_id)::int AS procedures_total,
           count(DISTINCT d.procedure_id) FILTER (WHERE p.is_four_step)::int AS procedures_four_step,
           count(DISTINCT d.procedure_id) FILTER (WHERE p.online_level <> 'none')::int AS procedures_online,
           count(*)::int AS dossiers_total,
           count(*) FILTER (WHERE d.channel = 'online')::int AS dossiers_online,
           count(*) FILTER (WHERE d.channel = 'online' AND (d.timeliness = 'late'
             OR (d.finished_at IS NULL AND d.status IN ('received', 'processing', 'awaiting_supplement')
                 AND d.due_legal_date < ${period.to}::date)))::int AS online_late_or_overdue
    FROM dossier d JOIN procedure p ON p.id = d.procedure_id
    WHERE d.received_at >= ${from} AND d.received_at < ${to}
    GROUP BY d.agency_id`.execute(db);
  return new Map(rows.rows.map((row) => [row.agency_id, row]));
}

/**
 * The agency table of a period (Thông tư 01/2018 Điều 15): the per-dossier indicators from the
 * rollups, indicators 5 and 9 from data, the recorded self-assessments and appraisals side by
 * side, the total out of 18, n/9, the grade and the rank.
 */
export async function getAgencyScores(
  deps: AppDeps,
  period: Period,
  options: { rootAgencyId?: string } = {},
) {
  const scheme = periodScheme(deps, period);
  const [rollups, activity, assessments, agencies] = await Promise.all([
    readRollups(deps.db, tt01SchemeIds(deps), period, 'agency'),
    agencyActivity(deps.db, period),
    deps.db.selectFrom('agency_assessment').selectAll().where('period', '=', period.key).execute(),
    deps.db.selectFrom('agency').select(['id', 'code', 'name', 'level']).execute(),
  ]);
  const scope = options.rootAgencyId ? new Set(await agencySubtreeIds(deps.db, options.rootAgencyId)) : null;
  const accumulators = new Map<string, Accumulators>();
  for (const row of rollups) {
    const acc = accumulators.get(row.subject_id) ?? {};
    if (!isDossierIndicator(row.indicator)) continue;
    acc[row.indicator] = { sum: row.sum, count: row.count };
    accumulators.set(row.subject_id, acc);
  }
  const subjects = agencies.filter(
    (agency) =>
      (accumulators.has(agency.id) ||
        activity.has(agency.id) ||
        assessments.some((a) => a.agency_id === agency.id)) &&
      (scope === null || scope.has(agency.id)),
  );
  const rows = subjects.map((agency) => {
    const level: AgencyLevel = {};
    const data = activity.get(agency.id);
    if (data) {
      level.cs5 = {
        data: scoreCs5FromData(scheme, {
          level: agency.level,
          proceduresTotal: data.procedures_total,
          proceduresFourStep: data.procedures_four_step,
          allReceivedAtDesk: true,
        }),
      };
      level.cs9 = {
        data: scoreCs9FromData(scheme, {
          proceduresTotal: data.procedures_total,
          proceduresOnline: data.procedures_online,
          dossiersTotal: data.dossiers_total,
          dossiersOnline: data.dossiers_online,
          onlineLateOrOverdue: data.online_late_or_overdue,
        }),
      };
    }
    for (const assessment of assessments.filter((a) => a.agency_id === agency.id)) {
      const points = assessment.points === 2 ? 2 : assessment.points === 1 ? 1 : 0;
      level[assessment.indicator] = {
        ...level[assessment.indicator],
        [assessment.source]: { points, note: assessment.note },
      };
    }
    const result = aggregateAgency(scheme, accumulators.get(agency.id) ?? {}, level);
    return {
      id: agency.id,
      name: agency.name,
      code: agency.code,
      level: agency.level,
      total: result.total,
      result,
      dossiers: data?.dossiers_total ?? 0,
    };
  });
  return { scheme, period, rows: rankAgencies(rows, scheme.tieRule) };
}
