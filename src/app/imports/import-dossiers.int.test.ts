import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '#app/calendar/load-calendar.ts';
import type { AppDeps } from '#app/deps.ts';
import { loadDossierContext } from '#app/dossiers/dossier-context.ts';
import { replayDossier } from '#domain/dossiers/dossier-state.ts';
import { derivedColumns, eventFromRow, listDossierEvents } from '#db/repositories/dossier.repository.ts';
import { CSV_IMPORT_COLUMNS } from '#shared/import.schema.ts';
import type { DossierDetail } from '#shared/dossier.view.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/db.ts';
import { buildDeps, seedTestCatalog, TEST_CATALOG } from '#test/support/factories.ts';
import { countRows, createTestApp, type TestApp } from '#test/support/http.ts';
import { importDossiers, type ImportReport } from './import-dossiers.ts';

const TABLES = ['dossier', 'dossier_event', 'dossier_step', 'dossier_supplement'] as const;
const EXAMPLES = join(import.meta.dirname, '../../../docs/examples');
const C = TEST_CATALOG;

type Fields = Record<string, string | number | boolean | undefined>;
interface Dossier extends Fields {
  code?: string;
  agencyCode: string;
  procedureCode: string;
  channel: string;
  receivedAt: string;
  officialCode?: string;
}
interface Rec {
  dossier: Dossier;
  events: Fields[];
}
interface Expected {
  line: number;
  code: string;
  field: string;
}

/** Local instant on a day of April 2025 (Asia/Ho_Chi_Minh). */
const at = (day: number, time: string): string => `2025-04-${String(day).padStart(2, '0')}T${time}:00+07:00`;
const stepUuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * The i-th good dossier: six lifecycle shapes in turn (received only; an inter-unit step;
 * a supplement; forwarded then refused; online payment and digitisation; an apology), every
 * ninth without a code, and two codeless ones received at the very same instant.
 */
function goodRecord(i: number): Rec {
  const twin = i === 91 || i === 92;
  const day = twin ? 20 : 1 + Math.floor(i / 25);
  const hour = 8 + Math.floor((i % 25) / 4);
  const time = (h: number, m = 0): string => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  const codeless = i % 9 === 4 || twin;
  const dossier: Dossier = codeless
    ? {
        agencyCode: C.department2,
        procedureCode: C.procedureCalendar,
        channel: 'post',
        receivedAt: twin ? at(day, '09:00') : at(day, time(hour, (i % 4) * 15)),
      }
    : {
        code: `H99.01-2504${String(day).padStart(2, '0')}-${String(i + 1).padStart(4, '0')}`,
        agencyCode: C.department,
        procedureCode: C.procedure5Days,
        channel: i % 2 === 0 ? 'in_person' : 'online',
        receivedAt: at(day, time(hour, (i % 4) * 15)),
        officialCode: i % 3 === 0 ? C.counterOfficial : undefined,
      };
  const next = (days: number, t: string) => at(day + days, t);
  const shapes: Fields[][] = [
    [],
    [
      {
        type: 'step_received',
        occurredAt: next(0, '17:00'),
        stepId: stepUuid(i),
        unitAgencyCode: C.department,
        allottedValue: 2,
        allottedUnit: 'working_days',
        officialCode: C.handlingOfficial,
      },
      { type: 'step_handed_over', occurredAt: next(1, '10:00'), stepId: stepUuid(i) },
      { type: 'finished', occurredAt: next(1, '11:00') },
      { type: 'result_returned', occurredAt: next(2, '08:00') },
    ],
    [
      {
        type: 'supplement_requested',
        occurredAt: next(0, '17:00'),
        reason: 'Thiếu bản sao, "công chứng", mẫu 02',
        applicantAtFault: i % 2 === 0,
      },
      { type: 'supplement_completed', occurredAt: next(1, '09:00') },
      { type: 'finished', occurredAt: next(2, '09:00') },
    ],
    [
      { type: 'forwarded', occurredAt: next(0, '17:00'), toAgencyCode: C.department2 },
      { type: 'refused', occurredAt: next(1, '09:00'), reason: 'Không thuộc thẩm quyền' },
    ],
    [
      { type: 'paid_online', occurredAt: next(0, '17:00'), amount: 50_000 },
      { type: 'digitised', occurredAt: next(0, '17:05'), components: 3 },
      { type: 'finished', occurredAt: next(1, '09:00') },
      { type: 'electronic_result_issued', occurredAt: next(1, '09:05') },
    ],
    [
      {
        type: 'apology_issued',
        occurredAt: next(0, '17:00'),
        reason: 'Chờ xác minh',
        newDueDate: '2025-06-30',
      },
      { type: 'finished', occurredAt: next(3, '09:00') },
    ],
  ];
  return { dossier, events: shapes[i % shapes.length] ?? [] };
}

