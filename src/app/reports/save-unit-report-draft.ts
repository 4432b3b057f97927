import { requireQuarterOrYear, type Period } from '#domain/periods/period.ts';
import { DomainError } from '#domain/errors.ts';
import type { AppDeps } from '../deps.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import { requireAgencyId } from '../catalog/lookups.ts';
import { inTransaction, isUniqueViolation } from '../transaction.ts';
import { actingUserId, latestRevisionForUpdate, revisionKey } from './unit-report-store.ts';

export interface UnitReportDraftInput {
  agencyCode: string;
  period: Period;
  remedies: string;
  notes: string;
  /** Required to open a correction of a submitted report (its next revision); refused otherwise. */
  correctionReason?: string | undefined;
}

/**
 * Saves the draft of an agency's report to the level above (Thông tư 01/2018 Điều 15 khoản 4)
 * for a quarter or year: the proposed remedies and notes. The first save creates revision 1;
 * later saves edit the draft in place. A submitted revision is frozen: changing it takes a
 * correction — the next revision, with the reason — and the submitted one stays as it was.
 * Audited in the same transaction.
 */
export async function saveUnitReportDraft(deps: AppDeps, input: UnitReportDraftInput) {
  const period = requireQuarterOrYear(input.period).key;
  const agencyId = await requireAgencyId(deps.db, input.agencyCode);
  const userId = actingUserId();
  const now = new Date(deps.now());
  const attempt = () =>
    inTransaction(deps.db, async (trx) => {
      const latest = await latestRevisionForUpdate(trx, agencyId, period);
      const reason = input.correctionReason ?? null;
      if (latest?.status === 'draft' || latest === undefined) {
        if (reason !== null && (latest === undefined || latest.revision === 1))
          throw new DomainError('UNIT_REPORT_NO_CORRECTION');
      } else if (reason === null) {
        throw new DomainError('UNIT_REPORT_SUBMITTED', {
          details: { revision: latest.revision, submittedAt: latest.submitted_at },
        });
      }
      if (latest?.status === 'draft') {
        const after = await trx
          .updateTable('unit_report')
          .set({
            remedies: input.remedies,
            notes: input.notes,
            // A correction's reason may be reworded while it is a draft.
            ...(latest.revision > 1 && reason !== null ? { correction_reason: reason } : {}),
            updated_at: now,
            updated_by_user_id: userId,
          })
          .where('agency_id', '=', agencyId)
          .where('period', '=', period)
          .where('revision', '=', latest.revision)
          .where('status', '=', 'draft')
          .returningAll()
          .executeTakeFirstOrThrow();
        await appendAudit(trx, deps, {
          agencyId,
          action: 'unit_report.draft_saved',
          target: { table: 'unit_report', key: revisionKey(period, after.revision) },
          before: latest,
          after,
        });
        return after;
      }
      // No report yet (revision 1), or a submitted one being corrected (the next revision).
      const revision = (latest?.revision ?? 0) + 1;
      const created = await trx
        .insertInto('unit_report')
        .values({
          agency_id: agencyId,
          period,
          revision,
          status: 'draft',
          remedies: input.remedies,
          notes: input.notes,
          correction_reason: revision === 1 ? null : reason,
          created_at: now,
          created_by_user_id: userId,
          updated_at: now,
          updated_by_user_id: userId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, deps, {
        agencyId,
        action: revision === 1 ? 'unit_report.draft_saved' : 'unit_report.correction_opened',
        target: { table: 'unit_report', key: revisionKey(period, revision) },
        after: created,
      });
      return created;
    });
  try {
    return await attempt();
  } catch (error) {
    // Two first saves at once: the loser finds the winner's draft and edits it.
    if (isUniqueViolation(error)) return attempt();
    throw error;
  }
}
