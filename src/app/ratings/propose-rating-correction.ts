import { DomainError } from '#domain/errors.ts';
import type { Points } from '#domain/scoring/types.ts';
import type { AppDeps, Db } from '../deps.ts';
import { inTransaction } from '../transaction.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import type { ActingUser } from './acting-user.ts';

export interface RatingCorrectionInput {
  ratingId: string;
  /** The corrected values: the whole version that should count, not a patch. */
  satisfaction: 1 | 2 | 3 | 4 | 5;
  answers?: { cs1?: Points; cs3?: Points; cs4?: Points; cs7?: Points };
  comment?: string;
  reason: string;
  /** The signed-in staff member proposing it (actingStaffUser), never a name from the request body. */
  proposedBy: ActingUser;
}

/** The rating a correction or appeal is about, with its dossier, locked for the transaction. */
export async function findRatingForReview(trx: Db, ratingId: string) {
  const rating = await trx
    .selectFrom('rating')
    .select(['agency_id', 'id', 'dossier_id', 'is_duplicate'])
    .where('id', '=', ratingId)
    .executeTakeFirst();
  if (!rating) throw new DomainError('RATING_NOT_FOUND');
  // One writer per dossier at a time: the pending check, the decision and the rescore see a settled state.
  const dossier = await trx
    .selectFrom('dossier')
    .select(['agency_id', 'id', 'receiving_official_id', 'finished_at'])
    .where('agency_id', '=', rating.agency_id)
    .where('id', '=', rating.dossier_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { rating, dossier };
}

/** A reason is required and must say something (whitespace alone is refused). */
export function requireReason(reason: string | undefined, field = 'reason'): string {
  const text = reason?.trim() ?? '';
  if (text === '') {
    throw new DomainError('VALIDATION_FAILED', { problems: [{ field, message: 'cần nêu lý do' }] });
  }
  return text;
}

/**
 * Proposes a correction of a rating (issue 4 point 8; Nghị định 61/2018 Điều 27 forbids altering
 * an evaluation): a new row with the corrected values and a reason. The rating is never changed;
 * the correction counts only after another staff member approves it (decide-rating-correction).
 * The proposer is recorded as the signed-in account and its linked official, if any.
 * A rating with a correction still waiting for its decision cannot get a second one.
 */
export async function proposeRatingCorrection(
  deps: AppDeps,
  input: RatingCorrectionInput,
): Promise<{ id: string; ratingId: string; dossierId: string }> {
  const reason = requireReason(input.reason);
  return inTransaction(deps.db, async (trx) => {
    const { rating } = await findRatingForReview(trx, input.ratingId);
    const pending = await trx
      .selectFrom('rating_correction as c')
      .leftJoin('rating_correction_decision as k', (join) =>
        join.onRef('k.agency_id', '=', 'c.agency_id').onRef('k.correction_id', '=', 'c.id'),
      )
      .select('c.id')
      .where('c.agency_id', '=', rating.agency_id)
      .where('c.rating_id', '=', rating.id)
      .where('k.id', 'is', null)
      .executeTakeFirst();
    if (pending) throw new DomainError('CORRECTION_PENDING', { details: { correctionId: pending.id } });
    const id = deps.newId();
    const row = await trx
      .insertInto('rating_correction')
      .values({
        agency_id: rating.agency_id,
        id,
        rating_id: rating.id,
        dossier_id: rating.dossier_id,
        satisfaction: input.satisfaction,
        answers: JSON.stringify(input.answers ?? {}),
        comment: input.comment?.trim() || null,
        reason,
        proposed_by_user_id: input.proposedBy.userId,
        proposed_by_official_id: input.proposedBy.officialId,
        proposed_at: new Date(deps.now()),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, deps, {
      agencyId: rating.agency_id,
      action: 'rating.correction_proposed',
      target: { table: 'rating_correction', key: id },
      after: row,
    });
    return { id, ratingId: rating.id, dossierId: rating.dossier_id };
  });
}
