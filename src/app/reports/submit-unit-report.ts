import { requireQuarterOrYear, type Period } from '#domain/periods/period.ts';
import { DomainError } from '#domain/errors.ts';
import type { UnitReportFiguresView } from '#shared/report.view.ts';
import type { AppDeps } from '../deps.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import { requireAgencyId } from '../catalog/lookups.ts';
import { inTransaction } from '../transaction.ts';
import { actingUserId, latestRevisionForUpdate, revisionKey } from './unit-report-store.ts';

/**
 * Sends the agency's draft report for the period to the level above (Thông tư 01/2018 Điều 15
 * khoản 4): the latest revision becomes submitted, with who and when, and is frozen from then
 * on, with the report's figures as they stood when it was sent (`figures`, presented by the
 * caller from getUnitReport). Audited in the same transaction.
 */
export async function submitUnitReport(
  deps: AppDeps,
  input: { agencyCode: string; period: Period; figures: UnitReportFiguresView },
) {
  const period = requireQuarterOrYear(input.period).key;
  const agencyId = await requireAgencyId(deps.db, input.agencyCode);
  const now = new Date(deps.now());
  return inTransaction(deps.db, async (trx) => {
    const latest = await latestRevisionForUpdate(trx, agencyId, period);
    if (latest === undefined) throw new DomainError('UNIT_REPORT_NOT_FOUND');
    if (latest.status !== 'draft') throw new DomainError('UNIT_REPORT_NOT_DRAFT');
    const after = await trx
      .updateTable('unit_report')
      .set({
        status: 'submitted',
        submitted_at: now,
        submitted_by_user_id: actingUserId(),
        figures: JSON.stringify(input.figures),
      })
      .where('agency_id', '=', agencyId)
      .where('period', '=', period)
      .where('revision', '=', latest.revision)
      .where('status', '=', 'draft')
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, deps, {
      agencyId,
      action: 'unit_report.submitted',
      target: { table: 'unit_report', key: revisionKey(period, after.revision) },
      before: latest,
      after,
    });
    return after;
  });
}
