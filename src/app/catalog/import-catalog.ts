import { parse as parseCsv } from 'csv-parse/sync';
import type { z } from 'zod';
import { DomainError, type FieldProblem } from '#domain/errors.ts';
import {
  CATALOG_INPUT_SCHEMAS,
  type AgencyInput,
  type CatalogKind,
  type CounterInput,
  type DeskInput,
  type OfficialInput,
  type ProcedureInput,
} from '#shared/catalog.schema.ts';
import { LIMITS } from '#shared/limits.ts';
import type { AppDeps, Db } from '../deps.ts';
import { inTransaction } from '../transaction.ts';
import { saveAgency, type SavedRow } from './save-agency.ts';
import { saveCounter, saveDesk } from './save-desk.ts';
import { saveOfficial } from './save-official.ts';
import { saveProcedure } from './save-procedure.ts';

export type CatalogFormat = 'csv' | 'json';

export interface CatalogImportResult {
  kind: CatalogKind;
  rows: number;
  created: number;
  updated: number;
}

const NUMBER_FIELDS = new Set(['timeLimitValue', 'feeVnd']);
const BOOLEAN_FIELDS = new Set(['isFourStep']);
const LIST_FIELDS = new Set(['roles']);
const TRUE_WORDS = new Set(['true', '1', 'yes', 'x', 'có', 'co']);
const FALSE_WORDS = new Set(['false', '0', 'no', '', 'không', 'khong']);

/** CSV cells are text: turn the known numeric, boolean and list columns into JSON values. */
function coerceCsvRecord(record: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(record)) {
    const value = raw.trim();
    if (value === '' && !BOOLEAN_FIELDS.has(key) && !LIST_FIELDS.has(key)) continue;
    if (NUMBER_FIELDS.has(key)) out[key] = /^-?\d+$/.test(value) ? Number(value) : value;
    else if (BOOLEAN_FIELDS.has(key)) {
      const word = value.toLowerCase();
      out[key] = TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : value;
    } else if (LIST_FIELDS.has(key))
      out[key] = value === '' ? [] : value.split(/[;|]/).map((item) => item.trim());
    else out[key] = value;
  }
  return out;
}

/** Reads a catalog file's records (CSV with a header row, or a JSON array). */
export function readCatalogRecords(content: string, format: CatalogFormat): unknown[] {
  try {
    if (format === 'json') {
      const parsed: unknown = JSON.parse(content);
      if (!Array.isArray(parsed)) throw new Error('JSON phải là một mảng các dòng');
      return parsed;
    }
    const records: Record<string, string>[] = parseCsv(content, {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
    });
    return records.map(coerceCsvRecord);
  } catch (error) {
    throw new DomainError('IMPORT_FILE_INVALID', {
      message: `Tệp nhập không đọc được: ${(error as Error).message}`,
    });
  }
}

type Validated =
  | { kind: 'agencies'; rows: AgencyInput[] }
  | { kind: 'desks'; rows: DeskInput[] }
  | { kind: 'counters'; rows: CounterInput[] }
  | { kind: 'officials'; rows: OfficialInput[] }
  | { kind: 'procedures'; rows: ProcedureInput[] };

function validateRows<S extends z.ZodType>(
  schema: S,
  records: readonly unknown[],
  problems: FieldProblem[],
): z.output<S>[] {
  const rows: z.output<S>[] = [];
  records.forEach((record, index) => {
    const result = schema.safeParse(record);
    if (result.success) rows.push(result.data);
    else {
      for (const issue of result.error.issues) {
        problems.push({
          field: `row ${index + 1}.${issue.path.join('.') || '(row)'}`,
          message: issue.message,
        });
      }
    }
  });
  return rows;
}

