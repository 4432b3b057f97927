import { DomainError } from '#domain/errors.ts';
import { findDossier } from '#db/repositories/dossier.repository.ts';
import type { DeviceInvitation } from '#shared/device-protocol.ts';
import type { AppDeps } from '../deps.ts';
import { RATEABLE_STATUSES, issueRatingToken, resolveRatingToken } from '../ratings/rating-tokens.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import { inTransaction } from '../transaction.ts';

/** The bus topic a device's stream listens on. */
export function deviceTopic(deviceId: string): string {
  return `device:${deviceId}`;
}

/**
 * "Mời đánh giá" (issue 4, point 4): the counter official invites the citizen in front of them
 * to rate a dossier on the counter's device. The invitation is stored, then pushed to whichever
 * API process holds the device's stream. The official's browser never sees the rating form:
 * only the device, with its own key, can send the rating back.
 */
export async function inviteRating(
  deps: AppDeps,
  input: { dossierRef: { id?: string; code?: string }; deviceId: string },
): Promise<DeviceInvitation & { deviceId: string }> {
  const dossier = await findDossier(deps.db, input.dossierRef);
  if (!dossier) throw new DomainError('DOSSIER_NOT_FOUND');
  if (!RATEABLE_STATUSES.has(dossier.status)) throw new DomainError('RATING_NOT_READY');
  const device = await deps.db
    .selectFrom('rating_device')
    .select(['id', 'public_key'])
    .where('id', '=', input.deviceId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!device)
    throw new DomainError('DEVICE_NOT_FOUND', {
      problems: [{ field: 'deviceId', message: 'không có thiết bị này hoặc đã bị thu hồi' }],
    });
  if (device.public_key === null) throw new DomainError('DEVICE_NOT_PAIRED');
  const issued = await issueRatingToken(deps, { id: dossier.id });
  const resolved = await resolveRatingToken(deps, issued.token);
  if (resolved.usedAt !== null) throw new DomainError('RATING_TOKEN_USED');
  const names = await deps.db
    .selectFrom('procedure')
    .innerJoin('agency', (join) => join.on('agency.id', '=', dossier.agency_id))
    .select(['procedure.name as procedureName', 'agency.name as agencyName'])
    .where('procedure.id', '=', dossier.procedure_id)
    .executeTakeFirstOrThrow();
  const invitation: DeviceInvitation = {
    invitationId: deps.newId(),
    dossierCode: dossier.code,
    procedureName: names.procedureName,
    agencyName: names.agencyName,
    token: issued.token,
    invitedAt: new Date(deps.now()).toISOString(),
  };
  await inTransaction(deps.db, async (trx) => {
    const row = await trx
      .insertInto('rating_invitation')
      .values({
        agency_id: dossier.agency_id,
        id: invitation.invitationId,
        device_id: device.id,
        dossier_id: dossier.id,
        invited_at: invitation.invitedAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const target = { table: 'rating_invitation', key: row.id };
    await appendAudit(trx, deps, {
      agencyId: dossier.agency_id,
      action: 'device.invitation_sent',
      target,
      after: row,
    });
  });
  await deps.bus?.publish(deviceTopic(device.id), invitation);
  return { ...invitation, deviceId: device.id };
}
