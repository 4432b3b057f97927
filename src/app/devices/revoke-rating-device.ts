import { DomainError } from '#domain/errors.ts';
import type { AppDeps } from '../deps.ts';
import { inTransaction } from '../transaction.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';

/** Takes a device out of service: its key no longer opens the stream or delivers ratings. */
export async function revokeRatingDevice(deps: AppDeps, deviceId: string): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const revoked = await trx
      .updateTable('rating_device')
      .set({ revoked_at: new Date(deps.now()), pairing_code_digest: null })
      .where('id', '=', deviceId)
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!revoked) throw new DomainError('DEVICE_NOT_FOUND');
    const target = { table: 'rating_device', key: deviceId };
    await appendAudit(trx, deps, { agencyId: null, action: 'device.revoked', target, after: revoked });
  });
}
