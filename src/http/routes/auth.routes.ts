import { z } from 'zod';
import { changePassword } from '#app/auth/change-password.ts';
import { resolveSession } from '#app/auth/resolve-session.ts';
import { signIn } from '#app/auth/sign-in.ts';
import { signOut } from '#app/auth/sign-out.ts';
import { signOutEverywhere } from '#app/auth/sign-out-everywhere.ts';
import { PASSWORD_MAX_LENGTH } from '#app/auth/passwords.ts';
import { DomainError } from '#domain/errors.ts';
import { requireCsrf } from '../auth/csrf.ts';
import { publicAccess, signedInAccess } from '../auth/route-access.ts';
import { presentSession, SessionView } from '../auth/present-session.ts';
import { clearSessionCookie, setSessionCookie } from '../auth/session-auth.ts';
import type { HttpContext, ZodApp } from '../context.ts';
import { publicRateLimit } from '../rate-limits.ts';

const tags = ['auth'];
const Password = z.string().min(1).max(PASSWORD_MAX_LENGTH);

/**
 * Staff sign-in and sessions (issue 5, point 1). Sign-in is rate-limited per address (the
 * public limit) and per account (5 failures lock it for 15 minutes, app/auth/sign-in.ts).
 */
export function registerAuthRoutes(app: ZodApp, ctx: HttpContext): void {
  app.post(
    '/api/v1/auth/sign-in',
    {
      config: { ...publicRateLimit, access: publicAccess('signing in') },
      schema: {
        tags,
        summary: 'Sign in with username and password; sets the hl_session cookie',
        body: z.object({ username: z.string().trim().min(1).max(64), password: Password }).strict(),
        response: { 200: SessionView },
      },
    },
    async (request, reply) => {
      const opened = await signIn(ctx.deps, {
        username: request.body.username,
        password: request.body.password,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(request, reply, opened.token);
      return presentSession(await resolveSession(ctx.deps, opened.token));
    },
  );
  app.get(
    '/api/v1/auth/session',
    {
      config: { access: publicAccess('answers signedIn: false without a session') },
      schema: {
        tags,
        summary: 'Who is signed in (roles, CSRF token), or signedIn: false',
        response: { 200: SessionView },
      },
    },
    (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return presentSession(request.staffSession);
    },
  );
  app.post(
    '/api/v1/auth/sign-out',
    {
      config: { access: publicAccess('ending one’s own session, if any (CSRF-checked when there is one)') },
      preHandler: requireCsrf,
      schema: { tags, summary: 'End this session and clear its cookie' },
    },
    async (request, reply) => {
      if (request.staffSession) await signOut(ctx.deps, request.staffSession.sessionId);
      clearSessionCookie(request, reply);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/v1/auth/sign-out-everywhere',
    {
      config: { access: signedInAccess },
      schema: {
        tags,
        summary: 'End every session of the signed-in user (all devices), this one included',
        response: { 200: z.object({ ended: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const session = request.staffSession;
      if (!session) throw new DomainError('UNAUTHENTICATED');
      const ended = await signOutEverywhere(ctx.deps, session.actor.userId);
      clearSessionCookie(request, reply);
      return { ended };
    },
  );
  app.post(
    '/api/v1/auth/password',
    {
      config: { access: signedInAccess },
      schema: {
        tags,
        summary: "Change one's own password; the other sessions of the user end",
        body: z.object({ currentPassword: Password, newPassword: Password }).strict(),
      },
    },
    async (request, reply) => {
      const session = request.staffSession;
      if (!session) throw new DomainError('UNAUTHENTICATED');
      await changePassword(ctx.deps, {
        userId: session.actor.userId,
        currentPassword: request.body.currentPassword,
        newPassword: request.body.newPassword,
        sessionId: session.sessionId,
      });
      return reply.status(204).send();
    },
  );
}
