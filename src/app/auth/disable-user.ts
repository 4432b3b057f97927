import { DomainError } from '#domain/errors.ts';
import type { AppDeps } from '../deps.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import { STAFF_ACCOUNT_AUDITED_COLUMNS, staffAccountAuditRecord } from '../audit/audited-records.ts';
import { inTransaction } from '../transaction.ts';
import { revokeUserSessions } from './sign-out-everywhere.ts';

/**
 * Disables an account (someone left the agency): it can no longer sign in and its sessions end.
 * The row stays, so the audit chain keeps naming who did what. The log gets `user.disabled`
 * (system chain) with the account before and after, never its password hash; ending the
 * sessions is not logged (sessions are not data).
 */
export async function disableUser(deps: AppDeps, userId: string): Promise<void> {
  const now = new Date(deps.now());
  await inTransaction(deps.db, async (trx) => {
    const before = await trx
      .selectFrom('staff_user')
      .select(STAFF_ACCOUNT_AUDITED_COLUMNS)
      .where('id', '=', userId)
      .where('disabled_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new DomainError('USER_NOT_FOUND');
    const after = await trx
      .updateTable('staff_user')
      .set({ disabled_at: now })
      .where('id', '=', userId)
      .returning(STAFF_ACCOUNT_AUDITED_COLUMNS)
      .executeTakeFirstOrThrow();
    await revokeUserSessions(trx, now, userId);
    await appendAudit(trx, deps, {
      agencyId: null,
      action: 'user.disabled',
      target: { table: 'staff_user', key: userId },
      before: staffAccountAuditRecord(before),
      after: staffAccountAuditRecord(after),
    });
  });
}
