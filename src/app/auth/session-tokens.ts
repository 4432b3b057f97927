import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The session cookie's name. */
export const SESSION_COOKIE = 'hl_session';

/** A session ends after this long without a request (sliding expiry)… */
export const SESSION_IDLE_MS = 12 * 60 * 60_000;
/** …and at the latest this long after sign-in. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60_000;

/** A new random session token (256 bits, base64url): what the cookie holds. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The session's id in the database: SHA-256 of the token, so the table opens no session. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new per-session CSRF secret. */
export function newCsrfSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The CSRF token the page sends back in `x-csrf-token`: keyed by the session's secret. */
export function csrfTokenOf(secret: string, sessionId: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionId}`).digest('base64url');
}

/** Constant-time comparison of a presented CSRF token with the session's. */
export function csrfTokenMatches(secret: string, sessionId: string, presented: string): boolean {
  const expected = Buffer.from(csrfTokenOf(secret, sessionId));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
