import { DomainError } from '#domain/errors.ts';
import type { AppDeps } from '../deps.ts';
import { loadDossierFacts } from '../scoring/load-dossier-facts.ts';
import { defaultSchemeRegistry } from '../scoring/scheme-registry.ts';
import { storeDossierScore } from '../scoring/store-dossier-scores.ts';
import { inTransaction, isUniqueViolation } from '../transaction.ts';
import { findRatingForReview } from './propose-rating-correction.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import type { ActingUser } from './acting-user.ts';

export interface CorrectionDecisionInput {
  correctionId: string;
  decision: 'approved' | 'rejected';
  /** The signed-in staff member deciding (actingStaffUser): another account, and official, than the proposer. */
  decidedBy: ActingUser;
  reason?: string;
}

export interface CorrectionDecisionResult {
  id: string;
  correctionId: string;
  decision: 'approved' | 'rejected';
  /** True when the corrected values are now the ones that count for the dossier. */
  counts: boolean;
}

/**
 * Two-person rule: whoever proposed the correction cannot also approve or reject it. The same
 * account is the same person; so is another account of the same official (one person may hold
 * two accounts, e.g. at two agencies). A proposal from before staff accounts names only its
 * official, which is then compared alone.
 */
function isSamePerson(
  decider: ActingUser,
  proposal: { proposed_by_user_id: string | null; proposed_by_official_id: string | null },
): boolean {
  if (proposal.proposed_by_user_id === decider.userId) return true;
  return decider.officialId !== null && decider.officialId === proposal.proposed_by_official_id;
}

/**
 * Approves or rejects a proposed rating correction (issue 4 point 8: proposed by one staff
 * member, approved by another). The decision is a new row, once per correction. On approval of
 * a correction of the rating that counts, the corrected values become the dossier's effective
 * rating (effective-rating-correction.ts) and the dossier is rescored in the same transaction;
 * the rating row itself is untouched (Nghị định 61/2018 Điều 27).
 */
export async function decideRatingCorrection(
  deps: AppDeps,
  input: CorrectionDecisionInput,
): Promise<CorrectionDecisionResult> {
  try {
    return await inTransaction(deps.db, async (trx) => {
      const correction = await trx
        .selectFrom('rating_correction')
        .select(['agency_id', 'id', 'rating_id', 'proposed_by_user_id', 'proposed_by_official_id'])
        .where('id', '=', input.correctionId)
        .executeTakeFirst();
      if (!correction) throw new DomainError('CORRECTION_NOT_FOUND');
      const { rating, dossier } = await findRatingForReview(trx, correction.rating_id);
      const earlier = await trx
        .selectFrom('rating_correction_decision')
        .select('decision')
        .where('agency_id', '=', correction.agency_id)
        .where('correction_id', '=', correction.id)
        .executeTakeFirst();
      if (earlier)
        throw new DomainError('CORRECTION_ALREADY_DECIDED', { details: { decision: earlier.decision } });
      if (isSamePerson(input.decidedBy, correction)) throw new DomainError('CORRECTION_SAME_PERSON');
      const id = deps.newId();
      const row = await trx
        .insertInto('rating_correction_decision')
        .values({
          agency_id: correction.agency_id,
          id,
          correction_id: correction.id,
          decision: input.decision,
          decided_by_user_id: input.decidedBy.userId,
          decided_by_official_id: input.decidedBy.officialId,
          reason: input.reason?.trim() || null,
          decided_at: new Date(deps.now()),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, deps, {
        agencyId: correction.agency_id,
        action: 'rating.correction_decided',
        target: { table: 'rating_correction_decision', key: id },
        after: row,
      });
      const counts = input.decision === 'approved' && !rating.is_duplicate;
      if (counts && dossier.finished_at !== null) {
        const [facts] = await loadDossierFacts(trx, { dossierIds: [dossier.id] });
        if (facts) await storeDossierScore(trx, deps.schemes ?? defaultSchemeRegistry(), facts);
      }
      return { id, correctionId: correction.id, decision: input.decision, counts };
    });
  } catch (error) {
    // Two approvers at the same instant: the unique key lets one decision in, the other is told.
    if (isUniqueViolation(error)) throw new DomainError('CORRECTION_ALREADY_DECIDED');
    throw error;
  }
}
