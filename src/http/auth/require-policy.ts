import type { FastifyRequest } from 'fastify';
import { currentRequestContext } from '#app/request-context.ts';
import { can, canAnywhere, type Action, type Resource } from '#domain/auth/policy.ts';
import { DomainError } from '#domain/errors.ts';

/** The resource(s) a request acts on; with several, the actor needs the action on each. */
export type ResourceOf =
  | Resource
  | ((request: FastifyRequest) => Resource | readonly Resource[] | Promise<Resource | readonly Resource[]>);

export interface PolicyOptions {
  /**
   * Answer 404 instead of 403 when the actor holds the action elsewhere but the resource is
   * outside their subtree: whether a dossier of another agency exists is itself not theirs to know.
   */
  hideOutside?: boolean;
}

/**
 * preHandler factory every route declares (issue 5, point 2): 401 without a signed-in actor,
 * 403 when the policy says no, 404 for resources outside the actor's scope when `hideOutside`.
 */
export function requirePolicy(action: Action, resourceOf: ResourceOf, options: PolicyOptions = {}) {
  return async (request: FastifyRequest): Promise<void> => {
    const { actor } = currentRequestContext();
    if (actor.kind === 'anonymous') throw new DomainError('UNAUTHENTICATED');
    const found = typeof resourceOf === 'function' ? await resourceOf(request) : resourceOf;
    const resources: readonly Resource[] = Array.isArray(found) ? found : [found as Resource];
    if (resources.every((resource) => can(actor, action, resource))) return;
    if (options.hideOutside === true && canAnywhere(actor, action)) throw new DomainError('NOT_FOUND');
    throw new DomainError('FORBIDDEN', { details: { action } });
  };
}
