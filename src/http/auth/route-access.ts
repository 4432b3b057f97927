import type { FastifyRequest, RouteOptions } from 'fastify';
import { currentRequestContext } from '#app/request-context.ts';
import { can, canAnywhere, type Action, type Resource } from '#domain/auth/policy.ts';
import { DomainError, type ErrorCode } from '#domain/errors.ts';
import { requireCsrf } from './csrf.ts';

/**
 * The resource(s) a request acts on, read from the request *before* its schema validation
 * (params, query, body as sent); with several, the actor needs the action on each. A resolver
 * that cannot identify the resource throws (fail closed): it never answers "no resource".
 */
export type ResourceOf =
  | Resource
  | ((request: FastifyRequest) => Resource | readonly Resource[] | Promise<Resource | readonly Resource[]>);

/**
 * Who may call a route — every route under /api declares one (issue 5, point 2: "every route
 * declares its policy"); the server refuses to start otherwise.
 * - `public`: anyone (citizen pages, health, sign-in); `why` says why it is safe.
 * - `signed`: the handler checks a device's or an integration's signature, not a session.
 * - `signedIn`: any signed-in staff member, about their own account.
 * - `policy`: `can(actor, action, resource)`; `hideAs` answers with that not-found error instead
 *   of 403 when the actor holds the action elsewhere: whether another agency's dossier exists is
 *   not theirs to know, so out of scope looks exactly like unknown (same status, same code).
 */
export type RouteAccess =
  | { kind: 'public'; why: string }
  | { kind: 'signed'; why: string }
  | { kind: 'signedIn' }
  | { kind: 'policy'; actions: readonly Action[]; resourceOf: ResourceOf; hideAs: ErrorCode | null };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export function publicAccess(why: string): RouteAccess {
  return { kind: 'public', why };
}

export function signedAccess(why: string): RouteAccess {
  return { kind: 'signed', why };
}

export const signedInAccess: RouteAccess = { kind: 'signedIn' };

/** `action` on the resource; with a list, any one of them (a list shared by two pages). */
export function policy(
  action: Action | readonly Action[],
  resourceOf: ResourceOf,
  options: { hideAs?: ErrorCode } = {},
): RouteAccess {
  const actions: readonly Action[] = typeof action === 'string' ? [action] : action;
  return { kind: 'policy', actions, resourceOf, hideAs: options.hideAs ?? null };
}

/** Routes of plugins we do not write (the OpenAPI viewer's pages): public documentation. */
const PLUGIN_PREFIXES = ['/api/docs'];

/**
 * Attaches each route's access check as its first preValidation step, so a caller who may not
 * use a route learns nothing, not even whether their input would have been valid. Cookie
 * sessions must also carry the CSRF token on state changes; public and signed routes run on
 * no ambient authority and need none. Call before any route is registered.
 */
export function registerRouteAccess(app: {
  addHook(name: 'onRoute', hook: (route: RouteOptions) => void): unknown;
}): void {
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access === undefined) {
      if (route.url.startsWith('/api/') && !PLUGIN_PREFIXES.some((prefix) => route.url.startsWith(prefix)))
        throw new Error(`${String(route.method)} ${route.url} declares no access (config.access)`);
      return;
    }
    if (access.kind === 'public' || access.kind === 'signed') return;
    const existing = route.preValidation;
    const rest = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
    route.preValidation = [checkAccess(access), ...rest];
  });
}

function checkAccess(access: Exclude<RouteAccess, { kind: 'public' | 'signed' }>) {
  return async (request: FastifyRequest): Promise<void> => {
    const { actor } = currentRequestContext();
    if (actor.kind !== 'staff' && actor.kind !== 'system') throw new DomainError('UNAUTHENTICATED');
    await requireCsrf(request);
    if (access.kind === 'signedIn') return;
    const held = access.actions.filter((action) => canAnywhere(actor, action));
    if (held.length === 0) throw new DomainError('FORBIDDEN', { details: { actions: access.actions } });
    const found =
      typeof access.resourceOf === 'function' ? await access.resourceOf(request) : access.resourceOf;
    const resources: readonly Resource[] = Array.isArray(found) ? found : [found as Resource];
    if (held.some((action) => resources.every((resource) => can(actor, action, resource)))) return;
    if (access.hideAs !== null) throw new DomainError(access.hideAs);
    throw new DomainError('FORBIDDEN', { details: { actions: access.actions } });
  };
}

/** The access a route declared (for the authorization walk over the OpenAPI document). */
export function routeAccessOf(route: { config?: { access?: RouteAccess } }): RouteAccess | undefined {
  return route.config?.access;
}
