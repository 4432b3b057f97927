import type { ErrorCode } from '#domain/errors.ts';
import type { DossierEventInput, ReceiveDossierInput } from '#shared/dossier.schema.ts';

/** One problem of an import file: where (line, field), what (stable code) and why (Vietnamese). */
export interface ImportProblem {
  line: number;
  field: string;
  code: ErrorCode;
  message: string;
}

/**
 * Where a part of a record came from: its line, its path inside the record (`events[2]` in
 * NDJSON, '' for a CSV row) and, for CSV, the columns that carried renamed fields.
 */
export interface Location {
  line: number;
  path: string;
  rename?: Readonly<Record<string, string>>;
}

export interface Located<T> {
  value: T;
  at: Location;
}

/** One validated record of an import file: one dossier and its events, written in one transaction. */
export interface ImportRecord {
  /** First line of the record (the NDJSON line, or the first CSV row of the dossier). */
  line: number;
  /** Dossier code given by the file; matches a dossier that already exists. */
  code: string | undefined;
  /** The dossier as received; null for CSV rows that add events to an existing dossier. */
  dossier: Located<ReceiveDossierInput> | null;
  events: Located<DossierEventInput>[];
}

/** What a reader yields: a record to write, or the problems of one that cannot be read or validated. */
export type ReadItem =
  | { kind: 'record'; record: ImportRecord; bytesDone: number }
  | { kind: 'invalid'; problems: ImportProblem[]; bytesDone: number; dossier?: ReceiveDossierInput };

/** Counters a reader keeps while it streams a file. */
export interface ReadStats {
  /** Physical lines read so far (a last line without a newline counts). */
  lines: number;
}

/** The report field of `field` at `at`: `events[2].occurredAt`, a CSV column name, or `$` for the whole record. */
export function fieldAt(at: Location, field?: string): string {
  const name = field === undefined || field === '' ? '' : (at.rename?.[field] ?? field);
  if (at.path !== '' && name !== '') return `${at.path}.${name}`;
  return at.path || name || '$';
}

/** A zod issue path as a report field: ['events', 2, 'occurredAt'] → `events[2].occurredAt`. */
export function pathToField(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '$' : out;
}
