import { DomainError } from '#domain/errors.ts';
import type { AppDeps } from '../deps.ts';
import { inTransaction } from '../transaction.ts';
import {
  PAIRING_VALID_MINUTES,
  newPairingCode,
  pairingCodeDigest,
  type RegisteredDevice,
} from './pairing-code.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';

/**
 * Registers a counter rating device (kiosk or tablet) to a counter and gives the one-time
 * pairing code the administrator types on it (issue 4, point 4).
 */
export async function registerRatingDevice(
  deps: AppDeps,
  input: { counterId: string; name: string },
): Promise<RegisteredDevice> {
  return inTransaction(deps.db, async (trx) => {
    const counter = await trx
      .selectFrom('counter')
      .innerJoin('desk', 'desk.id', 'counter.desk_id')
      .select(['counter.id', 'desk.agency_id'])
      .where('counter.id', '=', input.counterId)
      .executeTakeFirst();
    if (!counter)
      throw new DomainError('COUNTER_NOT_FOUND', {
        problems: [{ field: 'counterId', message: 'không có quầy này' }],
      });
    const deviceId = deps.newId();
    const pairingCode = newPairingCode();
    const expiresAt = new Date(deps.now() + PAIRING_VALID_MINUTES * 60_000);
    const row = await trx
      .insertInto('rating_device')
      .values({
        agency_id: counter.agency_id,
        id: deviceId,
        counter_id: counter.id,
        name: input.name,
        pairing_code_digest: pairingCodeDigest(pairingCode),
        pairing_expires_at: expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, deps, {
      agencyId: null,
      action: 'device.registered',
      target: { table: 'rating_device', key: deviceId },
      after: row,
    });
    return { deviceId, pairingCode, pairingExpiresAt: expiresAt.toISOString() };
  });
}
