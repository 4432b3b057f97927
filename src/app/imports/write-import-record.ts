import { DomainError } from '#domain/errors.ts';
import type { ReceiveDossierInput } from '#shared/dossier.schema.ts';
import { listDossierEvents } from '#db/repositories/dossier.repository.ts';
import type { AppDeps, Db } from '../deps.ts';
import type { LoadedCalendar } from '../calendar/load-calendar.ts';
import { appendDossierEvent } from '../dossiers/append-dossier-event.ts';
import { receiveDossier } from '../dossiers/receive-dossier.ts';
import { inTransaction, isUniqueViolation } from '../transaction.ts';
import type { RecordIds } from './import-keys.ts';
import { locate, RecordError } from './import-problems.ts';
import type { ImportRecord, Location } from './import-record.ts';

/** What writing one record did: wrote something new, or found all of it already there. */
export type RecordOutcome = 'imported' | 'unchanged';

interface StoredDossier {
  id: string;
  agency_id: string;
  code: string;
  channel: string;
  received_at: Date;
  agency_code: string;
  procedure_code: string;
}

async function findStoredDossier(
  trx: Db,
  where: { code?: string; id?: string; agencyCode?: string },
): Promise<StoredDossier | undefined> {
  let query = trx
    .selectFrom('dossier')
    .innerJoin('agency', 'agency.id', 'dossier.agency_id')
    .innerJoin('procedure', 'procedure.id', 'dossier.procedure_id')
    .select([
      'dossier.id',
      'dossier.agency_id',
      'dossier.code',
      'dossier.channel',
      'dossier.received_at',
      'agency.code as agency_code',
      'procedure.code as procedure_code',
    ]);
  if (where.id !== undefined) query = query.where('dossier.id', '=', where.id);
  if (where.code !== undefined) query = query.where('dossier.code', '=', where.code);
  if (where.agencyCode !== undefined) query = query.where('agency.code', '=', where.agencyCode);
  return query.executeTakeFirst();
}

/**
 * A dossier found again (same code, or same received event) must be the one the record
 * describes: otherwise the file reuses a code or an id for another dossier, and appending its
 * events would mix two dossiers.
 */
function assertSameDossier(
  stored: StoredDossier,
  input: ReceiveDossierInput,
  at: Location,
  code: 'DOSSIER_CODE_TAKEN' | 'EVENT_ID_CONFLICT',
): void {
  const differences: { field: string; message: string }[] = [];
  if (stored.procedure_code !== input.procedureCode) {
    differences.push({
      field: 'procedureCode',
      message: `hồ sơ ${stored.code} đã có với thủ tục ${stored.procedure_code}`,
    });
  }
  if (stored.channel !== input.channel) {
    differences.push({ field: 'channel', message: `hồ sơ ${stored.code} đã có với kênh ${stored.channel}` });
  }
  if (stored.received_at.getTime() !== Date.parse(input.receivedAt)) {
    differences.push({
      field: 'receivedAt',
      message: `hồ sơ ${stored.code} đã có, tiếp nhận lúc ${stored.received_at.toISOString()}`,
    });
  }
  if (differences.length > 0) throw new RecordError(new DomainError(code, { problems: differences }), at);
}

/**
 * Writes one record in its own transaction with the dossier use cases: receives the dossier
 * unless it exists, then appends the events it does not have yet. Any refusal rolls the whole
 * record back and surfaces as a RecordError naming the part that caused it.
 */
export async function writeImportRecord(
  deps: AppDeps,
  calendar: LoadedCalendar,
  record: ImportRecord,
  ids: RecordIds,
): Promise<RecordOutcome> {
  const work = async (trx: Db): Promise<RecordOutcome> => {
    let wrote = false;
    const dossierAt: Location = record.dossier?.at ?? { line: record.line, path: '' };
    let stored =
      record.code === undefined
        ? undefined
        : await findStoredDossier(trx, { code: record.code, agencyCode: record.dossier?.value.agencyCode });
    if (stored !== undefined && record.dossier !== null) {
      assertSameDossier(stored, record.dossier.value, dossierAt, 'DOSSIER_CODE_TAKEN');
    } else if (stored === undefined) {
      const dossier = record.dossier;
      if (dossier === null) {
        throw new RecordError(
          new DomainError('DOSSIER_NOT_FOUND', {
            problems: [
              {
                field: 'code',
                message: `không có hồ sơ mã ${record.code ?? ''}; dòng đầu của hồ sơ phải là sự kiện received`,
              },
            ],
          }),
          dossierAt,
        );
      }
      const received = await locate(dossier.at, () =>
        receiveDossier(deps, { ...dossier.value, eventId: ids.receivedEventId }, 'import', {
          db: trx,
          calendar,
        }),
      );
      stored = await findStoredDossier(trx, { id: received.dossierId });
      if (stored === undefined)
        throw new Error(`dossier ${received.dossierId} vanished inside its transaction`);
      if (received.replayed) assertSameDossier(stored, dossier.value, dossier.at, 'EVENT_ID_CONFLICT');
      else wrote = true;
    }
    const dossierId = stored.id;
    // Events already stored are recognised here: a re-run then costs one query per record.
    const existing = new Map(
      (await listDossierEvents(trx, stored.agency_id, dossierId)).map((row) => [row.id, row]),
    );
    for (const [index, { value: event, at }] of record.events.entries()) {
      const id = ids.eventIds[index] ?? event.id;
      const previous = id === undefined ? undefined : existing.get(id);
      if (previous !== undefined) {
        if (previous.type !== event.type || previous.occurred_at.getTime() !== Date.parse(event.occurredAt)) {
          throw new RecordError(
            new DomainError('EVENT_ID_CONFLICT', {
              problems: [
                {
                  field: previous.type === event.type ? 'occurredAt' : 'type',
                  message: `sự kiện ${id ?? ''} đã nhập là ${previous.type} lúc ${previous.occurred_at.toISOString()}; sự kiện đã ghi không sửa được bằng cách nhập lại`,
                },
              ],
            }),
            at,
          );
        }
        continue;
      }
      const appended = await locate(at, () =>
        appendDossierEvent(deps, { id: dossierId }, { ...event, id }, 'import', { db: trx, calendar }),
      );
      if (!appended.replayed) wrote = true;
    }
    return wrote ? 'imported' : 'unchanged';
  };
  try {
    return await inTransaction(deps.db, work);
  } catch (error) {
    // A concurrent import wrote the same dossier or event first: once more, it is then found.
    if (isUniqueViolation(error)) return inTransaction(deps.db, work);
    throw error;
  }
}
