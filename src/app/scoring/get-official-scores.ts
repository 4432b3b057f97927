import type { Period } from '#domain/periods/period.ts';
import { aggregateOfficial } from '#domain/scoring/aggregate.ts';
import { TT01_OFFICIAL_INDICATORS } from '#domain/scoring/types.ts';
import { narrowAgencyIds, visibleAgencyIds } from '../auth/actor-scope.ts';
import type { AppDeps } from '../deps.ts';
import { agencySubtreeIds } from '../catalog/agency-subtree.ts';
import { periodScheme, readRollups, tt01SchemeIds } from './get-agency-scores.ts';

type OfficialIndicator = (typeof TT01_OFFICIAL_INDICATORS)[number];

function isOfficialIndicator(value: string): value is OfficialIndicator {
  return (TT01_OFFICIAL_INDICATORS as readonly string[]).includes(value);
}

/**
 * The official table of a period (Thông tư 01/2018 Điều 15 khoản 1, 3): indicators 1, 2, 3, 4
 * and 7 averaged over the dossiers attributed to each official, the total out of 10 and the
 * class of task completion.
 */
export async function getOfficialScores(
  deps: AppDeps,
  period: Period,
  options: { rootAgencyId?: string } = {},
) {
  const scheme = periodScheme(deps, period);
  const [rollups, officials] = await Promise.all([
    readRollups(deps.db, tt01SchemeIds(deps), period, 'official'),
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
  // An official's scores are theirs and their superiors' (issue 5): only the caller's agencies.
  const requested = options.rootAgencyId ? await agencySubtreeIds(deps.db, options.rootAgencyId) : null;
  const visible = narrowAgencyIds(await visibleAgencyIds(deps.db, 'score.read'), requested);
  const scope = visible === null ? null : new Set(visible);
  const accumulators = new Map<string, Partial<Record<OfficialIndicator, { sum: number; count: number }>>>();
  for (const row of rollups) {
    if (!isOfficialIndicator(row.indicator)) continue;
    const acc = accumulators.get(row.subject_id) ?? {};
    acc[row.indicator] = { sum: row.sum, count: row.count };
    accumulators.set(row.subject_id, acc);
  }
  const collator = new Intl.Collator('vi');
  const rows = officials
    .filter((official) => accumulators.has(official.id) && (scope === null || scope.has(official.agency_id)))
    .map((official) => ({
      id: official.id,
      code: official.code,
      name: official.full_name,
      agencyId: official.agency_id,
      agencyName: official.agency_name,
      result: aggregateOfficial(scheme, accumulators.get(official.id) ?? {}),
    }))
    .sort((a, b) => b.result.total - a.result.total || collator.compare(a.name, b.name));
  return { scheme, period, rows };
}