/** Parents before children, so a file may list agencies in any order. */
function orderAgencies(rows: AgencyInput[], problems: FieldProblem[]): AgencyInput[] {
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const ordered: AgencyInput[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (row: AgencyInput, trail: string[]): void => {
    const mark = state.get(row.code);
    if (mark === 'done') return;
    if (mark === 'visiting') {
      problems.push({
        field: `agency ${row.code}.parentCode`,
        message: `vòng lặp: ${[...trail, row.code].join(' → ')}`,
      });
      return;
    }
    state.set(row.code, 'visiting');
    const parent = row.parentCode === null ? undefined : byCode.get(row.parentCode);
    if (parent) visit(parent, [...trail, row.code]);
    state.set(row.code, 'done');
    ordered.push(row);
  };
  for (const row of rows) visit(row, []);
  return ordered;
}

function validateCatalog(kind: CatalogKind, records: readonly unknown[]): Validated {
  const problems: FieldProblem[] = [];
  if (records.length > LIMITS.catalogImportMaxRows) {
    throw new DomainError('VALIDATION_FAILED', {
      problems: [{ field: '(file)', message: `tối đa ${LIMITS.catalogImportMaxRows} dòng` }],
    });
  }
  const codes = new Map<string, number>();
  records.forEach((record, index) => {
    const code = (record as { code?: unknown } | null)?.code;
    const scope = kind === 'desks' || kind === 'counters' ? JSON.stringify(record) : String(code);
    if (typeof code !== 'string') return;
    const earlier = codes.get(scope);
    if (earlier !== undefined)
      problems.push({ field: `row ${index + 1}.code`, message: `trùng với dòng ${earlier}` });
    codes.set(scope, index + 1);
  });
  let validated: Validated;
  switch (kind) {
    case 'agencies':
      validated = {
        kind,
        rows: orderAgencies(validateRows(CATALOG_INPUT_SCHEMAS.agencies, records, problems), problems),
      };
      break;
    case 'desks':
      validated = { kind, rows: validateRows(CATALOG_INPUT_SCHEMAS.desks, records, problems) };
      break;
    case 'counters':
      validated = { kind, rows: validateRows(CATALOG_INPUT_SCHEMAS.counters, records, problems) };
      break;
    case 'officials':
      validated = { kind, rows: validateRows(CATALOG_INPUT_SCHEMAS.officials, records, problems) };
      break;
    case 'procedures':
      validated = { kind, rows: validateRows(CATALOG_INPUT_SCHEMAS.procedures, records, problems) };
      break;
  }
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', { problems });
  return validated;
}

async function saveAll(trx: Db, validated: Validated, deps: AppDeps): Promise<SavedRow[]> {
  const saved: SavedRow[] = [];
  const each = async <T>(rows: T[], save: (row: T) => Promise<SavedRow>): Promise<void> => {
    for (const [index, row] of rows.entries()) {
      try {
        saved.push(await save(row));
      } catch (error) {
        if (error instanceof DomainError) {
          throw new DomainError(error.code, {
            message: error.message,
            problems: error.problems.map((problem) => ({
              ...problem,
              field: `row ${index + 1}.${problem.field}`,
            })),
          });
        }
        throw error;
      }
    }
  };
  switch (validated.kind) {
    case 'agencies':
      await each(validated.rows, (row) => saveAgency(trx, row, deps, 'upsert'));
      break;
    case 'desks':
      await each(validated.rows, (row) => saveDesk(trx, row, deps, 'upsert'));
      break;
    case 'counters':
      await each(validated.rows, (row) => saveCounter(trx, row, deps, 'upsert'));
      break;
    case 'officials':
      await each(validated.rows, (row) => saveOfficial(trx, row, deps, 'upsert'));
      break;
    case 'procedures':
      await each(validated.rows, (row) => saveProcedure(trx, row, deps, 'upsert'));
      break;
  }
  return saved;
}

/**
 * Bulk-imports catalog rows. All or nothing: every row is validated first and a file with any
 * bad row is refused whole with one problem per bad field (so the office fixes the file and
 * re-runs); rows are upserted by code, so re-running the same file changes nothing.
 */
export async function importCatalog(
  deps: AppDeps,
  kind: CatalogKind,
  content: string,
  format: CatalogFormat,
): Promise<CatalogImportResult> {
  const validated = validateCatalog(kind, readCatalogRecords(content, format));
  const saved = await inTransaction(deps.db, (trx) => saveAll(trx, validated, deps));
  const created = saved.filter((row) => row.created).length;
  return { kind, rows: saved.length, created, updated: saved.length - created };
}
