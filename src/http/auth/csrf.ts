import type { FastifyRequest } from 'fastify';
import { csrfTokenMatches } from '#app/auth/session-tokens.ts';
import { DomainError } from '#domain/errors.ts';

/** The header that carries the CSRF token (from GET /api/v1/auth/session). */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * preHandler of state-changing routes: a request that rides on a session cookie must also
 * carry the session's CSRF token in `x-csrf-token`, which another site cannot read. Requests
 * without a session cookie (signed integrations, devices, the public pages) have no ambient
 * authority to abuse and pass.
 */
export async function requireCsrf(request: FastifyRequest): Promise<void> {
  const session = request.staffSession;
  if (session === null || SAFE_METHODS.has(request.method)) return;
  const presented = request.headers[CSRF_HEADER];
  if (typeof presented !== 'string' || !csrfTokenMatches(session.csrfSecret, session.sessionId, presented))
    throw new DomainError('CSRF_INVALID');
  return Promise.resolve();
}