const ndjsonLine = (record: Rec): string => JSON.stringify({ ...record.dossier, events: record.events });

function eventCount(records: readonly Rec[]): number {
  return records.reduce((sum, record) => sum + 1 + record.events.length, 0);
}

/** 200 dossier lines, exactly 20 of them bad in different ways, plus two blank lines. */
function buildNdjson(): { text: string; good: Rec[]; expected: Expected[] } {
  const lines: string[] = [];
  const good: Rec[] = [];
  const expected: Expected[] = [];
  const base = (n: number): Dossier => ({
    code: `H99.01-250515-${String(n).padStart(4, '0')}`,
    agencyCode: C.department,
    procedureCode: C.procedure5Days,
    channel: 'in_person',
    receivedAt: '2025-05-15T09:00:00+07:00',
  });
  const d = (n: number, overrides: Fields = {}): string => JSON.stringify({ ...base(n), ...overrides });
  const withEvents = (n: number, events: Fields[], overrides: Fields = {}): string =>
    JSON.stringify({ ...base(n), ...overrides, events });
  const step = {
    type: 'step_received',
    occurredAt: '2025-05-15T10:00:00+07:00',
    stepId: stepUuid(9000),
    unitAgencyCode: C.department,
    allottedValue: 1,
    allottedUnit: 'working_days',
  };
  const bad: [string, string, string][] = [
    ['{"code": "H99.01-250515-0001", "agencyCode": ', 'IMPORT_FILE_INVALID', '$'],
    [d(2, { procedureCode: 'TT.KHONG-CO' }), 'PROCEDURE_NOT_FOUND', 'procedureCode'],
    [d(3, { receivedAt: '2025-02-30T10:00:00+07:00' }), 'VALIDATION_FAILED', 'receivedAt'],
    [
      withEvents(4, [
        { type: 'finished', occurredAt: '2025-05-16T10:00:00+07:00' },
        { type: 'result_returned', occurredAt: '16/05/2025' },
      ]),
      'VALIDATION_FAILED',
      'events[1].occurredAt',
    ],
    [
      withEvents(5, [step, { type: 'finished', occurredAt: '2025-05-16T10:00:00+07:00' }]),
      'STEP_STILL_OPEN',
      'events[1]',
    ],
    [
      withEvents(6, [
        { type: 'result_returned', occurredAt: '2025-05-16T10:00:00+07:00' },
        { type: 'finished', occurredAt: '2025-05-16T11:00:00+07:00' },
      ]),
      'EVENT_NOT_ALLOWED',
      'events[0]',
    ],
    [
      withEvents(7, [
        { type: 'paid_online', occurredAt: '2025-05-16T10:00:00+07:00' },
        { type: 'finished', occurredAt: '2025-05-15T08:00:00+07:00' },
      ]),
      'EVENT_OUT_OF_ORDER',
      'events[1]',
    ],
    [
      withEvents(8, [
        {
          type: 'apology_issued',
          occurredAt: '2025-05-16T10:00:00+07:00',
          reason: 'Chậm',
          newDueDate: '2025-06-30',
        },
        {
          type: 'apology_issued',
          occurredAt: '2025-05-17T10:00:00+07:00',
          reason: 'Chậm nữa',
          newDueDate: '2025-07-30',
        },
      ]),
      'APOLOGY_ALREADY_ISSUED',
      'events[1]',
    ],
    [d(9, { agencyCode: 'H99.99' }), 'AGENCY_NOT_FOUND', 'agencyCode'],
    [
      withEvents(10, [{ type: 'finished', occurredAt: '2025-05-16T10:00:00+07:00', officialCode: 'CB999' }]),
      'OFFICIAL_NOT_FOUND',
      'events[0].officialCode',
    ],
    [d(11, { padding: 'x'.repeat(1_000_001) }), 'PAYLOAD_TOO_LARGE', '$'],
    [
      withEvents(12, [{ type: 'teleported', occurredAt: '2025-05-16T10:00:00+07:00' }]),
      'VALIDATION_FAILED',
      'events[0].type',
    ],
    ['[1, 2, 3]', 'VALIDATION_FAILED', '$'],
    [d(14, { code: 'HS-2025-14' }), 'DOSSIER_CODE_INVALID', 'code'],
    [
      withEvents(15, [
        {
          type: 'apology_issued',
          occurredAt: '2025-05-16T10:00:00+07:00',
          reason: 'Chậm',
          newDueDate: '2025-05-16',
        },
      ]),
      'APOLOGY_DATE_INVALID',
      'events[0]',
    ],
    [
      withEvents(16, [
        { type: 'forwarded', occurredAt: '2025-05-16T10:00:00+07:00', toAgencyCode: 'H99.99' },
      ]),
      'AGENCY_NOT_FOUND',
      'events[0].toAgencyCode',
    ],
    [
      withEvents(17, [
        { type: 'forwarded', occurredAt: '2025-05-15T10:00:00+07:00', toAgencyCode: C.department2 },
        { type: 'step_handed_over', occurredAt: '2025-05-16T10:00:00+07:00', stepId: stepUuid(9999) },
      ]),
      'STEP_NOT_FOUND',
      'events[1]',
    ],
    // The code of the first good dossier, with another procedure: not that dossier.
    [
      JSON.stringify({ ...goodRecord(0).dossier, procedureCode: C.procedure3Hours }),
      'DOSSIER_CODE_TAKEN',
      'procedureCode',
    ],
    [d(19, { channel: undefined }), 'VALIDATION_FAILED', 'channel'],
    [
      withEvents(20, [
        { type: 'refused', occurredAt: '2025-05-16T10:00:00+07:00', reason: 'Sai' },
        { type: 'finished', occurredAt: '2025-05-17T10:00:00+07:00' },
      ]),
      'EVENT_NOT_ALLOWED',
      'events[1]',
    ],
  ];
  let goodIndex = 0;
  for (let n = 1; n <= 200; n += 1) {
    if (n === 60 || n === 140) lines.push(n === 60 ? '' : '   ');
    const badCase = n % 10 === 5 ? bad[(n - 5) / 10] : undefined;
    if (badCase) {
      lines.push(badCase[0]);
      expected.push({ line: lines.length, code: badCase[1], field: badCase[2] });
    } else {
      const record = goodRecord(goodIndex);
      goodIndex += 1;
      good.push(record);
      lines.push(ndjsonLine(record));
    }
  }
  return { text: `${lines.join('\n')}\n`, good, expected };
}

