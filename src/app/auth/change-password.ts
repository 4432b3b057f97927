import { DomainError } from '#domain/errors.ts';
import type { AppDeps } from '../deps.ts';
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

/** Changes one's own password after checking the current one; other sessions are signed out. */
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
    await trx
      .updateTable('staff_user')
      .set({ password_hash: passwordHash, password_changed_at: now })
      .where('id', '=', user.id)
      .execute();
    await revokeUserSessions(trx, now, user.id, input.sessionId);
  });
}
