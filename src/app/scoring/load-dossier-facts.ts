import { toLocalDate } from '#domain/calendar/time.ts';
import type { Timeliness } from '#domain/dossiers/timeliness.ts';
import type { CitizenAnswers, DossierFacts, Points } from '#domain/scoring/types.ts';
import type { Db } from '../deps.ts';
import { effectiveRatings } from '../ratings/effective-rating-correction.ts';

const CHUNK = 2000;

function timeliness(value: string | null): Timeliness | null {
  return value === 'early' || value === 'on_time' || value === 'late' ? value : null;
}

function point(value: unknown): Points | undefined {
  return value === 0 || value === 1 || value === 2 ? value : undefined;
}

/** The citizen's answers stored with the rating, keeping only well-formed points. */
function citizenAnswers(stored: Record<string, unknown>): CitizenAnswers {
  const answers: CitizenAnswers = {};
  for (const indicator of ['cs1', 'cs3', 'cs4', 'cs7'] as const) {
    const value = point(stored[indicator]);
    if (value !== undefined) answers[indicator] = value;
  }
  return answers;
}

function channel(value: string): DossierFacts['channel'] {
  return value === 'online' || value === 'post' ? value : 'in_person';
}

/**
 * The facts the scoring rules read, for finished dossiers, built from the stored dossier,
 * its steps and its "finished" event. The incremental path (one dossier after an event) and
 * the full recompute both use this one loader, so both score from the same facts.
 */
export async function loadDossierFacts(
  db: Db,
  filter: { dossierIds: readonly string[] } | { finishedFrom: string; finishedTo: string },
): Promise<DossierFacts[]> {
  let query = db
    .selectFrom('dossier')
    .innerJoin('procedure', 'procedure.id', 'dossier.procedure_id')
    .select([
      'dossier.agency_id',
      'dossier.id',
      'dossier.code',
      'dossier.channel',
      'dossier.status',
      'dossier.received_at',
      'dossier.finished_at',
      'dossier.timeliness',
      'dossier.due_legal_date',
      'dossier.supplement_count',
      'dossier.supplement_not_at_fault_count',
      'dossier.receiving_official_id',
      'procedure.sector',
    ])
    .where('dossier.finished_at', 'is not', null);
  if ('dossierIds' in filter) {
    if (filter.dossierIds.length === 0) return [];
    query = query.where('dossier.id', 'in', filter.dossierIds);
  } else {
    query = query
      .where('dossier.finished_at', '>=', new Date(`${filter.finishedFrom}T00:00:00+07:00`))
      .where(
        'dossier.finished_at',
        '<',
        new Date(Date.parse(`${filter.finishedTo}T00:00:00+07:00`) + 86_400_000),
      );
  }
  const dossiers = await query.orderBy('dossier.agency_id').orderBy('dossier.id').execute();
  const facts: DossierFacts[] = [];
  for (let start = 0; start < dossiers.length; start += CHUNK) {
    const chunk = dossiers.slice(start, start + CHUNK);
    const ids = chunk.map((dossier) => dossier.id);
    // agency_id leads the keys of the step and event tables: filtering on it lets the index serve.
    const agencyIds = [...new Set(chunk.map((dossier) => dossier.agency_id))];
    const [steps, finishers, ratings] = await Promise.all([
      db
        .selectFrom('dossier_step')
        .select(['dossier_id', 'unit_agency_id', 'official_id', 'timeliness', 'seq'])
        .where('agency_id', 'in', agencyIds)
        .where('dossier_id', 'in', ids)
        .orderBy('dossier_id')
        .orderBy('seq')
        .execute(),
      db
        .selectFrom('dossier_event')
        .select(['dossier_id', 'official_id'])
        .where('agency_id', 'in', agencyIds)
        .where('dossier_id', 'in', ids)
        .where('type', '=', 'finished')
        .execute(),
      // The rating that counts: the first valid one (later ones are logged duplicates), with the
      // values of its latest approved correction if any (issue 4 point 8).
      db
        .selectFrom(effectiveRatings(db).as('rating'))
        .select(['dossier_id', 'answers'])
        .where('agency_id', 'in', agencyIds)
        .where('dossier_id', 'in', ids)
        .where('is_duplicate', '=', false)
        .execute(),
    ]);
    const answersOf = new Map(ratings.map((row) => [row.dossier_id, citizenAnswers(row.answers)]));
    const stepsOf = new Map<string, typeof steps>();
    for (const step of steps) stepsOf.set(step.dossier_id, [...(stepsOf.get(step.dossier_id) ?? []), step]);
    const finisherOf = new Map(finishers.map((row) => [row.dossier_id, row.official_id]));
    for (const dossier of chunk) {
      const own = stepsOf.get(dossier.id) ?? [];
      const lastStepOfficial = own.at(-1)?.official_id ?? null;
      const finishedAt = dossier.finished_at;
      facts.push({
        dossierId: dossier.id,
        code: dossier.code,
        agencyId: dossier.agency_id,
        sector: dossier.sector,
        receivedDate: toLocalDate(dossier.received_at.getTime()),
        finishedDate: finishedAt === null ? null : toLocalDate(finishedAt.getTime()),
        channel: channel(dossier.channel),
        status: dossier.status,
        timeliness: timeliness(dossier.timeliness),
        legalDueDate: dossier.due_legal_date,
        steps: own.map((step) => ({
          unitAgencyId: step.unit_agency_id,
          officialId: step.official_id,
          timeliness: timeliness(step.timeliness),
        })),
        supplementsNotAtFault: dossier.supplement_not_at_fault_count,
        supplementsAtFault: dossier.supplement_count - dossier.supplement_not_at_fault_count,
        receivingOfficialId: dossier.receiving_official_id,
        handlingOfficialId: finisherOf.get(dossier.id) ?? lastStepOfficial,
        extraOrganisationsContacted: 0,
        // Feedback handling (PAKN) and procedure publication arrive in later phases.
        hasSubstantiatedConductComplaint: false,
        procedurePublication: null,
        citizenAnswers: answersOf.get(dossier.id) ?? null,
      });
    }
  }
  return facts;
}
