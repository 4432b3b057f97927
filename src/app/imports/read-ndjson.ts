import { createReadStream } from 'node:fs';
import { ReceiveDossierInputSchema } from '#shared/dossier.schema.ts';
import { DossierImportRecordSchema } from '#shared/import.schema.ts';
import { LIMITS } from '#shared/limits.ts';
import { normalizeStrings } from './normalize-strings.ts';
import type { ReadItem, ReadStats } from './import-record.ts';
import { PARSE_OPTIONS, zodProblems } from './import-problems.ts';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

interface RawLine {
  line: number;
  /** The line's text; null when it was longer than the limit (its bytes were dropped). */
  text: string | null;
  /** False when the bytes are not UTF-8. */
  isUtf8: boolean;
  bytes: number;
  /** Offset in the file just after this line. */
  end: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(
  parts: Buffer[],
  line: number,
  bytes: number,
  lastByte: number | undefined,
  end: number,
): RawLine {
  const size = lastByte === CARRIAGE_RETURN ? bytes - 1 : bytes;
  if (size > LIMITS.importMaxLineBytes) return { line, text: null, isUtf8: true, bytes: size, end };
  const buffer = parts.length === 1 && parts[0] !== undefined ? parts[0] : Buffer.concat(parts);
  try {
    // TextDecoder drops a leading byte-order mark (files saved by Windows tools start with one).
    return { line, text: decoder.decode(buffer.subarray(0, size)), isUtf8: true, bytes: size, end };
  } catch {
    return { line, text: '', isUtf8: false, bytes: size, end };
  }
}

/**
 * The lines of a file, streamed: never more than one line in memory, and a line longer than
 * LIMITS.importMaxLineBytes is reported (text null) without being kept.
 */
export async function* readLines(filePath: string): AsyncGenerator<RawLine> {
  // Kept up to the limit plus a CR; beyond that the line is only counted.
  const keep = LIMITS.importMaxLineBytes + 1;
  let parts: Buffer[] = [];
  let bytes = 0;
  let lastByte: number | undefined;
  let line = 0;
  let offset = 0;
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      const stop = newline === -1 ? chunk.length : newline;
      if (stop > start) {
        const piece = chunk.subarray(start, stop);
        bytes += piece.length;
        lastByte = piece.at(-1);
        if (bytes <= keep) parts.push(piece);
        else parts = [];
      }
      if (newline === -1) {
        offset += chunk.length - start;
        break;
      }
      offset += stop - start + 1;
      line += 1;
      yield decode(parts, line, bytes, lastByte, offset);
      parts = [];
      bytes = 0;
      lastByte = undefined;
      start = newline + 1;
    }
  }
  if (bytes > 0) {
    line += 1;
    yield decode(parts, line, bytes, lastByte, offset);
  }
}

/**
 * Reads an NDJSON import file: one dossier per line (DossierImportRecordSchema), blank lines
 * skipped. A line that is too long, not UTF-8, not JSON or not a valid record yields its
 * problems; the others yield records.
 */
export async function* readNdjsonRecords(filePath: string, stats: ReadStats): AsyncGenerator<ReadItem> {
  for await (const raw of readLines(filePath)) {
    stats.lines = raw.line;
    const { line, end: bytesDone } = raw;
    if (raw.text === null) {
      const message = `Dòng dài ${raw.bytes} byte, quá giới hạn ${LIMITS.importMaxLineBytes} byte.`;
      yield {
        kind: 'invalid',
        bytesDone,
        problems: [{ line, field: '$', code: 'PAYLOAD_TOO_LARGE', message }],
      };
      continue;
    }
    if (!raw.isUtf8) {
      const message = 'Dòng không phải văn bản UTF-8.';
      yield {
        kind: 'invalid',
        bytesDone,
        problems: [{ line, field: '$', code: 'IMPORT_FILE_INVALID', message }],
      };
      continue;
    }
    if (raw.text.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(raw.text);
    } catch (error) {
      const message = `Dòng không phải JSON hợp lệ: ${(error as Error).message}`;
      yield {
        kind: 'invalid',
        bytesDone,
        problems: [{ line, field: '$', code: 'IMPORT_FILE_INVALID', message }],
      };
      continue;
    }
    const input = normalizeStrings(json);
    const parsed = DossierImportRecordSchema.safeParse(input, PARSE_OPTIONS);
    if (!parsed.success) {
      // The dossier part still counts for the rank of codeless receipts, so fixing this line later keeps the others' ids.
      const dossier = ReceiveDossierInputSchema.safeParse(input);
      yield {
        kind: 'invalid',
        bytesDone,
        problems: zodProblems(parsed.error, line),
        ...(dossier.success ? { dossier: dossier.data } : {}),
      };
      continue;
    }
    const { events, ...dossier } = parsed.data;
    yield {
      kind: 'record',
      bytesDone,
      record: {
        line,
        code: dossier.code,
        dossier: { value: dossier, at: { line, path: '' } },
        events: events.map((event, index) => ({ value: event, at: { line, path: `events[${index}]` } })),
      },
    };
  }
}
