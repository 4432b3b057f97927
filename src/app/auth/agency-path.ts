import type { Resource } from '#domain/auth/policy.ts';
import { DomainError } from '#domain/errors.ts';
import type { Db } from '../deps.ts';

/**
 * Agency paths change only when the catalog moves an agency, which is rare: a short-lived cache
 * spares every authorized request a recursive query, and a move is seen within the minute.
 */
const CACHE_MS = 30_000;
const MAX_ENTRIES = 10_000;

interface Cached {
  path: readonly string[];
  until: number;
}
let cache = new WeakMap<Db, Map<string, Cached>>();

/** Forgets the cached paths (after moving an agency, when the change must count at once). */
export function forgetAgencyPaths(): void {
  cache = new WeakMap();
}

/** The ids from the root of the agency tree down to `agencyId` (AGENCY_NOT_FOUND when unknown). */
export async function agencyPath(db: Db, agencyId: string): Promise<readonly string[]> {
  let entries = cache.get(db);
  if (!entries) {
    entries = new Map();
    cache.set(db, entries);
  }
  const now = Date.now();
  const hit = entries.get(agencyId);
  if (hit && hit.until > now) return hit.path;
  const rows = await db
    .withRecursive('up(id, parent_id, depth)', (qb) =>
      qb
        .selectFrom('agency')
        .select(['id', 'parent_id', (eb) => eb.lit(0).as('depth')])
        .where('id', '=', agencyId)
        .unionAll((inner) =>
          inner
            .selectFrom('agency')
            .innerJoin('up', 'up.parent_id', 'agency.id')
            // A cycle cannot be saved (AGENCY_CYCLE), but a bound keeps a bad row from looping.
            .where('up.depth', '<', 64)
            .select(['agency.id', 'agency.parent_id', (eb) => eb(eb.ref('up.depth'), '+', 1).as('depth')]),
        ),
    )
    .selectFrom('up')
    .select(['id', 'depth'])
    .orderBy('depth', 'desc')
    .execute();
  if (rows.length === 0) throw new DomainError('AGENCY_NOT_FOUND');
  const path = rows.map((row) => row.id);
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(agencyId, { path, until: now + CACHE_MS });
  return path;
}

/** The policy resource of an agency (for `policy(action, resourceOf)` in http/auth/route-access.ts). */
export async function agencyResource(db: Db, agencyId: string): Promise<Resource> {
  return { agencyPath: await agencyPath(db, agencyId) };
}