/** A CSV cell, quoted when it holds a comma, a quote or a newline. */
function cell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  const text = typeof value === 'boolean' ? (value ? 'có' : 'không') : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvRow(fields: Fields): string {
  return CSV_IMPORT_COLUMNS.map((column) => cell(fields[column])).join(',');
}

function csvRows(record: Rec): string[] {
  const { receivedAt, ...dossier } = record.dossier;
  return [
    csvRow({ ...dossier, type: 'received', occurredAt: receivedAt }),
    ...record.events.map((event) => csvRow({ code: record.dossier.code, ...event })),
  ];
}

/**
 * The CSV twin of the NDJSON file: CRLF line endings and a byte-order mark (as Excel saves),
 * a reason spanning two lines, and bad dossiers of CSV-specific kinds too.
 */
function buildCsv(): { text: string; good: Rec[]; expected: Expected[] } {
  const lines = [CSV_IMPORT_COLUMNS.join(',')];
  const good: Rec[] = [];
  const expected: Expected[] = [];
  const row = (text: string): number => {
    lines.push(text);
    return lines.length + lines.slice(0, -1).reduce((sum, line) => sum + (line.match(/\n/g)?.length ?? 0), 0);
  };
  const received = (n: number, overrides: Fields = {}): Fields => ({
    code: `H99.01-250515-${String(n).padStart(4, '0')}`,
    agencyCode: C.department,
    procedureCode: C.procedure5Days,
    channel: 'in_person',
    type: 'received',
    occurredAt: '2025-05-15T09:00:00+07:00',
    ...overrides,
  });
  const event = (n: number, fields: Fields): Fields => ({
    code: `H99.01-250515-${String(n).padStart(4, '0')}`,
    ...fields,
  });
  /** Each bad dossier: its rows, and which row (index) the problem names. */
  const bad: [Fields[] | string[], number, string, string][] = [
    [[received(2, { procedureCode: 'TT.KHONG-CO' })], 0, 'PROCEDURE_NOT_FOUND', 'procedureCode'],
    [
      [received(3), event(3, { type: 'finished', occurredAt: '16/05/2025' })],
      1,
      'VALIDATION_FAILED',
      'occurredAt',
    ],
    [
      [
        received(4),
        event(4, {
          type: 'step_received',
          occurredAt: '2025-05-15T10:00:00+07:00',
          stepId: stepUuid(9004),
          unitAgencyCode: C.department,
          allottedValue: 1,
          allottedUnit: 'working_days',
        }),
        event(4, { type: 'finished', occurredAt: '2025-05-16T10:00:00+07:00' }),
      ],
      2,
      'STEP_STILL_OPEN',
      '$',
    ],
    [
      [received(5), event(5, { type: 'result_returned', occurredAt: '2025-05-16T10:00:00+07:00' })],
      1,
      'EVENT_NOT_ALLOWED',
      '$',
    ],
    [
      [
        received(6),
        event(6, { type: 'paid_online', occurredAt: '2025-05-16T10:00:00+07:00' }),
        event(6, { type: 'finished', occurredAt: '2025-05-15T08:00:00+07:00' }),
      ],
      2,
      'EVENT_OUT_OF_ORDER',
      '$',
    ],
    [
      [
        received(7),
        event(7, {
          type: 'apology_issued',
          occurredAt: '2025-05-16T10:00:00+07:00',
          reason: 'Chậm',
          newDueDate: '2025-06-30',
        }),
        event(7, {
          type: 'apology_issued',
          occurredAt: '2025-05-17T10:00:00+07:00',
          reason: 'Chậm nữa',
          newDueDate: '2025-07-30',
        }),
      ],
      2,
      'APOLOGY_ALREADY_ISSUED',
      '$',
    ],
    // A row with a missing cell: unreadable, so its whole dossier fails.
    [
      [
        csvRow(received(8)),
        csvRow(event(8, { type: 'finished', occurredAt: '2025-05-16T10:00:00+07:00' })).slice(0, -1),
      ],
      1,
      'IMPORT_FILE_INVALID',
      '$',
    ],
    [
      [
        received(9),
        event(9, {
          type: 'step_received',
          occurredAt: '2025-05-16T10:00:00+07:00',
          unitAgencyCode: C.department,
          allottedValue: 'ba',
          allottedUnit: 'working_days',
        }),
      ],
      1,
      'VALIDATION_FAILED',
      'allottedValue',
    ],
    [
      [
        received(10),
        event(10, {
          type: 'supplement_requested',
          occurredAt: '2025-05-16T10:00:00+07:00',
          reason: 'Thiếu',
          applicantAtFault: 'có lẽ',
        }),
      ],
      1,
      'VALIDATION_FAILED',
      'applicantAtFault',
    ],
    // Event rows with no code and no "received" row before them.
    [
      [
        { type: 'finished', occurredAt: '2025-05-16T10:00:00+07:00' },
        { type: 'result_returned', occurredAt: '2025-05-16T11:00:00+07:00' },
      ],
      0,
      'VALIDATION_FAILED',
      'type',
    ],
    // Event rows naming a dossier that was never imported.
    [
      [event(12, { type: 'finished', occurredAt: '2025-05-16T10:00:00+07:00' })],
      0,
      'DOSSIER_NOT_FOUND',
      'code',
    ],
    [[received(13, { occurredAt: undefined })], 0, 'VALIDATION_FAILED', 'occurredAt'],
    [[received(14, { channel: 'pigeon' })], 0, 'VALIDATION_FAILED', 'channel'],
    [
      [
        received(15),
        event(15, { type: 'finished', occurredAt: '2025-05-16T10:00:00+07:00', eventId: 'not-a-uuid' }),
      ],
      1,
      'VALIDATION_FAILED',
      'eventId',
    ],
    [
      [
        received(16),
        event(16, { type: 'finished', occurredAt: '2025-05-16T10:00:00+07:00', agencyCode: C.department2 }),
      ],
      1,
      'VALIDATION_FAILED',
      'agencyCode',
    ],
    [[received(17, { type: 'received', agencyCode: 'H99.99' })], 0, 'AGENCY_NOT_FOUND', 'agencyCode'],
    [
      [received(18), event(18, { type: 'teleported', occurredAt: '2025-05-16T10:00:00+07:00' })],
      1,
      'VALIDATION_FAILED',
      'type',
    ],
    [
      [
        received(19),
        event(19, { type: 'refused', occurredAt: '2025-05-16T10:00:00+07:00', reason: 'Sai' }),
        event(19, { type: 'finished', occurredAt: '2025-05-17T10:00:00+07:00' }),
      ],
      2,
      'EVENT_NOT_ALLOWED',
      '$',
    ],
    [[received(20, { code: 'HS-2025-20' })], 0, 'DOSSIER_CODE_INVALID', 'code'],
    [
      [
        received(21),
        event(21, { type: 'finished', occurredAt: '2025-05-16T10:00:00+07:00', officialCode: 'CB999' }),
      ],
      1,
      'OFFICIAL_NOT_FOUND',
      'officialCode',
    ],
  ];
  let goodIndex = 0;
  for (let n = 1; n <= 200; n += 1) {
    const badCase = n % 10 === 5 ? bad[(n - 5) / 10] : undefined;
    if (n === 100) row('');
    if (badCase) {
      const [rows, index, code, field] = badCase;
      const numbers = rows.map((r) => row(typeof r === 'string' ? r : csvRow(r)));
      expected.push({ line: numbers[index] ?? 0, code, field });
      continue;
    }
    const record = goodRecord(goodIndex);
    goodIndex += 1;
    if (goodIndex === 3) {
      // A reason with a line break inside its quoted cell: the rows after it keep their line numbers.
      record.events = record.events.map((e) =>
        e.type === 'supplement_requested' ? { ...e, reason: 'Thiếu bản sao,\nmẫu 02' } : e,
      );
    }
    good.push(record);
    for (const text of csvRows(record)) row(text);
  }
  return { text: `\uFEFF${lines.join('\r\n')}\r\n`.replaceAll(/(?<!\r)\n/g, '\r\n'), good, expected };
}

