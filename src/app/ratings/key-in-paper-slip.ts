import { DomainError } from '#domain/errors.ts';
import type { Points } from '#domain/scoring/types.ts';
import type { AppDeps } from '../deps.ts';
import { uuidFromKey } from '../ids.ts';
import { recordRating, type RatingResult } from './record-rating.ts';
import { resolveRatingToken } from './rating-tokens.ts';
import type { ActingUser } from './acting-user.ts';

export interface PaperSlipInput {
  /** What the scanner read: the dossier code (Code 128) or the QR link /r/<token>. */
  scanned: string;
  /** The signed-in staff member keying the slip in (recorded; never the author of the rating). */
  keyedBy: ActingUser;
  satisfaction: 1 | 2 | 3 | 4 | 5;
  answers?: { cs1?: Points; cs3?: Points; cs4?: Points; cs7?: Points };
  comment?: string;
  /** The date written on the slip, or when it was collected. */
  submittedAt: string;
}

/** The dossier code a scan gives: the Code 128 text itself, or the code behind a scanned QR link. */
export async function dossierFromScan(deps: AppDeps, scanned: string): Promise<{ id: string; code: string }> {
  const text = scanned.trim();
  const token = /\/r\/([A-Za-z0-9_-]{20,80})/.exec(text)?.[1];
  if (token !== undefined) {
    // A QR link is checked like any token: a forged one is refused.
    const resolved = await resolveRatingToken(deps, token);
    return { id: resolved.dossierId, code: resolved.dossierCode };
  }
  const dossier = await deps.db
    .selectFrom('dossier')
    .select(['id', 'code'])
    .where('code', '=', text.toUpperCase())
    .executeTakeFirst();
  if (!dossier) {
    throw new DomainError('DOSSIER_NOT_FOUND', {
      problems: [{ field: 'scanned', message: `không tìm thấy hồ sơ từ mã quét "${text}"` }],
    });
  }
  return dossier;
}

/**
 * Keys in a paper evaluation slip (Thông tư 01/2018 Điều 12: phiếu đánh giá): the focal official
 * scans the slip, ticks what the citizen ticked; who keyed it (the signed-in account and its
 * linked official, if any) and the slip are recorded. Keying the same slip twice is a no-op; a
 * dossier already rated elsewhere keeps its first rating.
 */
export async function keyInPaperSlip(
  deps: AppDeps,
  input: PaperSlipInput,
): Promise<RatingResult & { dossierCode: string }> {
  const dossier = await dossierFromScan(deps, input.scanned);
  const result = await recordRating(deps, {
    id: uuidFromKey(
      `paper:${dossier.id}:${input.submittedAt}:${input.satisfaction}:${JSON.stringify(input.answers ?? {})}`,
    ),
    dossierId: dossier.id,
    channel: 'paper',
    satisfaction: input.satisfaction,
    ...(input.answers ? { answers: input.answers } : {}),
    ...(input.comment ? { comment: input.comment } : {}),
    submittedAt: input.submittedAt,
    keyedByUserId: input.keyedBy.userId,
    ...(input.keyedBy.officialId !== null ? { keyedByOfficialId: input.keyedBy.officialId } : {}),
    slipReference: input.scanned.trim().slice(0, 200),
  });
  return { ...result, dossierCode: dossier.code };
}
