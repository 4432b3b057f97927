import { sql } from 'kysely';
import { toLocalDate } from '#domain/calendar/time.ts';
import type { ListDossiersQuery } from '#shared/dossier.schema.ts';
import type { AppDeps } from '../deps.ts';
import { agencySubtreeIds } from '../catalog/agency-subtree.ts';
import { NO_AGENCY, narrowAgencyIds, visibleAgencyIds } from '../auth/actor-scope.ts';

const OPEN = ['received', 'processing', 'awaiting_supplement'] as const;

/**
 * Searches dossiers: by code (contains), by agency (with its whole subtree), procedure,
 * status, timeliness (early / on time / late, or within time / overdue as of today) and
 * receipt period; newest first.
 */
export async function listDossiers(deps: AppDeps, query: ListDossiersQuery) {
  const today = toLocalDate(deps.now());
  let base = deps.db
    .selectFrom('dossier')
    .innerJoin('agency', 'agency.id', 'dossier.agency_id')
    .innerJoin('procedure', 'procedure.id', 'dossier.procedure_id');
  if (query.q) base = base.where('dossier.code', 'ilike', `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  // Only the dossiers of the caller's agencies (issue 5): the filter narrows, never widens.
  const requested = query.agencyId ? await agencySubtreeIds(deps.db, query.agencyId) : null;
  const agencyIds = narrowAgencyIds(await visibleAgencyIds(deps.db, 'dossier.read'), requested);
  if (agencyIds !== null) {
    base = base.where('dossier.agency_id', 'in', agencyIds.length > 0 ? agencyIds : [NO_AGENCY]);
  }
  if (query.procedureId) base = base.where('dossier.procedure_id', '=', query.procedureId);
  if (query.status) base = base.where('dossier.status', '=', query.status);
  if (query.from)
    base = base.where(
      'dossier.received_at',
      '>=',
      sql<Date>`(${query.from}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`,
    );
  if (query.to)
    base = base.where(
      'dossier.received_at',
      '<',
      sql<Date>`(${query.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`,
    );
  switch (query.timeliness) {
    case undefined:
      break;
    case 'early':
    case 'on_time':
    case 'late':
      base = base.where('dossier.timeliness', '=', query.timeliness);
      break;
    case 'within_time':
      base = base.where('dossier.status', 'in', OPEN).where('dossier.due_legal_date', '>=', today);
      break;
    case 'overdue':
      base = base.where('dossier.status', 'in', OPEN).where('dossier.due_legal_date', '<', today);
      break;
  }
  const [rows, count] = await Promise.all([
    base
      .select([
        'dossier.id',
        'dossier.code',
        'dossier.channel',
        'dossier.status',
        'dossier.received_at',
        'dossier.due_legal_date',
        'dossier.due_rescheduled_date',
        'dossier.finished_at',
        'dossier.timeliness',
        'dossier.supplement_count',
        'agency.id as agency_id',
        'agency.code as agency_code',
        'agency.name as agency_name',
        'procedure.id as procedure_id',
        'procedure.code as procedure_code',
        'procedure.name as procedure_name',
        'procedure.sector as procedure_sector',
      ])
      .orderBy('dossier.received_at', 'desc')
      .orderBy('dossier.code', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n, today };
}

export type DossierListRow = Awaited<ReturnType<typeof listDossiers>>['rows'][number];
