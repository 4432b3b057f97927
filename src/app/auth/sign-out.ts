import type { AppDeps } from '../deps.ts';

/** Ends one session (the cookie's token no longer opens anything, even if kept). */
export async function signOut(deps: AppDeps, sessionId: string): Promise<void> {
  await deps.db
    .updateTable('staff_session')
    .set({ revoked_at: new Date(deps.now()) })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}
