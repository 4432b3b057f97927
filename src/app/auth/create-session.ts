import type { AppDeps } from '../deps.ts';
import {
  SESSION_IDLE_MS,
  csrfTokenOf,
  newCsrfSecret,
  newSessionToken,
  sessionIdOf,
} from './session-tokens.ts';

/** A session just opened: the token goes into the cookie and is never stored. */
export interface OpenedSession {
  token: string;
  sessionId: string;
  userId: string;
  csrfToken: string;
  expiresAt: string;
}

/** Opens a session for a user who has just proved who they are. */
export async function createSession(
  deps: AppDeps,
  userId: string,
  userAgent: string | null,
): Promise<OpenedSession> {
  const token = newSessionToken();
  const sessionId = sessionIdOf(token);
  const csrfSecret = newCsrfSecret();
  const now = deps.now();
  const expiresAt = new Date(now + SESSION_IDLE_MS);
  await deps.db
    .insertInto('staff_session')
    .values({
      id: sessionId,
      user_id: userId,
      created_at: new Date(now),
      last_seen_at: new Date(now),
      expires_at: expiresAt,
      user_agent: userAgent === null ? null : userAgent.slice(0, 300),
      csrf_secret: csrfSecret,
    })
    .execute();
  return {
    token,
    sessionId,
    userId,
    csrfToken: csrfTokenOf(csrfSecret, sessionId),
    expiresAt: expiresAt.toISOString(),
  };
}
