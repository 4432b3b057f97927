import { DomainError } from '#domain/errors.ts';
import type { AppDeps } from '../deps.ts';
import { inTransaction } from '../transaction.ts';
import { findRatingForReview, requireReason } from './propose-rating-correction.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import type { ActingUser } from './acting-user.ts';

export interface RatingAppealInput {
  ratingId: string;
  /** The signed-in staff member filing it (actingStaffUser): the appeal is their linked official's. */
  filedBy: ActingUser;
  reason: string;
}

/**
 * The rated official contests a rating (issue 4 point 8; Nghị định 61/2018 Điều 31 khoản 1 đ:
 * citizens rate the conduct of the officials who received and handled the dossier): a new appeal
 * row with a reason, and nothing else; the rating and the score stay as they are. Only an
 * official the dossier names can appeal: its receiving official, the official of one of its
 * steps, or one who recorded one of its events (e.g. the one who finished it). The appellant is
 * the signed-in account's linked official: an account linked to none cannot appeal.
 */
export async function fileRatingAppeal(
  deps: AppDeps,
  input: RatingAppealInput,
): Promise<{ id: string; ratingId: string; dossierId: string }> {
  const reason = requireReason(input.reason);
  return inTransaction(deps.db, async (trx) => {
    const { rating, dossier } = await findRatingForReview(trx, input.ratingId);
    const officialId = input.filedBy.officialId;
    if (officialId === null) throw new DomainError('ACCOUNT_NOT_LINKED_TO_OFFICIAL');
    const isRated =
      dossier.receiving_official_id === officialId ||
      (await trx
        .selectFrom('dossier_step')
        .select('step_id')
        .where('agency_id', '=', dossier.agency_id)
        .where('dossier_id', '=', dossier.id)
        .where('official_id', '=', officialId)
        .executeTakeFirst()) !== undefined ||
      (await trx
        .selectFrom('dossier_event')
        .select('id')
        .where('agency_id', '=', dossier.agency_id)
        .where('dossier_id', '=', dossier.id)
        .where('official_id', '=', officialId)
        .executeTakeFirst()) !== undefined;
    if (!isRated) throw new DomainError('APPEAL_NOT_RATED_OFFICIAL');
    const id = deps.newId();
    const row = await trx
      .insertInto('rating_appeal')
      .values({
        agency_id: rating.agency_id,
        id,
        rating_id: rating.id,
        dossier_id: rating.dossier_id,
        official_id: officialId,
        filed_by_user_id: input.filedBy.userId,
        reason,
        filed_at: new Date(deps.now()),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, deps, {
      agencyId: rating.agency_id,
      action: 'rating.appeal_filed',
      target: { table: 'rating_appeal', key: id },
      after: row,
    });
    return { id, ratingId: rating.id, dossierId: rating.dossier_id };
  });
}
