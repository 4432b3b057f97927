import { z } from 'zod';
import {
  CHANNEL_VALUES,
  DossierEventInputSchema,
  InstantSchema,
  ReceiveDossierInputSchema,
} from './dossier.schema.ts';
import { LIMITS } from './limits.ts';

/**
 * Contracts of the bulk dossier import (`hailong import`, docs/import-format.md): one NDJSON
 * line per dossier, or CSV rows of one event each. Both are built from the API's own schemas,
 * so a file says exactly what the API accepts.
 */

/** Most events one dossier may carry in one import record (a real dossier has a few dozen). */
export const IMPORT_MAX_EVENTS_PER_DOSSIER = 2_000;

const receive = ReceiveDossierInputSchema.shape;

/** One NDJSON line: the dossier as received (tiếp nhận) and its later events, in the order they happened. */
export const DossierImportRecordSchema = z
  .object({
    code: receive.code.describe(
      'Mã hồ sơ `<mã đơn vị>-YYMMDD-NNNN` from the one-stop software; generated when absent. The key that matches a dossier imported before.',
    ),
    agencyCode: receive.agencyCode.describe('Code of the receiving agency (cơ quan tiếp nhận).'),
    procedureCode: receive.procedureCode.describe('Procedure code (mã TTHC).'),
    channel: receive.channel.describe('How the dossier arrived: in person, by post, online.'),
    receivedAt: receive.receivedAt.describe(
      'Receipt instant with its offset, e.g. 2025-03-03T10:00:00+07:00.',
    ),
    officialCode: receive.officialCode.describe('Code of the counter official who received it.'),
    eventId: receive.eventId.describe('Id of the "received" event; derived from the record when absent.'),
    events: z
      .array(DossierEventInputSchema)
      .max(IMPORT_MAX_EVENTS_PER_DOSSIER)
      .default([])
      .describe(
        'Later lifecycle events (any type but "received"), oldest first; each id is derived when absent.',
      ),
  })
  .meta({
    title: 'HàiLòng dossier import record (one NDJSON line)',
    description:
      'One dossier (hồ sơ) and its lifecycle events from one-stop software. Files: UTF-8, one JSON object per line, blank lines skipped, at most ' +
      `${LIMITS.importMaxLineBytes} bytes per line. See docs/import-format.md.`,
  });
export type DossierImportRecord = z.infer<typeof DossierImportRecordSchema>;

/** The CSV columns, in the documented order; a file may use any subset (with `type`) in any order. */
export const CSV_IMPORT_COLUMNS = [
  'code',
  'agencyCode',
  'procedureCode',
  'channel',
  'receivedAt',
  'officialCode',
  'eventId',
  'type',
  'occurredAt',
  'toAgencyCode',
  'unitAgencyCode',
  'stepId',
  'allottedValue',
  'allottedUnit',
  'reason',
  'applicantAtFault',
  'stage',
  'kind',
  'newDueDate',
  'amount',
  'components',
] as const;
export type CsvImportColumn = (typeof CSV_IMPORT_COLUMNS)[number];

/** CSV columns whose cells are whole numbers. */
export const CSV_INTEGER_COLUMNS: ReadonlySet<string> = new Set(['allottedValue', 'amount', 'components']);
/** CSV columns whose cells are yes/no. */
export const CSV_BOOLEAN_COLUMNS: ReadonlySet<string> = new Set(['applicantAtFault']);
/** Cell words read as true / false in yes/no columns (case-insensitive). */
export const CSV_TRUE_WORDS: ReadonlySet<string> = new Set(['true', '1', 'yes', 'x', 'có', 'co']);
export const CSV_FALSE_WORDS: ReadonlySet<string> = new Set(['false', '0', 'no', 'không', 'khong']);

/**
 * The cells of one CSV row as typed values: empty cells are absent, integer and yes/no columns
 * are converted; a cell that cannot be converted is a problem named by its column.
 */
export function convertCsvCells(cells: Readonly<Record<string, string>>): {
  row: Record<string, string | number | boolean>;
  problems: { field: string; message: string }[];
} {
  const row: Record<string, string | number | boolean> = {};
  const problems: { field: string; message: string }[] = [];
  for (const [column, raw] of Object.entries(cells)) {
    const value = raw.trim();
    if (value === '') continue;
    if (CSV_INTEGER_COLUMNS.has(column)) {
      if (/^\d+$/.test(value)) row[column] = Number(value);
      else problems.push({ field: column, message: `phải là số nguyên không âm, nhận được "${value}"` });
    } else if (CSV_BOOLEAN_COLUMNS.has(column)) {
      const word = value.toLowerCase();
      if (CSV_TRUE_WORDS.has(word)) row[column] = true;
      else if (CSV_FALSE_WORDS.has(word)) row[column] = false;
      else problems.push({ field: column, message: `phải là true/false (có/không), nhận được "${value}"` });
    } else row[column] = value;
  }
  return { row, problems };
}

/** Dossier columns an event row may repeat (they must then equal the dossier's). */
const repeatedDossierColumns = {
  code: receive.code,
  agencyCode: receive.agencyCode.optional(),
  procedureCode: receive.procedureCode.optional(),
  channel: z.enum(CHANNEL_VALUES).optional(),
  receivedAt: InstantSchema.optional(),
};

/** The row that opens a dossier: `type` = received; `receivedAt` or `occurredAt` gives the receipt instant. */
const CsvReceivedRowSchema = z
  .object({
    ...receive,
    type: z.literal('received'),
    receivedAt: InstantSchema.optional(),
    occurredAt: InstantSchema.optional(),
  })
  .meta({ description: 'Opens a dossier (tiếp nhận); receivedAt or occurredAt is required.' })
  .refine((row) => row.receivedAt !== undefined || row.occurredAt !== undefined, {
    path: ['occurredAt'],
    message: 'cần receivedAt hoặc occurredAt',
  });

/**
 * One CSV row after cell conversion (empty cell = absent; integer and yes/no columns converted):
 * the "received" row of a dossier or one of its events, whose `eventId` column is the event id.
 * Published as JSON Schema; the importer validates the same rules through the API schemas.
 */
export const DossierImportCsvRowSchema = z
  .union([
    CsvReceivedRowSchema,
    ...DossierEventInputSchema.options.map((option) => {
      const { id, ...fields } = option.shape;
      return z.object({ ...fields, ...repeatedDossierColumns, eventId: id });
    }),
  ])
  .meta({
    title: 'HàiLòng dossier import CSV row (after cell conversion)',
    description:
      'CSV: UTF-8 with a header row naming the columns; one row per event; the rows of one dossier are consecutive and start with its "received" row. See docs/import-format.md.',
  });

/** JSON Schema documents of the import formats, by file name under docs/schemas/ (the generated artifacts). */
export function buildImportSchemas(): Record<string, unknown> {
  return {
    'dossier-import.ndjson.schema.json': z.toJSONSchema(DossierImportRecordSchema, { io: 'input' }),
    'dossier-import.csv-row.schema.json': z.toJSONSchema(DossierImportCsvRowSchema, { io: 'input' }),
  };
}
