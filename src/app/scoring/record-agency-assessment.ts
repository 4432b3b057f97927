import { requireQuarterOrYear, type Period } from '#domain/periods/period.ts';
import type { AppDeps } from '../deps.ts';
import { requireAgencyId } from '../catalog/lookups.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import { inTransaction } from '../transaction.ts';

export interface AgencyAssessmentInput {
  agencyCode: string;
  period: Period;
  indicator: 'cs5' | 'cs6' | 'cs8' | 'cs9';
  source: 'self' | 'appraisal';
  points: number;
  note: string;
}

/**
 * Records an agency's self-assessment, or the appraisal (thẩm định) by the controlling office,
 * of an agency-level indicator (Thông tư 01/2018 Điều 14, 15); both are kept side by side and
 * the scheme decides which one counts. Re-recording replaces the same source's entry.
 */
export async function recordAgencyAssessment(deps: AppDeps, input: AgencyAssessmentInput): Promise<void> {
  // Assessments are made per quarter or year (Thông tư 01/2018 Điều 15 khoản 4), never a custom range.
  requireQuarterOrYear(input.period);
  const agencyId = await requireAgencyId(deps.db, input.agencyCode);
  const values = { points: input.points, note: input.note, recorded_at: new Date(deps.now()) };
  await inTransaction(deps.db, async (trx) => {
    const after = await trx
      .insertInto('agency_assessment')
      .values({
        agency_id: agencyId,
        period: input.period.key,
        indicator: input.indicator,
        source: input.source,
        ...values,
      })
      .onConflict((oc) => oc.columns(['agency_id', 'period', 'indicator', 'source']).doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    const target = {
      table: 'agency_assessment',
      key: `${input.period.key}/${input.indicator}/${input.source}`,
    };
    await appendAudit(trx, deps, { agencyId, action: 'assessment.recorded', target, after });
  });
}
