import { DomainError } from '#domain/errors.ts';
import type { AppDeps } from '../deps.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import { STAFF_ACCOUNT_AUDITED_COLUMNS, staffAccountAuditRecord } from '../audit/audited-records.ts';
import { inTransaction } from '../transaction.ts';
import { assertPasswordRules, hashPassword, verifyPassword } from './passwords.ts';
import { revokeUserSessions } from './sign-out-everywhere.ts';

export interface ChangePasswordInput {
  userId: string;
  currentPassword: string;
  newPassword: string;
  /** The session asking: it stays open, every other session of the user ends. */
  sessionId: string | null;
}

/**
 * Changes one's own password after checking the current one; other sessions are signed out. The
 * log gets `user.password_changed` (system chain) with the account before and after *without*
 * its password hash: only the new `password_changed_at` tells the two apart, so no entry helps
 * anyone learn or test a password.
 */
export async function changePassword(deps: AppDeps, input: ChangePasswordInput): Promise<void> {
  const user = await deps.db
    .selectFrom('staff_user')
    .select(['id', 'username', 'password_hash'])
    .where('id', '=', input.userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user) throw new DomainError('USER_NOT_FOUND');
  if (!(await verifyPassword(user.password_hash, input.currentPassword)))
    throw new DomainError('PASSWORD_INCORRECT', {
      problems: [{ field: 'currentPassword', message: 'mật khẩu hiện tại không đúng' }],
    });
  assertPasswordRules(user.username, input.newPassword, 'newPassword');
  if (input.newPassword === input.currentPassword)
    throw new DomainError('PASSWORD_WEAK', {
      problems: [{ field: 'newPassword', message: 'mật khẩu mới phải khác mật khẩu hiện tại' }],
    });
  const passwordHash = await hashPassword(input.newPassword);
  const now = new Date(deps.now());
  await inTransaction(deps.db, async (trx) => {
    const before = await trx
      .selectFrom('staff_user')
      .select(STAFF_ACCOUNT_AUDITED_COLUMNS)
      .where('id', '=', user.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const after = await trx
      .updateTable('staff_user')
      .set({ password_hash: passwordHash, password_changed_at: now })
      .where('id', '=', user.id)
      .returning(STAFF_ACCOUNT_AUDITED_COLUMNS)
      .executeTakeFirstOrThrow();
    await revokeUserSessions(trx, now, user.id, input.sessionId);
    await appendAudit(trx, deps, {
      agencyId: null,
      action: 'user.password_changed',
      target: { table: 'staff_user', key: user.id },
      before: staffAccountAuditRecord(before),
      after: staffAccountAuditRecord(after),
    });
  });
}