function expectProblems(report: ImportReport, expected: readonly Expected[]): void {
  for (const e of expected) {
    const found = report.errors.filter((problem) => problem.line === e.line);
    expect(
      found,
      `line ${e.line}: ${JSON.stringify(report.errors.filter((p) => Math.abs(p.line - e.line) < 4))}`,
    ).toContainEqual(expect.objectContaining({ code: e.code, field: e.field }));
    for (const problem of found) expect(problem.message.length).toBeGreaterThan(5);
  }
  const badLines = new Set(expected.map((e) => e.line));
  const unexpected = report.errors.filter((problem) => !badLines.has(problem.line));
  expect(unexpected).toEqual([]);
}

async function codesInDb(deps: AppDeps): Promise<Set<string>> {
  const rows = await deps.db.selectFrom('dossier').select('code').execute();
  return new Set(rows.map((row) => row.code));
}

describe('importDossiers', () => {
  let database: TestDatabase;
  let deps: AppDeps;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    deps = buildDeps(database.db);
    await seedTestCatalog(deps);
    dir = mkdtempSync(join(tmpdir(), 'hailong-import-'));
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the good NDJSON lines, reports every bad one by line, field and code, and writes nothing of them', async () => {
    const { text, good, expected } = buildNdjson();
    const file = join(dir, 'dossiers.ndjson');
    writeFileSync(file, text);
    const progress: [number, number][] = [];
    const reportFile = join(dir, 'report.json');
    const report = await importDossiers(deps, file, 'ndjson', {
      onProgress: (done, total) => progress.push([done, total]),
      reportFile,
    });
    expectProblems(report, expected);
    expect(report).toMatchObject({ lines: 202, imported: 180, unchanged: 0, failed: 20 });
    expect(await countRows(deps, ['dossier', 'dossier_event'])).toEqual({
      dossier: 180,
      dossier_event: eventCount(good),
    });
    // Nothing of a bad line: the codes of bad lines are absent (bad line 5 had written a step before failing).
    const codes = await codesInDb(deps);
    for (let n = 1; n <= 20; n += 1)
      expect(codes.has(`H99.01-250515-${String(n).padStart(4, '0')}`)).toBe(false);
    expect(await countRows(deps, ['dossier_step'])).toEqual({
      dossier_step: good.filter((r) => r.events[0]?.type === 'step_received').length,
    });
    // The two codeless dossiers received at the same instant stay two dossiers.
    const twins = await deps.db
      .selectFrom('dossier')
      .select('code')
      .where('received_at', '=', new Date(at(20, '09:00')))
      .execute();
    expect(twins).toHaveLength(2);
    expect(progress.at(-1)).toEqual([Buffer.byteLength(text), Buffer.byteLength(text)]);
    expect(progress.length).toBeGreaterThan(10);
    const written: unknown = JSON.parse(readFileSync(reportFile, 'utf8'));
    expect(written).toMatchObject({
      format: 'ndjson',
      lines: 202,
      imported: 180,
      failed: 20,
      errors: report.errors,
    });
  });

  it('does nothing when the same file is imported again, and reports the same errors', async () => {
    const file = join(dir, 'dossiers.ndjson');
    const before = await countRows(deps, TABLES);
    const first = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ImportReport;
    const report = await importDossiers(deps, file, 'ndjson');
    expect(report).toMatchObject({ lines: 202, imported: 0, unchanged: 180, failed: 20 });
    expect(report.errors).toEqual(first.errors);
    expect(await countRows(deps, TABLES)).toEqual(before);
  });

  it('appends only the new events of a later export, for dossiers with and without a code', async () => {
    const withCode = goodRecord(0);
    const codeless = goodRecord(4);
    expect(withCode.events).toEqual([]);
    expect(codeless.dossier.code).toBeUndefined();
    const later = [
      { ...withCode, events: [{ type: 'finished', occurredAt: at(1, '15:00') }] },
      {
        ...codeless,
        events: [...codeless.events, { type: 'digitised', occurredAt: at(28, '10:00'), components: 1 }],
      },
    ];
    const file = join(dir, 'later.ndjson');
    writeFileSync(file, later.map(ndjsonLine).join('\n'));
    const before = await countRows(deps, TABLES);
    const report = await importDossiers(deps, file, 'ndjson');
    expect(report).toMatchObject({ lines: 2, imported: 2, unchanged: 0, failed: 0 });
    expect(await countRows(deps, TABLES)).toMatchObject({
      dossier: before.dossier,
      dossier_event: before.dossier_event! + 2,
    });
    const dossier = await deps.db
      .selectFrom('dossier')
      .selectAll()
      .where('code', '=', withCode.dossier.code!)
      .executeTakeFirstOrThrow();
    expect(dossier).toMatchObject({ status: 'finished', event_count: 2 });
    expect(await importDossiers(deps, file, 'ndjson')).toMatchObject({
      imported: 0,
      unchanged: 2,
      failed: 0,
    });
  });

  it('refuses to change an event already imported, and a dossier code reused for another dossier', async () => {
    const original = goodRecord(1);
    const moved = { ...original, dossier: { ...original.dossier, receivedAt: at(1, '07:59') } };
    const reused = { ...original, events: [] };
    const file = join(dir, 'conflicts.ndjson');
    const explicitId = '11111111-2222-4333-8444-555555555555';
    writeFileSync(
      file,
      [
        ndjsonLine(original),
        ndjsonLine(moved),
        ndjsonLine(reused),
        ndjsonLine({
          dossier: goodRecord(2).dossier,
          events: [{ id: explicitId, type: 'paid_online', occurredAt: at(10, '18:00') }],
        }),
        ndjsonLine({
          dossier: goodRecord(2).dossier,
          events: [{ id: explicitId, type: 'paid_online', occurredAt: at(10, '18:30') }],
        }),
      ].join('\n'),
    );
    const before = await countRows(deps, TABLES);
    const report = await importDossiers(deps, file, 'ndjson');
    expect(report).toMatchObject({ imported: 1, unchanged: 2, failed: 2 });
    expect(report.errors).toEqual([
      expect.objectContaining({ line: 2, code: 'DOSSIER_CODE_TAKEN', field: 'receivedAt' }),
      expect.objectContaining({ line: 5, code: 'EVENT_ID_CONFLICT', field: 'events[0].occurredAt' }),
    ]);
    expect(await countRows(deps, TABLES)).toMatchObject({
      dossier: before.dossier,
      dossier_event: before.dossier_event! + 1,
    });
  });

  it('imports the CSV equivalent, with line numbers of the CSV file (1 = header)', async () => {
    const csvDatabase = await createTestDatabase();
    try {
      const csvDeps = buildDeps(csvDatabase.db);
      await seedTestCatalog(csvDeps);
      const { text, good, expected } = buildCsv();
      const file = join(dir, 'dossiers.csv');
      writeFileSync(file, text);
      const physicalLines = text.split('\r\n').length - 1;
      const report = await importDossiers(csvDeps, file, 'csv');
      expectProblems(report, expected);
      expect(report).toMatchObject({ lines: physicalLines, imported: 180, unchanged: 0, failed: 20 });
      expect(await countRows(csvDeps, ['dossier', 'dossier_event'])).toEqual({
        dossier: 180,
        dossier_event: eventCount(good),
      });
      const supplement = await csvDeps.db
        .selectFrom('dossier_supplement')
        .select('reason')
        .where('reason', 'like', '%mẫu 02')
        .execute();
      expect(supplement.map((row) => row.reason)).toContain('Thiếu bản sao,\nmẫu 02');

      const before = await countRows(csvDeps, TABLES);
      const again = await importDossiers(csvDeps, file, 'csv');
      expect(again).toMatchObject({ imported: 0, unchanged: 180, failed: 20 });
      expect(again.errors).toEqual(report.errors);
      expect(await countRows(csvDeps, TABLES)).toEqual(before);
    } finally {
      await csvDatabase.close();
    }
  });

  it('refuses a CSV header with unknown columns before writing anything', async () => {
    const file = join(dir, 'bad-header.csv');
    writeFileSync(file, 'code,type,ocurredAt\nH99.01-250601-0001,received,2025-06-01T09:00:00+07:00\n');
    await expect(importDossiers(deps, file, 'csv')).rejects.toMatchObject({
      code: 'IMPORT_FILE_INVALID',
      problems: [{ field: 'ocurredAt' }],
    });
    await expect(importDossiers(deps, join(dir, 'missing.csv'), 'csv')).rejects.toMatchObject({
      code: 'IMPORT_FILE_INVALID',
    });
  });
});

