import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor } from '#domain/auth/actor.ts';

/** Who is acting and under which request id: what the audit chain records with every change. */
export interface RequestContext {
  actor: Actor;
  requestId: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Outside any request (CLI, demo seed, scheduled work) the actor is the system itself. */
const OUTSIDE_REQUESTS: RequestContext = { actor: { kind: 'system', name: 'cli' }, requestId: null };

export function currentRequestContext(): RequestContext {
  return storage.getStore() ?? OUTSIDE_REQUESTS;
}

/**
 * Runs the rest of an HTTP request in its context (the first request hook calls `next` through
 * this): every later hook, the handler and its use cases see it.
 */
export function runInRequestContext(context: RequestContext, next: () => void): void {
  storage.run({ ...context }, next);
}

/** Runs `work` as `actor` (CLI commands that act for a named operator, tests). */
export function runAs<T>(actor: Actor, work: () => T, requestId: string | null = null): T {
  return storage.run({ actor, requestId }, work);
}

/** Once a request has proved who sent it (session cookie, device or integration signature). */
export function setRequestActor(actor: Actor): void {
  const store = storage.getStore();
  if (store) store.actor = actor;
}
