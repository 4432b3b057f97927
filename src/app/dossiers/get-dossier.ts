import { toLocalDate } from '#domain/calendar/time.ts';
import { replayDossier } from '#domain/dossiers/dossier-state.ts';
import { DomainError } from '#domain/errors.ts';
import { eventFromRow, findDossier, listDossierEvents } from '#db/repositories/dossier.repository.ts';
import type { AppDeps } from '../deps.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import { loadDossierContext } from './dossier-context.ts';

/** One dossier with its catalog names, events (timeline), steps, supplements and the due-date reasoning. */
export async function getDossier(deps: AppDeps, ref: { id?: string; code?: string }) {
  const db = deps.db;
  const dossier = await findDossier(db, ref);
  if (!dossier) throw new DomainError('DOSSIER_NOT_FOUND');
  const [agency, procedure, events, steps, supplements, calendar] = await Promise.all([
    db
      .selectFrom('agency')
      .select(['id', 'code', 'name'])
      .where('id', '=', dossier.agency_id)
      .executeTakeFirstOrThrow(),
    db.selectFrom('procedure').selectAll().where('id', '=', dossier.procedure_id).executeTakeFirstOrThrow(),
    listDossierEvents(db, dossier.agency_id, dossier.id),
    db
      .selectFrom('dossier_step')
      .innerJoin('agency', 'agency.id', 'dossier_step.unit_agency_id')
      .selectAll('dossier_step')
      .select(['agency.code as unit_code', 'agency.name as unit_name'])
      .where('dossier_step.agency_id', '=', dossier.agency_id)
      .where('dossier_step.dossier_id', '=', dossier.id)
      .orderBy('dossier_step.seq')
      .execute(),
    db
      .selectFrom('dossier_supplement')
      .selectAll()
      .where('agency_id', '=', dossier.agency_id)
      .where('dossier_id', '=', dossier.id)
      .orderBy('seq')
      .execute(),
    loadCalendar(db),
  ]);
  const officialIds = [
    ...new Set(
      [
        dossier.receiving_official_id,
        ...events.map((e) => e.official_id),
        ...steps.map((s) => s.official_id),
      ].filter((id): id is string => id !== null),
    ),
  ];
  const officials =
    officialIds.length === 0
      ? []
      : await db
          .selectFrom('official')
          .select(['id', 'code', 'full_name'])
          .where('id', 'in', officialIds)
          .execute();
  const context = await loadDossierContext(db, dossier.procedure_id, calendar);
  const state = replayDossier(events.map(eventFromRow), context);
  return {
    dossier,
    agency,
    procedure,
    events,
    steps,
    supplements,
    officials: new Map(officials.map((o) => [o.id, { code: o.code, name: o.full_name }])),
    dueExplanation: state.dueLegal.explanation,
    today: toLocalDate(deps.now()),
  };
}

export type DossierDetailData = Awaited<ReturnType<typeof getDossier>>;
