import { randomUUID } from 'node:crypto';
import { toLocalDate } from '#domain/calendar/time.ts';
import { formatDossierCode, isValidUnitCode, parseDossierCode } from '#domain/dossiers/dossier-code.ts';
import { applyDossierEvent } from '#domain/dossiers/dossier-state.ts';
import { DomainError } from '#domain/errors.ts';
import type { ReceiveDossierInput } from '#shared/dossier.schema.ts';
import {
  derivedColumns,
  eventRow,
  findEvent,
  nextDossierSerial,
  reserveDossierSerial,
  type EventSource,
} from '#db/repositories/dossier.repository.ts';
import type { AppDeps, Db } from '../deps.ts';
import { loadCalendar, type LoadedCalendar } from '../calendar/load-calendar.ts';
import { inTransaction } from '../transaction.ts';
import { loadDossierContext } from './dossier-context.ts';
import { resolveOfficialId } from './to-domain-event.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import { DOSSIER_EVENT_AUDITED_COLUMNS, dossierEventAuditRecord } from '../audit/audited-records.ts';

export interface ReceiveResult {
  agencyId: string;
  dossierId: string;
  code: string;
  /** True when this exact dossier had been received before: nothing was written. */
  replayed: boolean;
}

/**
 * Receives a dossier (Nghị định 61/2018 Điều 17: Giấy tiếp nhận hồ sơ và hẹn trả kết quả):
 * creates it with its "received" event and its due date, generating the legal code when none is
 * given. Idempotent on the event id.
 */
export async function receiveDossier(
  deps: AppDeps,
  input: ReceiveDossierInput,
  source: EventSource,
  options: { calendar?: LoadedCalendar; db?: Db } = {},
): Promise<ReceiveResult> {
  const run = async (trx: Db): Promise<ReceiveResult> => {
    const agency = await trx
      .selectFrom('agency')
      .select(['id', 'code'])
      .where('code', '=', input.agencyCode)
      .executeTakeFirst();
    if (!agency) {
      throw new DomainError('AGENCY_NOT_FOUND', {
        problems: [{ field: 'agencyCode', message: `không có cơ quan mã ${input.agencyCode}` }],
      });
    }
    const eventId = input.eventId ?? randomUUID();
    const previous = await findEvent(trx, agency.id, eventId);
    if (previous) {
      const dossier = await trx
        .selectFrom('dossier')
        .select(['id', 'code'])
        .where('agency_id', '=', agency.id)
        .where('id', '=', previous.dossier_id)
        .executeTakeFirstOrThrow();
      if (previous.type !== 'received' || (input.code !== undefined && input.code !== dossier.code)) {
        throw new DomainError('EVENT_ID_CONFLICT', { details: { eventId } });
      }
      return { agencyId: agency.id, dossierId: dossier.id, code: dossier.code, replayed: true };
    }
    const procedure = await trx
      .selectFrom('procedure')
      .select('id')
      .where('code', '=', input.procedureCode)
      .executeTakeFirst();
    if (!procedure) {
      throw new DomainError('PROCEDURE_NOT_FOUND', {
        problems: [{ field: 'procedureCode', message: `không có thủ tục mã ${input.procedureCode}` }],
      });
    }
    const calendar = options.calendar ?? (await loadCalendar(trx));
    const context = await loadDossierContext(trx, procedure.id, calendar);
    const event = {
      id: eventId,
      type: 'received' as const,
      occurredAt: Date.parse(input.receivedAt),
      officialId: await resolveOfficialId(trx, input.officialCode),
      channel: input.channel,
    };
    const state = applyDossierEvent(null, event, context);
    let code = input.code;
    if (code === undefined) {
      if (!isValidUnitCode(agency.code)) {
        throw new DomainError('DOSSIER_CODE_INVALID', {
          message: `Mã cơ quan ${agency.code} không dùng được để sinh mã hồ sơ; hãy gửi kèm mã hồ sơ.`,
        });
      }
      const receiptDate = toLocalDate(event.occurredAt);
      code = await generateFreeCode(trx, agency, receiptDate);
    } else {
      const parsed = parseDossierCode(code);
      if (!parsed) {
        throw new DomainError('DOSSIER_CODE_INVALID', {
          problems: [{ field: 'code', message: 'dạng <mã đơn vị>-YYMMDD-NNNN' }],
        });
      }
      // A code given by the sender uses up its serial, so later generated codes do not collide with it.
      if (parsed.unitCode === agency.code) {
        await reserveDossierSerial(trx, agency.id, parsed.receiptDate, parsed.serial);
      }
    }
    const taken = await trx.selectFrom('dossier').select('id').where('code', '=', code).executeTakeFirst();
    if (taken)
      throw new DomainError('DOSSIER_CODE_TAKEN', {
        problems: [{ field: 'code', message: `mã ${code} đã có` }],
      });
    const dossierId = deps.newId();
    await trx
      .insertInto('dossier')
      .values({
        agency_id: agency.id,
        id: dossierId,
        code,
        procedure_id: procedure.id,
        ...derivedColumns(state),
      })
      .execute();
    const written = await trx
      .insertInto('dossier_event')
      .values(eventRow(agency.id, dossierId, 1, event, source))
      .returning(DOSSIER_EVENT_AUDITED_COLUMNS)
      .executeTakeFirstOrThrow();
    const target = { table: 'dossier_event', key: eventId };
    await appendAudit(trx, deps, {
      agencyId: agency.id,
      action: 'dossier.event',
      target,
      after: dossierEventAuditRecord(written),
    });
    return { agencyId: agency.id, dossierId, code, replayed: false };
  };
  return options.db ? run(options.db) : inTransaction(deps.db, run);
}

/** The next serial's code for the unit and day, skipping any code already taken (Thông tư 01/2018 Điều 19). */
async function generateFreeCode(
  trx: Db,
  agency: { id: string; code: string },
  receiptDate: string,
): Promise<string> {
  for (;;) {
    const code = formatDossierCode(
      agency.code,
      receiptDate,
      await nextDossierSerial(trx, agency.id, receiptDate),
    );
    const taken = await trx.selectFrom('dossier').select('id').where('code', '=', code).executeTakeFirst();
    if (!taken) return code;
  }
}
