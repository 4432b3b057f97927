import { DomainError } from '#domain/errors.ts';
import type { Db } from '../deps.ts';
import { currentRequestContext } from '../request-context.ts';

/**
 * The staff member a correction, decision, appeal or paper slip is recorded against: the
 * signed-in account and the official it is linked to (staff_user.official_id), if any. Taken
 * from the session, never from the request body: naming someone else would let one person both
 * propose and approve a correction (Nghị định 61/2018 Điều 27).
 */
export interface ActingUser {
  userId: string;
  officialId: string | null;
}

/** The current request's staff account, read again from staff_user (its official link may have changed). */
export async function actingStaffUser(db: Db): Promise<ActingUser> {
  const { actor } = currentRequestContext();
  if (actor.kind !== 'staff') throw new DomainError('UNAUTHENTICATED');
  const row = await db
    .selectFrom('staff_user')
    .select(['id', 'official_id'])
    .where('id', '=', actor.userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  // A session outliving its account (disabled meanwhile) acts for nobody.
  if (!row) throw new DomainError('UNAUTHENTICATED');
  return { userId: row.id, officialId: row.official_id };
}
