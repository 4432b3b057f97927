import { DomainError } from '#domain/errors.ts';
import type { AppDeps } from '../deps.ts';
import { createSession, type OpenedSession } from './create-session.ts';
import { verifyAgainstNothing, verifyPassword } from './passwords.ts';
import { normalizeUsername } from './usernames.ts';

/** Failed sign-ins in a row that lock an account… */
export const MAX_FAILED_ATTEMPTS = 5;
/** …for this long (brute force is slowed per account, whatever the address). */
export const LOCKOUT_MS = 15 * 60_000;

export interface SignInInput {
  username: string;
  password: string;
  userAgent?: string | null;
}

/**
 * Signs a staff member in: argon2id verification, a wrong password counts towards the lockout
 * (5 in a row lock the account for 15 minutes), an unknown username costs the same time as a
 * known one. A locked account is refused without looking at the password.
 */
export async function signIn(deps: AppDeps, input: SignInInput): Promise<OpenedSession> {
  const user = await deps.db
    .selectFrom('staff_user')
    .select(['id', 'password_hash', 'locked_until', 'disabled_at'])
    .where('username', '=', normalizeUsername(input.username))
    .executeTakeFirst();
  if (!user) {
    await verifyAgainstNothing(input.password);
    throw new DomainError('SIGN_IN_FAILED');
  }
  const now = deps.now();
  if (user.locked_until !== null && user.locked_until.getTime() > now)
    throw new DomainError('ACCOUNT_LOCKED', { details: { lockedUntil: user.locked_until.toISOString() } });
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await recordFailure(deps, user.id, now);
    throw await failureError(deps, user.id);
  }
  if (user.disabled_at !== null) throw new DomainError('ACCOUNT_DISABLED');
  await deps.db
    .updateTable('staff_user')
    .set({ failed_attempts: 0, locked_until: null })
    .where('id', '=', user.id)
    .execute();
  return createSession(deps, user.id, input.userAgent ?? null);
}

/** Counts one failure (atomically, concurrent guesses all count) and locks at the fifth. */
async function recordFailure(deps: AppDeps, userId: string, now: number): Promise<void> {
  const counted = await deps.db
    .updateTable('staff_user')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', userId)
    .returning('failed_attempts')
    .executeTakeFirstOrThrow();
  if (counted.failed_attempts >= MAX_FAILED_ATTEMPTS)
    await deps.db
      .updateTable('staff_user')
      .set({ failed_attempts: 0, locked_until: new Date(now + LOCKOUT_MS) })
      .where('id', '=', userId)
      .execute();
}

async function failureError(deps: AppDeps, userId: string): Promise<DomainError> {
  const user = await deps.db
    .selectFrom('staff_user')
    .select(['failed_attempts', 'locked_until'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (user.locked_until !== null && user.locked_until.getTime() > deps.now())
    return new DomainError('ACCOUNT_LOCKED', { details: { lockedUntil: user.locked_until.toISOString() } });
  return new DomainError('SIGN_IN_FAILED', {
    details: { attemptsLeft: MAX_FAILED_ATTEMPTS - user.failed_attempts },
  });
}
