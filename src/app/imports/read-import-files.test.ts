import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CSV_IMPORT_COLUMNS } from '#shared/import.schema.ts';
import { LIMITS } from '#shared/limits.ts';
import { deriveRecordIds, ReceiptCounter } from './import-keys.ts';
import type { ImportRecord, ReadItem } from './import-record.ts';
import { readCsvRecords } from './read-csv.ts';
import { readLines, readNdjsonRecords } from './read-ndjson.ts';

const dir = mkdtempSync(join(tmpdir(), 'hailong-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const records = (items: ReadItem[]): ImportRecord[] =>
  items.flatMap((item) => (item.kind === 'record' ? [item.record] : []));

describe('readLines', () => {
  it('numbers LF and CRLF lines, drops the byte-order mark, and keeps a last line without newline', async () => {
    const lines = await collect(readLines(file('a.ndjson', '\uFEFFone\r\ntwo\n\nthree')));
    expect(lines.map((line) => [line.line, line.text])).toEqual([
      [1, 'one'],
      [2, 'two'],
      [3, ''],
      [4, 'three'],
    ]);
    expect(lines.at(-1)?.end).toBe(Buffer.byteLength('\uFEFFone\r\ntwo\n\nthree'));
  });

  it('reports a line over the limit without keeping it, and reads on; flags bytes that are not UTF-8', async () => {
    const long = 'x'.repeat(LIMITS.importMaxLineBytes + 1);
    const exact = 'y'.repeat(LIMITS.importMaxLineBytes);
    const content = Buffer.concat([
      Buffer.from(`${long}\n${exact}\r\n`),
      Buffer.from([0xff, 0xfe, 0x0a]),
      Buffer.from('ok'),
    ]);
    const lines = await collect(readLines(file('b.ndjson', content)));
    expect(lines.map((line) => [line.line, line.text?.length ?? null, line.isUtf8])).toEqual([
      [1, null, true],
      [2, LIMITS.importMaxLineBytes, true],
      [3, 0, false],
      [4, 2, true],
    ]);
  });
});

describe('readNdjsonRecords', () => {
  it('skips blank lines and locates each event of a record', async () => {
    const line = JSON.stringify({
      agencyCode: 'A',
      procedureCode: 'P',
      channel: 'post',
      receivedAt: '2025-03-03T10:00:00+07:00',
      events: [{ type: 'finished', occurredAt: '2025-03-04T10:00:00+07:00' }],
    });
    const stats = { lines: 0 };
    const items = await collect(readNdjsonRecords(file('c.ndjson', `\n  \n${line}\n`), stats));
    expect(stats.lines).toBe(3);
    expect(records(items)).toMatchObject([
      { line: 3, dossier: { at: { line: 3, path: '' } }, events: [{ at: { line: 3, path: 'events[0]' } }] },
    ]);
  });
});

describe('readCsvRecords', () => {
  const header = CSV_IMPORT_COLUMNS.join(',');
  const row = (fields: Record<string, string>): string =>
    CSV_IMPORT_COLUMNS.map((column) => fields[column] ?? '').join(',');
  const received = (code: string) =>
    row({
      code,
      agencyCode: 'A',
      procedureCode: 'P',
      channel: 'post',
      type: 'received',
      occurredAt: '2025-03-03T10:00:00+07:00',
    });
  const finished = (code: string, reason = '') =>
    row({ code, type: 'refused', occurredAt: '2025-03-04T10:00:00+07:00', reason });

  it('keeps physical line numbers when a CRLF straddles two read chunks and a quoted cell spans lines', async () => {
    // Pad the first record so that the CR of its line ending is the last byte of the first 64 KiB chunk.
    const first = received('X-250303-0001');
    const padding = 65_536 - Buffer.byteLength(`${header}\r\n`) - Buffer.byteLength(first) - 1;
    const padded = first.replace('P,post', `${'P'.repeat(padding + 1)},post`);
    const content = [
      header,
      padded,
      finished('X-250303-0001', '"Thiếu\r\nbản sao"'),
      received('X-250303-0002'),
      '',
    ].join('\r\n');
    expect(Buffer.from(content)[65_535]).toBe(0x0d);
    const stats = { lines: 0 };
    const items = await collect(readCsvRecords(file('d.csv', content), stats));
    const problems = items.flatMap((item) => (item.kind === 'invalid' ? item.problems : []));
    // The long procedure code fails validation on line 2; the next dossier starts on line 5.
    expect(problems).toEqual([
      expect.objectContaining({ line: 2, field: 'procedureCode', code: 'VALIDATION_FAILED' }),
    ]);
    expect(records(items)).toMatchObject([{ line: 5, code: 'X-250303-0002' }]);
    expect(stats.lines).toBe(5);
  });

  it('reads CR-only line endings and turns a quoted line break into LF', async () => {
    const content = [
      header,
      received('X-250303-0003'),
      finished('X-250303-0003', '"a\r\nb"'),
      received('X-250303-0004'),
    ].join('\r');
    const stats = { lines: 0 };
    const read = records(await collect(readCsvRecords(file('e.csv', content), stats)));
    expect(read.map((record) => [record.line, record.code])).toEqual([
      [2, 'X-250303-0003'],
      [5, 'X-250303-0004'],
    ]);
    expect(read[0]?.events[0]).toMatchObject({ value: { reason: 'a\nb' }, at: { line: 3 } });
    expect(stats.lines).toBe(5);
  });

  it('stops at a quote that is never closed once the record passes the line limit', async () => {
    const content = `${header}\n${finished('X-250303-0005', '"open')}\n${'z'.repeat(LIMITS.importMaxLineBytes)}\n`;
    await expect(collect(readCsvRecords(file('f.csv', content), { lines: 0 }))).rejects.toMatchObject({
      code: 'IMPORT_FILE_INVALID',
    });
  });
});

describe('deriveRecordIds', () => {
  const dossier = {
    agencyCode: 'A',
    procedureCode: 'P',
    channel: 'post' as const,
    receivedAt: '2025-03-03T10:00:00+07:00',
  };
  const record = (events: ImportRecord['events'], code?: string): ImportRecord => ({
    line: 1,
    code,
    dossier: { value: { ...dossier, code }, at: { line: 1, path: '' } },
    events,
  });
  const event = (type: 'finished' | 'paid_online', occurredAt: string) => ({
    value: { type, occurredAt, amount: 0 },
    at: { line: 1, path: '' },
  });

  it('is stable across runs, tells identical receipts apart by rank, and does not depend on earlier events', () => {
    const events = [
      event('paid_online', '2025-03-03T11:00:00+07:00'),
      event('paid_online', '2025-03-03T11:00:00+07:00'),
      event('finished', '2025-03-04T10:00:00+07:00'),
    ];
    const first = new ReceiptCounter();
    const a1 = deriveRecordIds(record(events), first);
    const a2 = deriveRecordIds(record(events), first);
    const again = deriveRecordIds(record(events), new ReceiptCounter());
    expect(again).toEqual(a1);
    expect(a2.receivedEventId).not.toBe(a1.receivedEventId);
    expect(new Set(a1.eventIds).size).toBe(3);
    // A later export that drops the payments keeps the id of `finished`.
    expect(
      deriveRecordIds(record([event('finished', '2025-03-04T10:00:00+07:00')]), new ReceiptCounter())
        .eventIds,
    ).toEqual([a1.eventIds[2]]);
    // With a code, the dossier is known by it whatever the file order.
    const coded = deriveRecordIds(record(events, 'A-250303-0001'), first);
    expect(deriveRecordIds(record(events, 'A-250303-0001'), new ReceiptCounter())).toEqual(coded);
  });
});
