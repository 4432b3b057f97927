import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError } from 'csv-parse';
import type { z } from 'zod';
import { DomainError } from '#domain/errors.ts';
import {
  DossierEventInputSchema,
  ReceiveDossierInputSchema,
  type DossierEventInput,
  type ReceiveDossierInput,
} from '#shared/dossier.schema.ts';
import { convertCsvCells, CSV_IMPORT_COLUMNS, IMPORT_MAX_EVENTS_PER_DOSSIER } from '#shared/import.schema.ts';
import { LIMITS } from '#shared/limits.ts';
import {
  fieldAt,
  type ImportProblem,
  type ImportRecord,
  type Located,
  type Location,
  type ReadItem,
  type ReadStats,
} from './import-record.ts';
import { PARSE_OPTIONS, zodProblems } from './import-problems.ts';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;

const DOSSIER_COLUMNS = [
  'code',
  'agencyCode',
  'procedureCode',
  'channel',
  'receivedAt',
  'officialCode',
  'eventId',
] as const;
const EVENT_COLUMNS = [
  'type',
  'occurredAt',
  'officialCode',
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
/** Dossier columns an event row may repeat; a repeated value must equal the dossier's. */
const REPEATABLE = ['agencyCode', 'procedureCode', 'channel'] as const;

type FieldState = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted';

/**
 * Before the CSV parser: turns CRLF and lone CR into LF (so the parser's line numbers are
 * physical lines, and texts get one kind of newline), counts bytes and lines, and stops a
 * record that grows past the line limit — an unclosed quote would otherwise swallow the rest
 * of the file into memory.
 */
class CsvPrefilter extends Transform {
  bytes = 0;
  lines = 0;
  private lastByte: number | undefined;
  private pendingCr = false;
  private state: FieldState = 'fieldStart';
  private recordBytes = 0;
  private recordLine = 1;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    const out = Buffer.allocUnsafe(chunk.length);
    let size = 0;
    let index = 0;
    if (this.pendingCr && chunk[0] === LF) index = 1;
    this.pendingCr = false;
    for (; index < chunk.length; index += 1) {
      let byte = chunk[index] ?? 0;
      if (byte === CR) {
        if (index + 1 === chunk.length) this.pendingCr = true;
        else if (chunk[index + 1] === LF) index += 1;
        byte = LF;
      }
      out[size] = byte;
      size += 1;
      this.step(byte);
      if (this.recordBytes > LIMITS.importMaxLineBytes) {
        callback(
          new DomainError('IMPORT_FILE_INVALID', {
            message: `Bản ghi CSV từ dòng ${this.recordLine} dài quá ${LIMITS.importMaxLineBytes} byte (thiếu dấu nháy " đóng?); dừng nhập tại đây.`,
            problems: [{ field: `dòng ${this.recordLine}`, message: 'bản ghi quá dài' }],
          }),
        );
        return;
      }
    }
    if (size > 0) this.lastByte = out[size - 1];
    callback(null, out.subarray(0, size));
  }

  override _flush(callback: TransformCallback): void {
    if (this.lastByte !== undefined && this.lastByte !== LF) this.lines += 1;
    callback();
  }

  /** RFC 4180 field states: only a newline outside quotes ends a record. */
  private step(byte: number): void {
    if (byte === LF) this.lines += 1;
    const ends = (): void => {
      this.state = 'fieldStart';
      this.recordBytes = 0;
      this.recordLine = this.lines + 1;
    };
    switch (this.state) {
      case 'quoted':
        if (byte === QUOTE) this.state = 'quoteInQuoted';
        this.recordBytes += 1;
        return;
      case 'quoteInQuoted':
        if (byte === QUOTE) this.state = 'quoted';
        else if (byte === LF) return ends();
        else this.state = byte === COMMA ? 'fieldStart' : 'unquoted';
        this.recordBytes += 1;
        return;
      case 'fieldStart':
      case 'unquoted':
        if (byte === LF) return ends();
        if (byte === COMMA) this.state = 'fieldStart';
        else if (byte === QUOTE && this.state === 'fieldStart') this.state = 'quoted';
        else this.state = 'unquoted';
        this.recordBytes += 1;
        return;
    }
  }
}

interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

interface RowGroup {
  line: number;
  code: string;
  rows: CsvRow[];
  /** Rows that could not be read: they fail the dossier they belong to. */
  problems: ImportProblem[];
  rowCount: number;
}

/** The header's columns, or IMPORT_FILE_INVALID naming what is wrong (every row would fail). */
function readHeader(cells: readonly string[]): string[] {
  const names = cells.map((cell) => cell.trim());
  const known = new Set<string>(CSV_IMPORT_COLUMNS);
  const problems: { field: string; message: string }[] = [];
  for (const [index, name] of names.entries()) {
    if (!known.has(name))
      problems.push({ field: name || `cột ${index + 1}`, message: 'cột không có trong định dạng nhập' });
    else if (names.indexOf(name) !== index) problems.push({ field: name, message: 'cột lặp lại' });
  }
  if (!names.includes('type')) problems.push({ field: 'type', message: 'thiếu cột type' });
  if (problems.length > 0) {
    throw new DomainError('IMPORT_FILE_INVALID', {
      message: `Dòng tiêu đề CSV không đúng; các cột dùng được: ${CSV_IMPORT_COLUMNS.join(', ')}.`,
      problems,
    });
  }
  return names;
}

