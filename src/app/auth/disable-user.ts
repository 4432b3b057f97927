import { DomainError } from '#domain/errors.ts';
import type { AppDeps } from '../deps.ts';
import { inTransaction } from '../transaction.ts';
import { revokeUserSessions } from './sign-out-everywhere.ts';

/**
 * Disables an account (someone left the agency): it can no longer sign in and its sessions end.
 * The row stays, so the audit chain keeps naming who did what.
 */
export async function disableUser(deps: AppDeps, userId: string): Promise<void> {
  const now = new Date(deps.now());
  await inTransaction(deps.db, async (trx) => {
    const updated = await trx
      .updateTable('staff_user')
      .set({ disabled_at: now })
      .where('id', '=', userId)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new DomainError('USER_NOT_FOUND');
    await revokeUserSessions(trx, now, userId);
  });
}
