import { DomainError } from '#domain/errors.ts';
import type { AppDeps } from '../deps.ts';
import { inTransaction } from '../transaction.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import {
  PAIRING_VALID_MINUTES,
  newPairingCode,
  pairingCodeDigest,
  type RegisteredDevice,
} from './pairing-code.ts';

/**
 * A new pairing code for a device (replaced tablet, cleared browser): the old key stops
 * working as soon as the new one pairs.
 */
export async function renewPairingCode(deps: AppDeps, deviceId: string): Promise<RegisteredDevice> {
  const pairingCode = newPairingCode();
  const expiresAt = new Date(deps.now() + PAIRING_VALID_MINUTES * 60_000);
  await inTransaction(deps.db, async (trx) => {
    const renewed = await trx
      .updateTable('rating_device')
      .set({ pairing_code_digest: pairingCodeDigest(pairingCode), pairing_expires_at: expiresAt })
      .where('id', '=', deviceId)
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!renewed) throw new DomainError('DEVICE_NOT_FOUND');
    const target = { table: 'rating_device', key: deviceId };
    await appendAudit(trx, deps, {
      agencyId: null,
      action: 'device.pairing_renewed',
      target,
      after: renewed,
    });
  });
  return { deviceId, pairingCode, pairingExpiresAt: expiresAt.toISOString() };
}
