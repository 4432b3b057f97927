import { KIOSK_IDLE_RESET_MS, type DeviceInvitation } from '#shared/device-protocol.ts';
import type { AppDeps } from '../deps.ts';
import { issueRatingToken } from '../ratings/rating-tokens.ts';

/**
 * The invitation a device should still show when its stream (re)opens: the latest one made in
 * the last minute whose dossier has not been rated since. A device that reconnects after a
 * network blip therefore does not miss the official's "Mời đánh giá".
 */
export async function pendingInvitation(deps: AppDeps, deviceId: string): Promise<DeviceInvitation | null> {
  const row = await deps.db
    .selectFrom('rating_invitation')
    .innerJoin('dossier', (join) =>
      join
        .onRef('dossier.agency_id', '=', 'rating_invitation.agency_id')
        .onRef('dossier.id', '=', 'rating_invitation.dossier_id'),
    )
    .innerJoin('procedure', 'procedure.id', 'dossier.procedure_id')
    .innerJoin('agency', 'agency.id', 'dossier.agency_id')
    .innerJoin('rating_token', (join) =>
      join
        .onRef('rating_token.agency_id', '=', 'dossier.agency_id')
        .onRef('rating_token.dossier_id', '=', 'dossier.id'),
    )
    .select([
      'rating_invitation.id',
      'rating_invitation.invited_at',
      'dossier.id as dossierId',
      'dossier.code',
      'procedure.name as procedureName',
      'agency.name as agencyName',
    ])
    .where('rating_invitation.device_id', '=', deviceId)
    .where('rating_invitation.invited_at', '>', new Date(deps.now() - KIOSK_IDLE_RESET_MS))
    .where('rating_token.used_at', 'is', null)
    .orderBy('rating_invitation.invited_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const issued = await issueRatingToken(deps, { id: row.dossierId });
  return {
    invitationId: row.id,
    dossierCode: row.code,
    procedureName: row.procedureName,
    agencyName: row.agencyName,
    token: issued.token,
    invitedAt: row.invited_at.toISOString(),
  };
}
