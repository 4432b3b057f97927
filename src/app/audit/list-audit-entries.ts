import type { AuditEntry } from '#domain/audit/audit-entry.ts';
import type { AppDeps } from '../deps.ts';
import { auditEntryFromRow } from './audit-entry-rows.ts';

export interface AuditEntryFilter {
  /** One chain (an agency id, or the nil UUID for the system chain). */
  agencyId?: string;
  /** An action, or a prefix ending in '.' (`rating.` for every rating action). */
  action?: string;
  /** Matches the actor's id or name exactly (a username, a device id…). */
  actor?: string;
  /** ISO instants: from inclusive, to exclusive. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface AuditEntryListItem extends AuditEntry {
  agencyName: string | null;
}

/** The audit log for the back office, newest first, filtered and paged. */
export async function listAuditEntries(
  deps: AppDeps,
  filter: AuditEntryFilter,
): Promise<{ entries: AuditEntryListItem[]; total: number }> {
  let query = deps.db.selectFrom('audit_entry');
  if (filter.agencyId !== undefined) query = query.where('audit_entry.agency_id', '=', filter.agencyId);
  if (filter.action !== undefined) {
    query = filter.action.endsWith('.')
      ? query.where('action', 'like', `${filter.action.replace(/[\\%_]/g, (char) => `\\${char}`)}%`)
      : query.where('action', '=', filter.action);
  }
  if (filter.actor !== undefined) {
    const actor = filter.actor;
    query = query.where((eb) => eb.or([eb('actor_id', '=', actor), eb('actor_name', '=', actor)]));
  }
  if (filter.from !== undefined) query = query.where('at', '>=', new Date(filter.from));
  if (filter.to !== undefined) query = query.where('at', '<', new Date(filter.to));
  const counted = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .leftJoin('agency', 'agency.id', 'audit_entry.agency_id')
    .selectAll('audit_entry')
    .select('agency.name as agency_name')
    .orderBy('audit_entry.at', 'desc')
    .orderBy('audit_entry.agency_id')
    .orderBy('audit_entry.seq', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return {
    total: counted.n,
    entries: rows.map((row) => ({ ...auditEntryFromRow(row), agencyName: row.agency_name })),
  };
}