describe('docs/examples', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('import cleanly into the test catalog, and the CSV example is the same dossiers as the NDJSON one', async () => {
    const ndjson = await importDossiers(t.deps, join(EXAMPLES, 'dossiers.ndjson'), 'ndjson');
    expect(ndjson).toEqual({ lines: 8, imported: 7, unchanged: 0, failed: 0, errors: [] });
    const csv = await importDossiers(t.deps, join(EXAMPLES, 'dossiers.csv'), 'csv');
    expect(csv).toEqual({ lines: 25, imported: 0, unchanged: 7, failed: 0, errors: [] });
  });

  it('stores the derived columns the use cases and the API compute', async () => {
    const lines = readFileSync(join(EXAMPLES, 'dossiers.ndjson'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    const calendar = await loadCalendar(t.deps.db);
    for (const [index, line] of lines.entries()) {
      const record = JSON.parse(line) as { code?: string; events?: Record<string, unknown>[] } & Record<
        string,
        unknown
      >;
      const { code, events = [], ...dossier } = record;
      // The same dossier through the HTTP API, under another code.
      const apiCode = `H99.01-250401-${String(9000 + index)}`;
      const created = await t.inject({
        method: 'POST',
        url: '/api/v1/dossiers',
        payload: { ...dossier, code: apiCode },
      });
      expect(created.statusCode, created.body).toBe(201);
      for (const event of events) {
        const response = await t.inject({
          method: 'POST',
          url: `/api/v1/dossiers/${apiCode}/events`,
          payload: event,
        });
        expect(response.statusCode, response.body).toBe(201);
      }
      const imported = await t.deps.db
        .selectFrom('dossier')
        .selectAll()
        .$if(code !== undefined, (q) => q.where('code', '=', code!))
        .$if(code === undefined, (q) =>
          q.where('received_at', '=', new Date(String(dossier.receivedAt))).where('code', '!=', apiCode),
        )
        .executeTakeFirstOrThrow();
      const viaApi = (
        await t.inject({ method: 'GET', url: `/api/v1/dossiers/${apiCode}` })
      ).json<DossierDetail>();
      const viaImport = (
        await t.inject({ method: 'GET', url: `/api/v1/dossiers/${imported.id}` })
      ).json<DossierDetail>();
      const comparable = (detail: DossierDetail) => ({
        ...detail,
        id: undefined,
        code: undefined,
        events: detail.events.map((event) => ({ ...event, id: undefined, source: undefined })),
      });
      expect(comparable(viaImport)).toEqual(comparable(viaApi));
      expect(viaImport.events.every((event) => event.source === 'import')).toBe(true);
      // And the stored columns are the fold of the stored events.
      const rows = await listDossierEvents(t.deps.db, imported.agency_id, imported.id);
      const context = await loadDossierContext(t.deps.db, imported.procedure_id, calendar);
      const replayed = derivedColumns(replayDossier(rows.map(eventFromRow), context));
      expect(imported).toMatchObject(replayed);
    }
    const returned = (
      await t.inject({ method: 'GET', url: '/api/v1/dossiers/H99.01-250303-0001' })
    ).json<DossierDetail>();
    expect(returned).toMatchObject({ status: 'returned', dueDate: '2025-03-10', timeliness: 'early' });
    expect(returned.steps[0]).toMatchObject({ dueDate: '2025-03-06', timeliness: 'early' });
  });
});
