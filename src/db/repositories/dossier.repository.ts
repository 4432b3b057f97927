import { sql, type Kysely, type Selectable } from 'kysely';
import type { DossierEvent } from '#domain/dossiers/dossier-event.ts';
import type { DossierState } from '#domain/dossiers/dossier-state.ts';
import { countSupplementsNotAtFault } from '#domain/dossiers/dossier-state.ts';
import type { Database, DossierEventTable, DossierTable } from '../schema.ts';

type Db = Kysely<Database>;
export type DossierRow = Selectable<DossierTable>;
export type DossierEventRow = Selectable<DossierEventTable>;
export type EventSource = DossierEventTable['source'];

/** The stored columns derived from a dossier's state (the fold of its events). */
export function derivedColumns(state: DossierState) {
  return {
    channel: state.channel,
    status: state.status,
    received_at: new Date(state.receivedAt),
    receiving_official_id: state.receivingOfficialId,
    due_initial_date: state.dueInitial.dueDate,
    due_legal_date: state.dueLegal.dueDate,
    due_legal_at: new Date(state.dueLegal.dueAt),
    due_rescheduled_date: state.dueRescheduledDate,
    apology_issued_at: toDate(state.apologyIssuedAt),
    is_apology_late: state.isApologyLate,
    forwarded_at: toDate(state.forwardedAt),
    finished_at: toDate(state.finishedAt),
    returned_at: toDate(state.returnedAt),
    refused_at: toDate(state.refusedAt),
    stopped_at: toDate(state.stoppedAt),
    stop_kind: state.stopKind,
    timeliness: state.timeliness,
    timeliness_rescheduled: state.timelinessRescheduled,
    supplement_count: state.supplements.length,
    supplement_not_at_fault_count: countSupplementsNotAtFault(state),
    step_count: state.steps.length,
    late_step_count: state.steps.filter((step) => step.timeliness === 'late').length,
    is_paid_online: state.isPaidOnline,
    digitised_components: state.digitisedComponents,
    has_electronic_result: state.hasElectronicResult,
    event_count: state.eventCount,
    last_occurred_at: new Date(state.lastOccurredAt),
  };
}

function toDate(instant: number | null): Date | null {
  return instant === null ? null : new Date(instant);
}

/** The row of one event; the type-specific fields go to the JSON payload. */
export function eventRow(
  agencyId: string,
  dossierId: string,
  seq: number,
  event: DossierEvent,
  source: EventSource,
) {
  const { id, occurredAt, officialId, type, ...payload } = event;
  return {
    agency_id: agencyId,
    id,
    dossier_id: dossierId,
    seq,
    type,
    occurred_at: new Date(occurredAt),
    official_id: officialId,
    payload: JSON.stringify(payload),
    source,
  };
}

/** Rebuilds the domain event from its row (the inverse of eventRow). */
export function eventFromRow(row: DossierEventRow): DossierEvent {
  // The payload was written by eventRow from a validated event of this type.
  return {
    ...row.payload,
    id: row.id,
    type: row.type,
    occurredAt: row.occurred_at.getTime(),
    officialId: row.official_id,
  } as DossierEvent;
}

/** Writes the steps and supplement episodes of a state, replacing the previous ones. */
export async function replaceDossierParts(
  db: Db,
  agencyId: string,
  dossierId: string,
  state: DossierState,
): Promise<void> {
  await db
    .deleteFrom('dossier_step')
    .where('agency_id', '=', agencyId)
    .where('dossier_id', '=', dossierId)
    .execute();
  await db
    .deleteFrom('dossier_supplement')
    .where('agency_id', '=', agencyId)
    .where('dossier_id', '=', dossierId)
    .execute();
  if (state.steps.length > 0) {
    await db
      .insertInto('dossier_step')
      .values(stepRows(agencyId, dossierId, state))
      .execute();
  }
  if (state.supplements.length > 0) {
    await db
      .insertInto('dossier_supplement')
      .values(supplementRows(agencyId, dossierId, state))
      .execute();
  }
}

/** Rows of dossier_step for a state. */
export function stepRows(agencyId: string, dossierId: string, state: DossierState) {
  return state.steps.map((step) => ({
    agency_id: agencyId,
    dossier_id: dossierId,
    step_id: step.stepId,
    seq: step.seq,
    unit_agency_id: step.unitAgencyId,
    official_id: step.officialId,
    allotted_value: step.allotted.value,
    allotted_unit: step.allotted.unit,
    received_at: new Date(step.receivedAt),
    due_date: step.due.dueDate,
    due_at: new Date(step.due.dueAt),
    handed_over_at: toDate(step.handedOverAt),
    timeliness: step.timeliness,
  }));
}

/** Rows of dossier_supplement for a state. */
export function supplementRows(agencyId: string, dossierId: string, state: DossierState) {
  return state.supplements.map((episode) => ({
    agency_id: agencyId,
    dossier_id: dossierId,
    seq: episode.seq,
    requested_at: new Date(episode.requestedAt),
    reason: episode.reason,
    applicant_at_fault: episode.applicantAtFault,
    stage: episode.stage,
    completed_at: toDate(episode.completedAt),
  }));
}

/** Finds a dossier by its id or its code, locking the row when `forUpdate`. */
export async function findDossier(
  db: Db,
  ref: { id?: string; code?: string },
  forUpdate = false,
): Promise<DossierRow | undefined> {
  let query = db.selectFrom('dossier').selectAll();
  if (ref.id !== undefined) query = query.where('id', '=', ref.id);
  else if (ref.code !== undefined) query = query.where('code', '=', ref.code);
  else return undefined;
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** A dossier's events in order. */
export async function listDossierEvents(
  db: Db,
  agencyId: string,
  dossierId: string,
): Promise<DossierEventRow[]> {
  return db
    .selectFrom('dossier_event')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('dossier_id', '=', dossierId)
    .orderBy('seq')
    .execute();
}

/** One event by its id within an agency (idempotency look-up). */
export async function findEvent(
  db: Db,
  agencyId: string,
  eventId: string,
): Promise<DossierEventRow | undefined> {
  return db
    .selectFrom('dossier_event')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('id', '=', eventId)
    .executeTakeFirst();
}

/** Next daily serial of a unit for dossier codes, from the per-agency counter row (same transaction). */
export async function nextDossierSerial(db: Db, agencyId: string, receiptDate: string): Promise<number> {
  const row = await db
    .insertInto('dossier_serial')
    .values({ agency_id: agencyId, receipt_date: receiptDate, last_serial: 1 })
    .onConflict((oc) =>
      oc
        .columns(['agency_id', 'receipt_date'])
        .doUpdateSet({ last_serial: sql`dossier_serial.last_serial + 1` }),
    )
    .returning('last_serial')
    .executeTakeFirstOrThrow();
  return row.last_serial;
}

/** Raises the unit's daily serial to at least `serial` (a code supplied by the sending system). */
export async function reserveDossierSerial(
  db: Db,
  agencyId: string,
  receiptDate: string,
  serial: number,
): Promise<void> {
  await db
    .insertInto('dossier_serial')
    .values({ agency_id: agencyId, receipt_date: receiptDate, last_serial: serial })
    .onConflict((oc) =>
      oc
        .columns(['agency_id', 'receipt_date'])
        .doUpdateSet({ last_serial: sql`GREATEST(dossier_serial.last_serial, excluded.last_serial)` }),
    )
    .execute();
}