function pick(
  row: Record<string, string | number | boolean>,
  columns: readonly string[],
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const column of columns) {
    const value = row[column];
    if (value !== undefined) out[column] = value;
  }
  return out;
}

type BuiltGroup = { record: ImportRecord } | { problems: ImportProblem[]; dossier?: ReceiveDossierInput };

/** Turns the rows of one dossier into a record, or the problems of every row. */
function buildRecord(group: RowGroup): BuiltGroup {
  const problems = [...group.problems];
  if (group.rowCount > IMPORT_MAX_EVENTS_PER_DOSSIER + 1) {
    problems.push({
      line: group.line,
      field: 'code',
      code: 'VALIDATION_FAILED',
      message: `Hồ sơ có ${group.rowCount} dòng, quá giới hạn ${IMPORT_MAX_EVENTS_PER_DOSSIER + 1} dòng.`,
    });
  }
  let dossier: Located<ReceiveDossierInput> | null = null;
  const events: Located<DossierEventInput>[] = [];
  let dossierRow: Record<string, string | number | boolean> | undefined;
  for (const [index, { line, cells }] of group.rows.entries()) {
    const converted = convertCsvCells(cells);
    for (const problem of converted.problems) problems.push({ line, code: 'VALIDATION_FAILED', ...problem });
    // A cell that could not be converted is reported once, not again as missing.
    const unconverted = new Set(converted.problems.map((problem) => problem.field));
    const schemaProblems = (error: z.ZodError, at: Location): ImportProblem[] =>
      zodProblems(error, line, (path) => fieldAt(at, String(path[0] ?? ''))).filter(
        (problem) => !unconverted.has(problem.field),
      );
    const row = converted.row;
    if (index === 0 && row.type === 'received') {
      dossierRow = row;
      const fromOccurredAt = row.receivedAt === undefined;
      const at: Location = {
        line,
        path: '',
        ...(fromOccurredAt ? { rename: { receivedAt: 'occurredAt' } } : {}),
      };
      if (row.receivedAt !== undefined && row.occurredAt !== undefined && row.receivedAt !== row.occurredAt) {
        const same = Date.parse(String(row.receivedAt)) === Date.parse(String(row.occurredAt));
        if (!same)
          problems.push({
            line,
            field: 'occurredAt',
            code: 'VALIDATION_FAILED',
            message: 'khác receivedAt trên cùng dòng',
          });
      }
      const input = {
        ...pick(row, DOSSIER_COLUMNS),
        ...(fromOccurredAt && row.occurredAt !== undefined ? { receivedAt: row.occurredAt } : {}),
      };
      const parsed = ReceiveDossierInputSchema.safeParse(input, PARSE_OPTIONS);
      if (parsed.success) dossier = { value: parsed.data, at };
      else problems.push(...schemaProblems(parsed.error, at));
      continue;
    }
    if (index === 0 && group.code === '') {
      problems.push({
        line,
        field: 'type',
        code: 'VALIDATION_FAILED',
        message: 'Dòng đầu của một hồ sơ phải có type = received (hoặc ghi mã hồ sơ đã nhập trong cột code).',
      });
    }
    if (dossierRow !== undefined) {
      for (const column of REPEATABLE) {
        if (row[column] !== undefined && row[column] !== dossierRow[column]) {
          problems.push({
            line,
            field: column,
            code: 'VALIDATION_FAILED',
            message: `khác giá trị ở dòng received (dòng ${group.line})`,
          });
        }
      }
      const receivedAt = row.receivedAt;
      const dossierReceivedAt = dossierRow.receivedAt ?? dossierRow.occurredAt;
      if (
        receivedAt !== undefined &&
        Date.parse(String(receivedAt)) !== Date.parse(String(dossierReceivedAt))
      ) {
        problems.push({
          line,
          field: 'receivedAt',
          code: 'VALIDATION_FAILED',
          message: `khác giá trị ở dòng received (dòng ${group.line})`,
        });
      }
    }
    const at: Location = { line, path: '', rename: { id: 'eventId' } };
    const input = { ...pick(row, EVENT_COLUMNS), ...(row.eventId === undefined ? {} : { id: row.eventId }) };
    const parsed = DossierEventInputSchema.safeParse(input, PARSE_OPTIONS);
    if (parsed.success) events.push({ value: parsed.data, at });
    else problems.push(...schemaProblems(parsed.error, at));
  }
  if (problems.length > 0) return { problems, ...(dossier === null ? {} : { dossier: dossier.value }) };
  return { record: { line: group.line, code: group.code === '' ? undefined : group.code, dossier, events } };
}

