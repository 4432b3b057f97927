import type { Db } from '../deps.ts';

/** Every agency with its parent, for the tree (any depth). */
export async function listAgencies(db: Db) {
  return db.selectFrom('agency').selectAll().orderBy('code').execute();
}

/** Desks with their counters. */
export async function listDesks(db: Db) {
  const [desks, counters] = await Promise.all([
    db
      .selectFrom('desk')
      .innerJoin('agency', 'agency.id', 'desk.agency_id')
      .selectAll('desk')
      .select('agency.code as agency_code')
      .orderBy('agency.code')
      .orderBy('desk.code')
      .execute(),
    db.selectFrom('counter').selectAll().orderBy('code').execute(),
  ]);
  return desks.map((desk) => ({
    ...desk,
    counters: counters.filter((counter) => counter.desk_id === desk.id),
  }));
}

/** Officials, optionally of one agency. */
export async function listOfficials(db: Db, agencyId?: string) {
  let query = db
    .selectFrom('official')
    .innerJoin('agency', 'agency.id', 'official.agency_id')
    .selectAll('official')
    .select('agency.code as agency_code');
  if (agencyId !== undefined) query = query.where('official.agency_id', '=', agencyId);
  return query.orderBy('official.code').execute();
}

/** Procedures, optionally of one sector. */
export async function listProcedures(db: Db, sector?: string) {
  let query = db.selectFrom('procedure').selectAll();
  if (sector !== undefined) query = query.where('sector', '=', sector);
  return query.orderBy('code').execute();
}
