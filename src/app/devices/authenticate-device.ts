import { createPublicKey, verify } from 'node:crypto';
import { DomainError } from '#domain/errors.ts';
import { DEVICE_STREAM_WINDOW_MS, deviceStreamMessage } from '#shared/device-protocol.ts';
import type { AppDeps } from '../deps.ts';

export interface AuthenticatedDevice {
  agencyId: string;
  id: string;
  counterId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks that `signature` (base64url, IEEE P1363 as WebCrypto makes it) is the paired, not
 * revoked device's ECDSA P-256 signature of `message`. Only the device's own key can pass:
 * a counter official's browser has no way to submit a device rating.
 */
export async function authenticateDevice(
  deps: AppDeps,
  deviceId: string,
  message: Buffer | string,
  signature: string | undefined,
): Promise<AuthenticatedDevice> {
  const refuse = (): never => {
    throw new DomainError('DEVICE_UNAUTHORIZED');
  };
  if (!UUID.test(deviceId) || signature === undefined || signature.length > 200) return refuse();
  const device = await deps.db
    .selectFrom('rating_device')
    .select(['agency_id', 'id', 'counter_id', 'public_key'])
    .where('id', '=', deviceId.toLowerCase())
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!device || device.public_key === null) return refuse();
  const ok = verify(
    'sha256',
    typeof message === 'string' ? Buffer.from(message) : message,
    { key: createPublicKey(device.public_key), dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!ok) refuse();
  return { agencyId: device.agency_id, id: device.id, counterId: device.counter_id };
}

/** The event stream is opened with a signed, recent timestamp (replays outside the window fail). */
export async function authenticateDeviceStream(
  deps: AppDeps,
  deviceId: string,
  timestamp: number,
  signature: string | undefined,
): Promise<AuthenticatedDevice> {
  if (!Number.isFinite(timestamp) || Math.abs(deps.now() - timestamp) > DEVICE_STREAM_WINDOW_MS)
    throw new DomainError('DEVICE_UNAUTHORIZED');
  return authenticateDevice(deps, deviceId, deviceStreamMessage(deviceId, timestamp), signature);
}
