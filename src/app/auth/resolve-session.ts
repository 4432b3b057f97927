import type { AppDeps } from '../deps.ts';
import { loadStaffActor, type StaffActor } from './load-staff-actor.ts';
import { SESSION_IDLE_MS, SESSION_MAX_MS, csrfTokenOf, sessionIdOf } from './session-tokens.ts';

/** A live session, as the HTTP layer keeps it for the rest of the request. */
export interface ResolvedSession {
  sessionId: string;
  actor: StaffActor;
  csrfSecret: string;
  csrfToken: string;
  expiresAt: string;
}

/** Writing last_seen_at on every request is wasted work: once a minute is precise enough. */
const TOUCH_AFTER_MS = 60_000;

/**
 * The session of a cookie's token: null when unknown, revoked, expired or its user disabled.
 * Sliding expiry: each use moves the end to 12 hours later, never beyond 7 days after sign-in.
 */
export async function resolveSession(deps: AppDeps, token: string): Promise<ResolvedSession | null> {
  if (token.length < 20 || token.length > 200) return null;
  const sessionId = sessionIdOf(token);
  const session = await deps.db
    .selectFrom('staff_session')
    .select(['user_id', 'created_at', 'last_seen_at', 'expires_at', 'revoked_at', 'csrf_secret'])
    .where('id', '=', sessionId)
    .executeTakeFirst();
  const now = deps.now();
  if (!session || session.revoked_at !== null || session.expires_at.getTime() <= now) return null;
  const actor = await loadStaffActor(deps.db, session.user_id);
  if (!actor) return null;
  let expiresAt = session.expires_at;
  if (now - session.last_seen_at.getTime() >= TOUCH_AFTER_MS) {
    expiresAt = new Date(Math.min(now + SESSION_IDLE_MS, session.created_at.getTime() + SESSION_MAX_MS));
    await deps.db
      .updateTable('staff_session')
      .set({ last_seen_at: new Date(now), expires_at: expiresAt })
      .where('id', '=', sessionId)
      .execute();
  }
  return {
    sessionId,
    actor,
    csrfSecret: session.csrf_secret,
    csrfToken: csrfTokenOf(session.csrf_secret, sessionId),
    expiresAt: expiresAt.toISOString(),
  };
}