/** Count of newlines inside a record's fields: a quoted field may span lines. */
function innerNewlines(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let index = cell.indexOf('\n'); index !== -1; index = cell.indexOf('\n', index + 1)) count += 1;
  }
  return count;
}

/**
 * Reads a CSV import file (header row; one row per event; the rows of a dossier consecutive,
 * starting with its "received" row, or — for a dossier imported before — with any event row
 * carrying its code). Yields one record per dossier, or the problems of its rows.
 */
export async function* readCsvRecords(filePath: string, stats: ReadStats): AsyncGenerator<ReadItem> {
  const prefilter = new CsvPrefilter();
  // Where the last good record ended: a record the parser cannot read starts after it.
  let lastEnd = { line: 0, emptyLines: 0 };
  const parser = parse({
    bom: true,
    info: true,
    record_delimiter: '\n',
    skip_empty_lines: true,
    relax_column_count: true,
    // A stray quote inside a cell is kept as text: strict quoting would lose the row boundaries after it.
    relax_quotes: true,
    skip_records_with_error: true,
    on_record: (record: string[], context: { lines: number; empty_lines: number }) => {
      lastEnd = { line: context.lines, emptyLines: context.empty_lines };
      return record;
    },
  });
  // Rows the parser cannot read come as 'skip' events, possibly before rows already parsed
  // but not yet consumed: they are merged back in line order.
  const skipped: ImportProblem[] = [];
  parser.on('skip', (error: CsvError) => {
    const line = lastEnd.line + 1 + (parser.info.empty_lines - lastEnd.emptyLines);
    const message =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'Dấu nháy kép (") mở ở dòng này không được đóng: phần còn lại của tệp không đọc được.'
        : `Dòng CSV không đọc được (${error.code}): ${error.message}`;
    skipped.push({ line, field: '$', code: 'IMPORT_FILE_INVALID', message });
  });
  const piping = pipeline(createReadStream(filePath, { highWaterMark: 1 << 16 }), prefilter, parser);
  // The pipeline's failure (unreadable file, record too long) surfaces through the parser too.
  piping.catch(() => undefined);

  let header: string[] | undefined;
  let group: RowGroup | undefined;
  const flush = function* (): Generator<ReadItem> {
    if (group === undefined) return;
    const built = buildRecord(group);
    group = undefined;
    const bytesDone = prefilter.bytes;
    if ('record' in built) yield { kind: 'record', record: built.record, bytesDone };
    else yield { kind: 'invalid', bytesDone, ...built };
  };
  const brokenRow = function* (problem: ImportProblem): Generator<ReadItem> {
    if (group !== undefined) {
      group.problems.push(problem);
      group.rowCount += 1;
    } else yield { kind: 'invalid', problems: [problem], bytesDone: prefilter.bytes };
  };

  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const line = item.info.lines - innerNewlines(item.record);
    while (skipped[0] !== undefined && skipped[0].line < line) {
      const problem = skipped.shift()!;
      if (header === undefined) throw new DomainError('IMPORT_FILE_INVALID', { message: problem.message });
      yield* brokenRow(problem);
    }
    stats.lines = line;
    if (header === undefined) {
      header = readHeader(item.record);
      continue;
    }
    if (item.record.length !== header.length) {
      yield* brokenRow({
        line,
        field: '$',
        code: 'IMPORT_FILE_INVALID',
        message: `Dòng có ${item.record.length} cột, dòng tiêu đề có ${header.length} cột.`,
      });
      continue;
    }
    const cells: Record<string, string> = {};
    for (const [index, name] of header.entries()) cells[name] = (item.record[index] ?? '').normalize('NFC');
    if (Object.values(cells).every((cell) => cell.trim() === '')) continue;
    if (Object.values(cells).some((cell) => cell.includes('\uFFFD'))) {
      yield* brokenRow({
        line,
        field: '$',
        code: 'IMPORT_FILE_INVALID',
        message: 'Dòng không phải văn bản UTF-8.',
      });
      continue;
    }
    const type = (cells.type ?? '').trim();
    const code = (cells.code ?? '').trim();
    if (type === 'received' || group === undefined || group.code !== code) {
      yield* flush();
      group = { line, code, rows: [], problems: [], rowCount: 0 };
    }
    group.rowCount += 1;
    if (group.rows.length <= IMPORT_MAX_EVENTS_PER_DOSSIER) group.rows.push({ line, cells });
  }
  await piping;
  for (const problem of skipped) {
    if (header === undefined) throw new DomainError('IMPORT_FILE_INVALID', { message: problem.message });
    yield* brokenRow(problem);
  }
  yield* flush();
  if (header === undefined) {
    throw new DomainError('IMPORT_FILE_INVALID', { message: 'Tệp CSV trống: thiếu dòng tiêu đề.' });
  }
  stats.lines = prefilter.lines;
}
