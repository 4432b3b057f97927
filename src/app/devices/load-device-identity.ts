import type { DeviceIdentity } from '#shared/device-protocol.ts';
import type { Db } from '../deps.ts';

/** The names a device shows on its screen: its counter, desk and agency. */
export async function loadDeviceIdentity(db: Db, deviceId: string): Promise<DeviceIdentity | undefined> {
  const row = await db
    .selectFrom('rating_device')
    .innerJoin('counter', 'counter.id', 'rating_device.counter_id')
    .innerJoin('desk', 'desk.id', 'counter.desk_id')
    .innerJoin('agency', 'agency.id', 'desk.agency_id')
    .select([
      'rating_device.id',
      'rating_device.name',
      'counter.name as counterName',
      'desk.name as deskName',
      'agency.name as agencyName',
    ])
    .where('rating_device.id', '=', deviceId)
    .executeTakeFirst();
  return row
    ? {
        deviceId: row.id,
        name: row.name,
        counterName: row.counterName,
        deskName: row.deskName,
        agencyName: row.agencyName,
      }
    : undefined;
}
