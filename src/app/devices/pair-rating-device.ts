import { createPublicKey, type KeyObject } from 'node:crypto';
import { DomainError } from '#domain/errors.ts';
import type { DeviceIdentity } from '#shared/device-protocol.ts';
import type { AppDeps } from '../deps.ts';
import { inTransaction } from '../transaction.ts';
import { loadDeviceIdentity } from './load-device-identity.ts';
import { pairingCodeDigest } from './pairing-code.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';

function p256Key(publicKey: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw new DomainError('VALIDATION_FAILED', {
      problems: [{ field: 'publicKey', message: 'không phải khóa công khai SPKI (base64)' }],
    });
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new DomainError('VALIDATION_FAILED', {
      problems: [{ field: 'publicKey', message: 'phải là khóa ECDSA P-256' }],
    });
  }
  return key;
}

/**
 * The device proves it was handed the one-time code and registers the public half of the key
 * it made (issue 4: "the device pairs with a one-time code and holds its own key"). The code
 * works once; pairing again later needs a new code and replaces the key.
 */
export async function pairRatingDevice(
  deps: AppDeps,
  input: { pairingCode: string; publicKey: string },
): Promise<DeviceIdentity> {
  const key = p256Key(input.publicKey);
  return inTransaction(deps.db, async (trx) => {
    const paired = await trx
      .updateTable('rating_device')
      .set({
        public_key: key.export({ type: 'spki', format: 'pem' }).toString(),
        paired_at: new Date(deps.now()),
        pairing_code_digest: null,
        pairing_expires_at: null,
      })
      .where('pairing_code_digest', '=', pairingCodeDigest(input.pairingCode))
      .where('pairing_expires_at', '>', new Date(deps.now()))
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!paired) throw new DomainError('DEVICE_PAIRING_INVALID');
    const target = { table: 'rating_device', key: paired.id };
    await appendAudit(trx, deps, { agencyId: null, action: 'device.paired', target, after: paired });
    const identity = await loadDeviceIdentity(trx, paired.id);
    if (!identity) throw new DomainError('DEVICE_NOT_FOUND');
    return identity;
  });
}
