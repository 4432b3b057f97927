import { z } from 'zod';
import type { RatingAppealItem } from '#app/ratings/list-dossier-corrections-and-appeals.ts';
import type { RatingCorrectionItem } from '#app/ratings/list-rating-corrections.ts';

const OfficialRef = z.object({ id: z.string(), code: z.string(), name: z.string() });
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
  proposedBy: OfficialRef,
  proposedAt: z.string(),
  decision: z
    .object({
      decision: z.enum(['approved', 'rejected']),
      decidedBy: OfficialRef,
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
    reason: item.reason,
    filedAt: item.filedAt.toISOString(),
  };
}
