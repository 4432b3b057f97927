import { scopeOf, type Action } from '#domain/auth/policy.ts';
import { agencySubtreeIds } from '../catalog/agency-subtree.ts';
import type { Db } from '../deps.ts';
import { currentRequestContext } from '../request-context.ts';

/** A uuid no agency has: `IN ()` is not valid SQL, and an empty scope must match nothing. */
export const NO_AGENCY = '00000000-0000-0000-0000-000000000000';

/**
 * The agencies whose rows the current actor may see for `action` (any of several), for list use cases: null
 * when everywhere (global grants, the CLI), otherwise the ids of every subtree their grants
 * root (possibly none). Read from the request context, so a list can never forget the caller.
 */
export async function visibleAgencyIds(
  db: Db,
  action: Action | readonly Action[],
): Promise<readonly string[] | null> {
  const { actor } = currentRequestContext();
  const roots = new Set<string>();
  for (const one of typeof action === 'string' ? [action] : action) {
    const scope = scopeOf(actor, one);
    if (scope.everywhere) return null;
    for (const root of scope.roots) roots.add(root);
  }
  const ids = new Set<string>();
  for (const root of roots) for (const id of await agencySubtreeIds(db, root)) ids.add(id);
  return [...ids];
}

/**
 * Narrows `ids` (or "all" when null) to the visible ones: what a list filters on. An empty
 * answer means nothing is visible; callers then return an empty list without querying.
 */
export function narrowAgencyIds(
  visible: readonly string[] | null,
  requested: readonly string[] | null,
): readonly string[] | null {
  if (visible === null) return requested;
  if (requested === null) return visible;
  const allowed = new Set(visible);
  return requested.filter((id) => allowed.has(id));
}
