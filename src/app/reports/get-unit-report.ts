import { requireQuarterOrYear, type Period } from '#domain/periods/period.ts';
import type { AppDeps } from '../deps.ts';
import { agencySubtreeIds } from '../catalog/agency-subtree.ts';
import { requireAgencyId } from '../catalog/lookups.ts';
import { getAgencyScores } from '../scoring/get-agency-scores.ts';
import { getOfficialScores } from '../scoring/get-official-scores.ts';
import { getQd766Scores } from '../scoring/get-qd766-scores.ts';
import { getSatisfaction } from '../scoring/get-satisfaction.ts';
import { getTimelinessRates } from './get-timeliness-rates.ts';
import { unitReportRevisions, userNames } from './unit-report-store.ts';

/**
 * A unit's report to the level above for a quarter or year (Thông tư 01/2018 Điều 15 khoản 4;
 * docs/reports.md): for the agency and its subtree, the agency table rows (with their
 * province-wide rank), its officials' table, the satisfaction distribution, the early / on-time /
 * late rates per month, the Quyết định 766 rows, and every revision of the remedies it proposes.
 * The figures are read when asked (the tables of the period as they stand); the revisions are
 * what was written and sent.
 */
export async function getUnitReport(deps: AppDeps, input: { agencyCode: string; period: Period }) {
  const period = requireQuarterOrYear(input.period);
  const agencyId = await requireAgencyId(deps.db, input.agencyCode);
  const subtree = await agencySubtreeIds(deps.db, agencyId);
  const inSubtree = new Set(subtree);
  const [agency, agencyTable, officials, satisfaction, timeliness, qd766, revisions] = await Promise.all([
    deps.db
      .selectFrom('agency')
      .select(['id', 'code', 'name', 'level'])
      .where('id', '=', agencyId)
      .executeTakeFirstOrThrow(),
    // Ranked over the whole province (Điều 15 khoản 4), then narrowed to the unit's rows.
    getAgencyScores(deps, period),
    getOfficialScores(deps, period, { rootAgencyId: agencyId }),
    getSatisfaction(deps, period, { rootAgencyId: agencyId }),
    getTimelinessRates(deps, period, { agencyIds: subtree, byMonth: true }),
    getQd766Scores(deps, period),
    unitReportRevisions(deps.db, agencyId, period.key),
  ]);
  const names = await userNames(
    deps.db,
    revisions.flatMap((revision) => [revision.updated_by_user_id, revision.submitted_by_user_id]),
  );
  return {
    period,
    agency,
    agencyTable: { ...agencyTable, rows: agencyTable.rows.filter((row) => inSubtree.has(row.id)) },
    officials,
    satisfaction,
    timeliness,
    qd766: { ...qd766, rows: qd766.rows.filter((row) => inSubtree.has(row.id)) },
    revisions: revisions.map((revision) => ({
      ...revision,
      updatedBy:
        revision.updated_by_user_id === null ? null : (names.get(revision.updated_by_user_id) ?? null),
      submittedBy:
        revision.submitted_by_user_id === null ? null : (names.get(revision.submitted_by_user_id) ?? null),
    })),
  };
}
