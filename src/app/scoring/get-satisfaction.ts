import { sql } from 'kysely';
import type { Period } from '#domain/periods/period.ts';
import { summarizeSatisfaction } from '#domain/scoring/satisfaction.ts';
import type { SatisfactionLevel } from '#domain/scoring/types.ts';
import type { AppDeps } from '../deps.ts';
import { agencySubtreeIds } from '../catalog/agency-subtree.ts';
import { effectiveRatings } from '../ratings/effective-rating-correction.ts';
import { periodScheme } from './get-agency-scores.ts';

type Counts = Record<SatisfactionLevel, number>;
const emptyCounts = (): Counts => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });

function level(value: number): SatisfactionLevel {
  return value <= 1 ? 1 : value >= 5 ? 5 : value === 2 ? 2 : value === 3 ? 3 : 4;
}

/**
 * Citizen satisfaction for a period (legal-rules §9.6): the ratings that count (first valid one
 * per dossier, with the values of its approved correction if any) submitted in the period, per
 * agency and per official (the receiving and the handling official of the dossier), on 5 levels
 * and in the 3-level view of Thông tư 32/2017.
 */
export async function getSatisfaction(
  deps: AppDeps,
  period: Period,
  options: { rootAgencyId?: string } = {},
) {
  const scheme = periodScheme(deps, period);
  const from = new Date(`${period.from}T00:00:00+07:00`);
  const to = new Date(Date.parse(`${period.to}T00:00:00+07:00`) + 86_400_000);
  const scopeIds = options.rootAgencyId ? await agencySubtreeIds(deps.db, options.rootAgencyId) : null;
  // A subtree is filtered in SQL: the handling-official lookup below runs per rating.
  const inScope = scopeIds === null ? sql`TRUE` : sql`r.agency_id IN (${sql.join(scopeIds)})`;
  const rows = await sql<{
    agency_id: string;
    satisfaction: number;
    receiving: string | null;
    handling: string | null;
  }>`
    SELECT r.agency_id, r.satisfaction, d.receiving_official_id AS receiving,
           (SELECT e.official_id FROM dossier_event e
             WHERE e.agency_id = d.agency_id AND e.dossier_id = d.id AND e.type = 'finished' LIMIT 1) AS handling
    FROM ${effectiveRatings(deps.db).as('r')} JOIN dossier d ON d.agency_id = r.agency_id AND d.id = r.dossier_id
    WHERE NOT r.is_duplicate AND r.submitted_at >= ${from} AND r.submitted_at < ${to} AND ${inScope}`.execute(
    deps.db,
  );
  const scope = scopeIds === null ? null : new Set(scopeIds);
  const overall = emptyCounts();
  const byAgency = new Map<string, Counts>();
  const byOfficial = new Map<string, Counts>();
  const bump = (map: Map<string, Counts>, key: string, value: SatisfactionLevel): void => {
    const counts = map.get(key) ?? emptyCounts();
    counts[value] += 1;
    map.set(key, counts);
  };
  for (const row of rows.rows) {
    if (scope !== null && !scope.has(row.agency_id)) continue;
    const value = level(row.satisfaction);
    overall[value] += 1;
    bump(byAgency, row.agency_id, value);
    for (const official of new Set([row.receiving, row.handling]))
      if (official !== null) bump(byOfficial, official, value);
  }
  const [agencies, officials] = await Promise.all([
    deps.db.selectFrom('agency').select(['id', 'code', 'name']).execute(),
    deps.db
      .selectFrom('official')
      .innerJoin('agency', 'agency.id', 'official.agency_id')
      .select([
        'official.id',
        'official.code',
        'official.full_name',
        'official.agency_id',
        'agency.name as agency_name',
      ])
      .execute(),
  ]);
  const collator = new Intl.Collator('vi');
  return {
    period,
    overall: summarizeSatisfaction(scheme, overall),
    agencies: agencies
      .filter((agency) => byAgency.has(agency.id))
      .map((agency) => ({ agency, stats: summarizeSatisfaction(scheme, byAgency.get(agency.id)!) }))
      .sort((a, b) => collator.compare(a.agency.name, b.agency.name)),
    officials: officials
      .filter((official) => byOfficial.has(official.id))
      .map((official) => ({ official, stats: summarizeSatisfaction(scheme, byOfficial.get(official.id)!) }))
      .sort((a, b) => collator.compare(a.official.full_name, b.official.full_name)),
  };
}
