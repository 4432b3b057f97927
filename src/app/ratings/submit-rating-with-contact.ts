import type { AppDeps } from '../deps.ts';
import { inTransaction } from '../transaction.ts';
import type { RatingInput, RatingResult } from './record-rating.ts';
import { resolveRatingToken, submitTokenRating } from './rating-tokens.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import { publishRatingRecorded } from '../realtime/rating-events.ts';

/** Contact details a citizen chose to leave for a follow-up (at least a phone or an email). */
export interface FollowUpContact {
  name?: string;
  phone?: string;
  email?: string;
}

/**
 * A citizen's token rating with, only when they ticked the consent box, their contact details
 * for a follow-up (issue 4, point 10). The rating stays anonymous: the contact goes to its own
 * table (rating_contact), in the same transaction, so there is either both or neither.
 */
export async function submitRatingWithContact(
  deps: AppDeps,
  token: string,
  input: Omit<RatingInput, 'dossierId' | 'submittedAt' | 'id'>,
  contact: FollowUpContact | undefined,
): Promise<RatingResult & { dossierCode: string }> {
  if (contact === undefined) return submitTokenRating(deps, token, input);
  const recorded = await inTransaction(deps.db, async (trx) => {
    const resolved = await resolveRatingToken(deps, token, trx);
    const result = await submitTokenRating(deps, token, input, { db: trx });
    const now = new Date(deps.now());
    const row = await trx
      .insertInto('rating_contact')
      .values({
        agency_id: resolved.agencyId,
        id: deps.newId(),
        rating_id: result.id,
        dossier_id: resolved.dossierId,
        name: contact.name ?? null,
        phone: contact.phone ?? null,
        email: contact.email ?? null,
        consented_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, deps, {
      agencyId: resolved.agencyId,
      action: 'rating.contact_recorded',
      target: { table: 'rating_contact', key: row.id },
      after: row,
    });
    return result;
  });
  if (!recorded.replayed) await publishRatingRecorded(deps, recorded.agencyId);
  return recorded;
}
