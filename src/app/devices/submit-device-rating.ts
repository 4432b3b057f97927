import { DomainError } from '#domain/errors.ts';
import { answersToPoints } from '#shared/questionnaire.ts';
import type { DeviceRatingBody } from '#shared/device-protocol.ts';
import type { AppDeps } from '../deps.ts';
import { uuidFromKey } from '../ids.ts';
import { inTransaction } from '../transaction.ts';
import type { RatingOrigin } from '../ratings/rating-origin.ts';
import { RATEABLE_STATUSES, resolveRatingToken } from '../ratings/rating-tokens.ts';
import { recordRating, type RatingResult } from '../ratings/record-rating.ts';
import { publishRatingRecorded } from '../realtime/rating-events.ts';
import type { AuthenticatedDevice } from './authenticate-device.ts';

/** A device clock ahead of the server by more than this is refused (a rating cannot come from the future). */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A rating made on a counter device and signed with its key, delivered at once or later
 * (offline: the device keeps it and sends it when the server is back). The device's id for
 * the rating makes delivery exactly-once: sending it again returns the stored one. The token
 * ties it to its dossier; when the dossier was already rated on another channel it is kept
 * as a logged duplicate, never lost and never counted twice.
 */
export async function submitDeviceRating(
  deps: AppDeps,
  device: AuthenticatedDevice,
  body: DeviceRatingBody,
  origin: RatingOrigin = {},
): Promise<RatingResult & { dossierCode: string }> {
  const ratedAt = Date.parse(body.ratedAt);
  if (!Number.isFinite(ratedAt) || ratedAt > deps.now() + CLOCK_SKEW_MS)
    throw new DomainError('VALIDATION_FAILED', {
      problems: [{ field: 'ratedAt', message: 'thời điểm đánh giá không hợp lệ' }],
    });
  const recorded = await inTransaction(deps.db, async (trx) => {
    const resolved = await resolveRatingToken(deps, body.token, trx);
    const id = uuidFromKey(`device:${device.id}:${body.id}`);
    const stored = await trx
      .selectFrom('rating')
      .select(['id', 'is_duplicate'])
      .where('agency_id', '=', resolved.agencyId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (stored)
      return {
        id,
        counts: !stored.is_duplicate,
        replayed: true,
        agencyId: resolved.agencyId,
        dossierCode: resolved.dossierCode,
      };
    if (!RATEABLE_STATUSES.has(resolved.status)) throw new DomainError('RATING_NOT_READY');
    if (body.invitationId !== undefined) {
      const invitation = await trx
        .selectFrom('rating_invitation')
        .select('id')
        .where('agency_id', '=', resolved.agencyId)
        .where('id', '=', body.invitationId)
        .where('device_id', '=', device.id)
        .where('dossier_id', '=', resolved.dossierId)
        .executeTakeFirst();
      if (!invitation)
        throw new DomainError('VALIDATION_FAILED', {
          problems: [{ field: 'invitationId', message: 'lời mời không thuộc thiết bị và hồ sơ này' }],
        });
    }
    // The token is spent by the first rating; a later one on the device is kept as a duplicate.
    await trx
      .updateTable('rating_token')
      .set({ used_at: new Date(deps.now()) })
      .where('agency_id', '=', resolved.agencyId)
      .where('dossier_id', '=', resolved.dossierId)
      .where('used_at', 'is', null)
      .execute();
    const result = await recordRating(
      deps,
      {
        id,
        dossierId: resolved.dossierId,
        channel: 'device',
        satisfaction: body.satisfaction,
        answers: answersToPoints(body),
        ...(body.comment ? { comment: body.comment } : {}),
        submittedAt: new Date(ratedAt).toISOString(),
        deviceId: device.id,
        ...(body.invitationId !== undefined ? { invitationId: body.invitationId } : {}),
        origin,
      },
      { db: trx },
    );
    return { ...result, dossierCode: resolved.dossierCode };
  });
  if (!recorded.replayed) await publishRatingRecorded(deps, recorded.agencyId);
  return recorded;
}
