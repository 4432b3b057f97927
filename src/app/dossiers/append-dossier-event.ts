import { randomUUID } from 'node:crypto';
import { applyDossierEvent, replayDossier, type DossierState } from '#domain/dossiers/dossier-state.ts';
import { DomainError } from '#domain/errors.ts';
import type { DossierEventInput } from '#shared/dossier.schema.ts';
import {
  derivedColumns,
  eventFromRow,
  eventRow,
  findDossier,
  findEvent,
  listDossierEvents,
  replaceDossierParts,
  type EventSource,
} from '#db/repositories/dossier.repository.ts';
import type { AppDeps, Db } from '../deps.ts';
import { loadCalendar, type LoadedCalendar } from '../calendar/load-calendar.ts';
import { inTransaction } from '../transaction.ts';
import { loadDossierContext } from './dossier-context.ts';
import { toDomainEvent } from './to-domain-event.ts';
import { loadDossierFacts } from '../scoring/load-dossier-facts.ts';
import { defaultSchemeRegistry } from '../scoring/scheme-registry.ts';
import { storeDossierScore } from '../scoring/store-dossier-scores.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import { DOSSIER_EVENT_AUDITED_COLUMNS, dossierEventAuditRecord } from '../audit/audited-records.ts';

export interface AppendResult {
  agencyId: string;
  dossierId: string;
  eventId: string;
  seq: number;
  state: DossierState;
  /** True when the event had been recorded before: nothing was written. */
  replayed: boolean;
}

/**
 * Appends one lifecycle event to a dossier. The event is checked against the dossier state
 * machine and the whole history is re-derived (due dates, timeliness, supplements); an
 * impossible sequence is refused and nothing is written. Idempotent on the event id.
 */
export async function appendDossierEvent(
  deps: AppDeps,
  ref: { id?: string; code?: string },
  input: DossierEventInput,
  source: EventSource,
  options: { calendar?: LoadedCalendar; db?: Db } = {},
): Promise<AppendResult> {
  const run = async (trx: Db): Promise<AppendResult> => {
    const dossier = await findDossier(trx, ref, true);
    if (!dossier) throw new DomainError('DOSSIER_NOT_FOUND');
    const eventId = input.id ?? randomUUID();
    const calendar = options.calendar ?? (await loadCalendar(trx));
    const context = await loadDossierContext(trx, dossier.procedure_id, calendar);
    const rows = await listDossierEvents(trx, dossier.agency_id, dossier.id);
    const history = rows.map(eventFromRow);
    const previous = await findEvent(trx, dossier.agency_id, eventId);
    if (previous) {
      if (
        previous.dossier_id !== dossier.id ||
        previous.type !== input.type ||
        previous.occurred_at.getTime() !== Date.parse(input.occurredAt)
      ) {
        throw new DomainError('EVENT_ID_CONFLICT', { details: { eventId } });
      }
      return {
        agencyId: dossier.agency_id,
        dossierId: dossier.id,
        eventId,
        seq: previous.seq,
        state: replayDossier(history, context),
        replayed: true,
      };
    }
    const event = await toDomainEvent(trx, input, eventId);
    const state = applyDossierEvent(replayDossier(history, context), event, context);
    const seq = rows.length + 1;
    const written = await trx
      .insertInto('dossier_event')
      .values(eventRow(dossier.agency_id, dossier.id, seq, event, source))
      .returning(DOSSIER_EVENT_AUDITED_COLUMNS)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('dossier')
      .set({ ...derivedColumns(state), updated_at: new Date() })
      .where('agency_id', '=', dossier.agency_id)
      .where('id', '=', dossier.id)
      .execute();
    await replaceDossierParts(trx, dossier.agency_id, dossier.id, state);
    if (state.finishedAt !== null) {
      // Thông tư 01/2018 Điều 13–15: a finished dossier is (re)scored in the same transaction.
      const [facts] = await loadDossierFacts(trx, { dossierIds: [dossier.id] });
      if (facts) await storeDossierScore(trx, deps.schemes ?? defaultSchemeRegistry(), facts);
    }
    const target = { table: 'dossier_event', key: eventId };
    const after = dossierEventAuditRecord(written);
    await appendAudit(trx, deps, { agencyId: dossier.agency_id, action: 'dossier.event', target, after });
    return { agencyId: dossier.agency_id, dossierId: dossier.id, eventId, seq, state, replayed: false };
  };
  return options.db ? run(options.db) : inTransaction(deps.db, run);
}
