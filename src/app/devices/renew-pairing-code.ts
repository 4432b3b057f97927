import { DomainError } from '#domain/errors.ts';
import type { AppDeps } from '../deps.ts';
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
  const updated = await deps.db
    .updateTable('rating_device')
    .set({ pairing_code_digest: pairingCodeDigest(pairingCode), pairing_expires_at: expiresAt })
    .where('id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw new DomainError('DEVICE_NOT_FOUND');
  return { deviceId, pairingCode, pairingExpiresAt: expiresAt.toISOString() };
}
