import fastifyCookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { resolveSession, type ResolvedSession } from '#app/auth/resolve-session.ts';
import { SESSION_COOKIE, SESSION_MAX_MS } from '#app/auth/session-tokens.ts';
import { setRequestActor } from '#app/request-context.ts';
import type { HttpContext, ZodApp } from '../context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The staff session of the request's cookie, when it is live (set by the onRequest hook). */
    staffSession: ResolvedSession | null;
    /** Mark cookies Secure whatever the protocol (HAILONG_SECURE_COOKIES=1). */
    secureCookiesAlways: boolean;
  }
}

export interface SessionCookieSettings {
  /** Mark the cookie Secure even on plain HTTP (HAILONG_SECURE_COOKIES=1, behind a TLS proxy). */
  secureCookies?: boolean;
}

/**
 * Staff sessions over HTTP (issue 5, point 1): the `hl_session` cookie is resolved on every
 * request into the request context's actor, so the handlers, use cases and the audit chain see
 * who acts. Nothing is refused here: routes refuse by their declared access (route-access.ts).
 */
export async function registerSessionAuth(
  app: ZodApp,
  ctx: HttpContext,
  settings: SessionCookieSettings = {},
): Promise<void> {
  const secureAlways = settings.secureCookies === true;
  await app.register(fastifyCookie);
  app.decorateRequest('staffSession', null);
  app.decorateRequest('secureCookiesAlways', false);
  app.addHook('onRequest', async (request) => {
    request.secureCookiesAlways = secureAlways;
    const token = request.cookies[SESSION_COOKIE];
    if (token === undefined || token.length === 0) return;
    const session = await resolveSession(ctx.deps, token);
    if (!session) return;
    request.staffSession = session;
    setRequestActor(session.actor);
  });
}

function isSecure(request: FastifyRequest): boolean {
  return request.secureCookiesAlways || request.protocol === 'https';
}

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent with cross-site
 * posts), Path=/, Secure over HTTPS. It lives as long as a session may (the server ends idle
 * sessions sooner).
 */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: isSecure(request),
    maxAge: Math.floor(SESSION_MAX_MS / 1000),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: isSecure(request),
  });
}
