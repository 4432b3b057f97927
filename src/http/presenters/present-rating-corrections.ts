import { z } from 'zod';
import type { RatingAppealItem } from '#app/ratings/list-dossier-corrections-and-appeals.ts';
import type { RatingCorrectionItem } from '#app/ratings/list-rating-corrections.ts';

const OfficialRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

/**
 * Who proposed, decided, appealed or keyed a slip in: the signed-in account (its display name)
 * and the official it is linked to, if any. `userId` is null on records made before staff
 * accounts, which name only an official (`name` is then the official's).
 */
export const StaffRefSchema = z.object({
  userId: z.string().nullable(),
  name: z.string(),
  official: OfficialRef.nullable(),
});
const RatingValues = z.object({
  satisfaction: z.number(),
  answers: z.record(z.string(), z.unknown()),
  comment: z.string().nullable(),
});

/** A rating correction as the API shows it: both versions, who proposed it, and its decision. */
export const RatingCorrectionSchema = z.object({
  id: z.string(),
  ratingId: z.string(),
  dossierId: z.string(),
  dossierCode: z.string(),
  agencyId: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  original: RatingValues,
  corrected: RatingValues,
  reason: z.string(),
  proposedBy: StaffRefSchema,
  proposedAt: z.string(),
  decision: z
    .object({
      decision: z.enum(['approved', 'rejected']),
      decidedBy: StaffRefSchema,
      reason: z.string().nullable(),
      decidedAt: z.string(),
    })
    .nullable(),
});

/** An appeal of a rating by the rated official. */
export const RatingAppealSchema = z.object({
  id: z.string(),
  ratingId: z.string(),
  official: OfficialRef,
  filedBy: StaffRefSchema.nullable(),
  reason: z.string(),
  filedAt: z.string(),
});

/** Correction → API shape. */
export function presentRatingCorrection(item: RatingCorrectionItem): z.infer<typeof RatingCorrectionSchema> {
  return {
    id: item.id,
    ratingId: item.ratingId,
    dossierId: item.dossierId,
    dossierCode: item.dossierCode,
    agencyId: item.agencyId,
    status: item.decision?.decision ?? 'pending',
    original: item.original,
    corrected: item.corrected,
    reason: item.reason,
    proposedBy: item.proposedBy,
    proposedAt: item.proposedAt.toISOString(),
    decision:
      item.decision === null
        ? null
        : {
            decision: item.decision.decision,
            decidedBy: item.decision.decidedBy,
            reason: item.decision.reason,
            decidedAt: item.decision.decidedAt.toISOString(),
          },
  };
}

/** Appeal → API shape. */
export function presentRatingAppeal(item: RatingAppealItem): z.infer<typeof RatingAppealSchema> {
  return {
    id: item.id,
    ratingId: item.ratingId,
    official: item.official,
    filedBy: item.filedBy,
    reason: item.reason,
    filedAt: item.filedAt.toISOString(),
  };
}
