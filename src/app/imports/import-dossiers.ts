import { stat, writeFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { DomainError, ERROR_CODES } from '#domain/errors.ts';
import type { AppDeps } from '../deps.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import { deriveRecordIds, ReceiptCounter } from './import-keys.ts';
import { domainProblems, RecordError } from './import-problems.ts';
import type { ImportProblem, ImportRecord, ReadItem, ReadStats } from './import-record.ts';
import { readCsvRecords } from './read-csv.ts';
import { readNdjsonRecords } from './read-ndjson.ts';
import { writeImportRecord } from './write-import-record.ts';

export type { ImportProblem } from './import-record.ts';

/** The outcome of an import run; `errors` lists every problem, in file order. */
export interface ImportReport {
  /** Physical lines of the file (with the CSV header and blank lines). */
  lines: number;
  /** Records (NDJSON lines, CSV dossiers) that wrote something new: a dossier and/or events. */
  imported: number;
  /** Records entirely present already (a re-run). */
  unchanged: number;
  /** Records refused: nothing of them was written. */
  failed: number;
  errors: ImportProblem[];
}

export type ImportFormat = 'ndjson' | 'csv';

export interface ImportOptions {
  /** Called as the file is read: bytes done, file size. */
  onProgress?: (done: number, total: number) => void;
  /** Where to write the full report as JSON. */
  reportFile?: string | undefined;
}

/** An error that is not about the data: the database is gone, so the import stops (a re-run resumes safely). */
async function isDatabaseReachable(deps: AppDeps): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(deps.db);
    return true;
  } catch {
    return false;
  }
}

async function writeRecord(
  deps: AppDeps,
  calendar: Awaited<ReturnType<typeof loadCalendar>>,
  record: ImportRecord,
  counter: ReceiptCounter,
): Promise<'imported' | 'unchanged' | ImportProblem[]> {
  const ids = deriveRecordIds(record, counter);
  try {
    return await writeImportRecord(deps, calendar, record, ids);
  } catch (error) {
    if (error instanceof RecordError) return domainProblems(error.error, error.at);
    if (error instanceof DomainError) return domainProblems(error, { line: record.line, path: '' });
    // A bug or a database failure: a dead database stops the run; anything else fails this record only.
    if (!(await isDatabaseReachable(deps))) throw error;
    const message = `${ERROR_CODES.INTERNAL} (${error instanceof Error ? error.message : String(error)})`;
    return [{ line: record.line, field: '$', code: 'INTERNAL', message }];
  }
}

/**
 * Imports dossiers and their events from a one-stop software export (docs/import-format.md):
 * streams the file, writes each record (an NDJSON line, or the CSV rows of one dossier) in its
 * own transaction through the dossier use cases, and reports every bad record by line and
 * field. Re-running the same file changes nothing: ids not given are derived from the record.
 */
export async function importDossiers(
  deps: AppDeps,
  filePath: string,
  format: ImportFormat,
  options: ImportOptions = {},
): Promise<ImportReport> {
  let total: number;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw new Error('không phải tệp');
    total = info.size;
  } catch (error) {
    throw new DomainError('IMPORT_FILE_INVALID', {
      message: `Không mở được tệp ${filePath}: ${(error as Error).message}`,
    });
  }
  const calendar = await loadCalendar(deps.db);
  const counter = new ReceiptCounter();
  const stats: ReadStats = { lines: 0 };
  const report: ImportReport = { lines: 0, imported: 0, unchanged: 0, failed: 0, errors: [] };
  const items: AsyncGenerator<ReadItem> =
    format === 'csv' ? readCsvRecords(filePath, stats) : readNdjsonRecords(filePath, stats);
  options.onProgress?.(0, total);
  for await (const item of items) {
    let outcome: 'imported' | 'unchanged' | ImportProblem[];
    if (item.kind === 'invalid') {
      if (
        item.dossier !== undefined &&
        item.dossier.code === undefined &&
        item.dossier.eventId === undefined
      ) {
        counter.next(item.dossier);
      }
      outcome = item.problems;
    } else outcome = await writeRecord(deps, calendar, item.record, counter);
    if (outcome === 'imported') report.imported += 1;
    else if (outcome === 'unchanged') report.unchanged += 1;
    else {
      report.failed += 1;
      report.errors.push(...outcome);
    }
    options.onProgress?.(Math.min(item.bytesDone, total), total);
  }
  report.lines = stats.lines;
  options.onProgress?.(total, total);
  if (options.reportFile !== undefined) {
    await writeFile(
      options.reportFile,
      `${JSON.stringify({ file: filePath, format, ...report }, null, 2)}\n`,
    );
  }
  return report;
}
