import type { AppDeps, Db } from '../deps.ts';

/**
 * Ends every session of a user (a lost phone, a shared computer), except `keepSessionId` when
 * given; returns how many were ended.
 */
export async function revokeUserSessions(
  db: Db,
  at: Date,
  userId: string,
  keepSessionId: string | null = null,
): Promise<number> {
  let query = db
    .updateTable('staff_session')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (keepSessionId !== null) query = query.where('id', '!=', keepSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** "Đăng xuất khỏi mọi thiết bị": every session of the user ends, this one included. */
export async function signOutEverywhere(deps: AppDeps, userId: string): Promise<number> {
  return revokeUserSessions(deps.db, new Date(deps.now()), userId);
}
