import type { Db } from '../deps.ts';
import { currentRequestContext } from '../request-context.ts';

/** The revisions of an agency's report for a period, newest first. */
export async function unitReportRevisions(db: Db, agencyId: string, period: string) {
  return db
    .selectFrom('unit_report')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('period', '=', period)
    .orderBy('revision', 'desc')
    .execute();
}

/** The latest revision, locked for the rest of the transaction (edits and submits are serialised). */
export async function latestRevisionForUpdate(trx: Db, agencyId: string, period: string) {
  return trx
    .selectFrom('unit_report')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('period', '=', period)
    .orderBy('revision', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

/** The signed-in account making the change; null for the system (CLI, seed). */
export function actingUserId(): string | null {
  const { actor } = currentRequestContext();
  return actor.kind === 'staff' ? actor.userId : null;
}

/** The audit key of a revision: '2025-Q3/2'. */
export function revisionKey(period: string, revision: number): string {
  return `${period}/${revision}`;
}

/** Display names of the accounts named by revisions (who saved, who sent). */
export async function userNames(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('staff_user')
    .select(['id', 'display_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}
