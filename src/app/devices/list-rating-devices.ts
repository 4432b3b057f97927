import { NO_AGENCY, visibleAgencyIds } from '../auth/actor-scope.ts';
import type { Db } from '../deps.ts';

export interface RatingDeviceSummary {
  deviceId: string;
  name: string;
  agencyId: string;
  counterId: string;
  counterName: string;
  deskName: string;
  status: 'awaiting_pairing' | 'paired' | 'revoked';
  pairedAt: string | null;
  pairingExpiresAt: string | null;
}

/** The counter devices, for the administrator's list and the official's "Mời đánh giá" choice. */
export async function listRatingDevices(
  db: Db,
  filter: { agencyId?: string; includeRevoked?: boolean } = {},
): Promise<RatingDeviceSummary[]> {
  let query = db
    .selectFrom('rating_device')
    .innerJoin('counter', 'counter.id', 'rating_device.counter_id')
    .innerJoin('desk', 'desk.id', 'counter.desk_id')
    .select([
      'rating_device.id',
      'rating_device.name',
      'rating_device.agency_id',
      'rating_device.counter_id',
      'rating_device.paired_at',
      'rating_device.revoked_at',
      'rating_device.pairing_expires_at',
      'counter.name as counterName',
      'desk.name as deskName',
    ])
    .orderBy('desk.name')
    .orderBy('counter.name')
    .orderBy('rating_device.name');
  if (filter.agencyId !== undefined) query = query.where('rating_device.agency_id', '=', filter.agencyId);
  // Managers see their agencies' devices; counter officials those they may invite on (issue 5).
  const visible = await visibleAgencyIds(db, ['device.manage', 'dossier.invite_rating']);
  if (visible !== null) query = query.where('rating_device.agency_id', 'in', [NO_AGENCY, ...visible]);
  if (filter.includeRevoked !== true) query = query.where('rating_device.revoked_at', 'is', null);
  const rows = await query.execute();
  return rows.map((row) => ({
    deviceId: row.id,
    name: row.name,
    agencyId: row.agency_id,
    counterId: row.counter_id,
    counterName: row.counterName,
    deskName: row.deskName,
    status: row.revoked_at !== null ? 'revoked' : row.paired_at !== null ? 'paired' : 'awaiting_pairing',
    pairedAt: row.paired_at?.toISOString() ?? null,
    pairingExpiresAt: row.pairing_expires_at?.toISOString() ?? null,
  }));
}
