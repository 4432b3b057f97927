import type { Db } from '../deps.ts';

/** The ids of `rootId` and all its descendants, at any depth. */
export async function agencySubtreeIds(db: Db, rootId: string): Promise<string[]> {
  const rows = await db
    .withRecursive('sub(id)', (qb) =>
      qb
        .selectFrom('agency')
        .select('id')
        .where('id', '=', rootId)
        .unionAll((inner) =>
          inner.selectFrom('agency').innerJoin('sub', 'sub.id', 'agency.parent_id').select('agency.id'),
        ),
    )
    .selectFrom('sub')
    .select('id')
    .execute();
  return rows.map((row) => row.id);
}
