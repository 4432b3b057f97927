import { DomainError } from '#domain/errors.ts';
import type { AppDeps } from '../deps.ts';

/** Takes a device out of service: its key no longer opens the stream or delivers ratings. */
export async function revokeRatingDevice(deps: AppDeps, deviceId: string): Promise<void> {
  const updated = await deps.db
    .updateTable('rating_device')
    .set({ revoked_at: new Date(deps.now()), pairing_code_digest: null })
    .where('id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw new DomainError('DEVICE_NOT_FOUND');
}
