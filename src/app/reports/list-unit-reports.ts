import { requireQuarterOrYear, type Period } from '#domain/periods/period.ts';
import type { AppDeps } from '../deps.ts';
import { visibleAgencyIds } from '../auth/actor-scope.ts';

/**
 * The units' reports of a period as the level above sees them (Thông tư 01/2018 Điều 15 khoản
 * 4): every agency the caller may read scores of, with the state of its report — none, a draft
 * never sent, submitted, or a submitted report being corrected — and when it was last sent.
 */
export async function listUnitReports(deps: AppDeps, input: { period: Period }) {
  const period = requireQuarterOrYear(input.period);
  const visible = await visibleAgencyIds(deps.db, 'score.read');
  if (visible !== null && visible.length === 0) return { period, rows: [] };
  let agencies = deps.db
    .selectFrom('agency')
    .leftJoin('agency as parent', 'parent.id', 'agency.parent_id')
    .select(['agency.id', 'agency.code', 'agency.name', 'agency.level', 'parent.code as parent_code']);
  if (visible !== null) agencies = agencies.where('agency.id', 'in', visible);
  let reports = deps.db
    .selectFrom('unit_report')
    .select(['agency_id', 'revision', 'status', 'submitted_at'])
    .where('period', '=', period.key);
  if (visible !== null) reports = reports.where('agency_id', 'in', visible);
  const [agencyRows, reportRows] = await Promise.all([agencies.execute(), reports.execute()]);
  const latest = new Map<string, (typeof reportRows)[number]>();
  const lastSent = new Map<string, Date>();
  for (const row of reportRows) {
    const known = latest.get(row.agency_id);
    if (known === undefined || row.revision > known.revision) latest.set(row.agency_id, row);
    const sent = lastSent.get(row.agency_id);
    if (row.submitted_at !== null && (sent === undefined || row.submitted_at > sent))
      lastSent.set(row.agency_id, row.submitted_at);
  }
  const collator = new Intl.Collator('vi');
  const rows = agencyRows
    .map((agency) => {
      const report = latest.get(agency.id);
      const status =
        report === undefined
          ? ('none' as const)
          : report.status === 'submitted'
            ? ('submitted' as const)
            : report.revision > 1
              ? ('correcting' as const)
              : ('draft' as const);
      return {
        agency: { id: agency.id, code: agency.code, name: agency.name, level: agency.level },
        parentCode: agency.parent_code,
        status,
        revision: report?.revision ?? null,
        submittedAt: lastSent.get(agency.id) ?? null,
      };
    })
    .sort((a, b) => collator.compare(a.agency.code, b.agency.code));
  return { period, rows };
}
