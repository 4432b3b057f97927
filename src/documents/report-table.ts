/**
 * The one model every exported report is turned into (issue 6, point 2), before it is written
 * as an Excel workbook (report-xlsx.ts) or a PDF (report-pdf.ts) in the layout officials file:
 * the heading of an administrative document (Nghị định 30/2020/NĐ-CP Điều 8 and Phụ lục I: the
 * issuing agency at the left, the national motto at the right, place and date), the title and
 * the period, one table, footnotes, optional charts, and the signature block.
 *
 * A report builder (e.g. src/http/presenters/present-report-tables.ts) fills a `ReportTable`
 * from the numbers the JSON API presents — never recomputed — so the file holds exactly what
 * the API answers. Cell values are plain: text, or numbers already as the API shows them
 * (1.5 for a score kept in tenths); a column's `kind` says how the number is written. Rows may
 * be a list, or pages read one after the other from the database (`AsyncIterable`), which the
 * writers stream without holding the whole table.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** How a column's values are written. */
export type ColumnKind =
  /** Free text, left-aligned, wrapped. */
  | 'text'
  /** A whole number (counts, ranks): "1.234" in Vietnamese. */
  | 'integer'
  /** A score with one decimal (Thông tư 01/2018 Điều 15 khoản 2 rounds to one): "1,7". */
  | 'tenths'
  /** A number with two decimals (QĐ 766 points): "17,14". */
  | 'hundredths'
  /** A percentage with two decimals, the value given in percent (12.5 → "12,50%"). */
  | 'percent';

export interface ReportColumn {
  /** The column's own header (the lower header row when it belongs to a group). */
  header: string;
  kind: ColumnKind;
  /** Width in characters (Excel's unit); the PDF shares its page width in the same proportions. */
  width: number;
  /**
   * A grouped header above it: consecutive columns naming the same group share one merged cell
   * (e.g. "Điểm các chỉ số" over CS1…CS9); columns without a group span both header rows.
   */
  group?: string;
}

/** One cell: text, a number as the API presents it, or null (not scored: written "–"). */
export type ReportValue = string | number | null;
export type ReportRow = readonly ReportValue[];

/** The rows: all at once, or page after page (large exports stream, never held whole). */
export type ReportRows = readonly ReportRow[] | AsyncIterable<readonly ReportRow[]>;

/** A bar chart drawn under the table in the PDF (report-charts.ts renders it with ECharts as SVG). */
export interface ReportChart {
  title: string;
  /**
   * `ranking`: one horizontal bar per category (e.g. the agencies' totals, best first);
   * `stacked`: horizontal bars stacked by series (e.g. the satisfaction levels per agency).
   */
  kind: 'ranking' | 'stacked';
  categories: readonly string[];
  series: readonly { name: string; values: readonly (number | null)[]; color?: string }[];
  /** Upper end of the value axis (18 for the Thông tư 01/2018 total); the data's maximum otherwise. */
  max?: number;
}

/** Who issues the report and where: the heading and the signature block. */
export interface ReportIssuer {
  /** The issuing agency, written in upper case at the top left (e.g. "UBND tỉnh Thử Nghiệm"). */
  agency: string;
  /** The unit under it that prepared the report, if any (e.g. "Sở Tư pháp"). */
  subUnit: string | null;
  /** The place of the date line (the province), or null for a dotted blank to fill by hand. */
  place: string | null;
  /** The moment the report was made (deps.now()); written as a date in Vietnam's time. */
  issuedAt: number;
  /** The signed-in user who made the file: "NGƯỜI LẬP BIỂU". */
  preparedBy: string;
}

export interface ReportTable {
  /** Upper-case title, e.g. "KẾT QUẢ ĐÁNH GIÁ CƠ QUAN, ĐƠN VỊ". */
  title: string;
  /** The period line under the title, e.g. "Kỳ đánh giá: Quý III/2025 (01/07/2025 – 30/09/2025)". */
  subtitle: string;
  columns: readonly ReportColumn[];
  rows: ReportRows;
  /** Notes under the table: scheme id and version, "n/9 chỉ số", legal basis. */
  footnotes: readonly string[];
  charts: readonly ReportChart[];
  /** The worksheet's name (at most 31 characters, no []:*?/\). */
  sheetName: string;
}

/** The national motto (Nghị định 30/2020/NĐ-CP Phụ lục I, mục II.1). */
export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** The signature block. */
export const SIGNATURES = {
  preparer: 'NGƯỜI LẬP BIỂU',
  preparerHint: '(Ký, ghi rõ họ tên)',
  head: 'THỦ TRƯỞNG ĐƠN VỊ',
  headHint: '(Ký, ghi rõ họ tên, đóng dấu)',
} as const;

/** What a null cell shows: not scored, left out of the total (Thông tư 01/2018 Điều 15 khoản 4). */
export const NOT_SCORED = '–';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The local calendar date of an instant in Vietnam's time. */
function localDate(instant: number): { day: number; month: number; year: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  return { day: part('day'), month: part('month'), year: part('year') };
}

/**
 * "Thử Nghiệm, ngày 05 tháng 7 năm 2025": days below 10 and the months 1 and 2 take a leading
 * zero (Nghị định 30/2020/NĐ-CP Phụ lục I, mục II.4.b); an unknown place is left as dots.
 */
export function placeAndDate(place: string | null, instant: number): string {
  const { day, month, year } = localDate(instant);
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `${place ?? '…………'}, ngày ${dd} tháng ${mm} năm ${year}`;
}

/**
 * The place of the date line from the province's name: "UBND tỉnh Thử Nghiệm" → "Thử Nghiệm"
 * (the place is the province or city, Phụ lục I, mục II.4.a); null when the name says none.
 */
export function placeOfProvince(name: string): string | null {
  const match = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:tỉnh|thành phố|TP\.?)\s+(.+)$/iu.exec(
    name.normalize('NFC').trim(),
  );
  return match?.[1]?.trim() ?? null;
}

const NUMBER_FORMATS = {
  integer: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }),
  tenths: new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  hundredths: new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
} as const;

/** A cell as printed (PDF), in Vietnamese as the web writes it (web/src/i18n.ts formatScore…). */
export function formatCell(kind: ColumnKind, value: ReportValue): string {
  if (value === null) return NOT_SCORED;
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'text':
      return String(value);
    case 'integer':
      return NUMBER_FORMATS.integer.format(value);
    case 'tenths':
      return NUMBER_FORMATS.tenths.format(value);
    case 'hundredths':
      return NUMBER_FORMATS.hundredths.format(value);
    case 'percent':
      return `${NUMBER_FORMATS.hundredths.format(value)}%`;
  }
}

/** "01/07/2025" from "2025-07-01". */
export function displayDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day ?? ''}/${month ?? ''}/${year ?? ''}`;
}

/** The pages of the rows, whichever way they were given. */
export async function* rowPages(rows: ReportRows): AsyncGenerator<readonly ReportRow[]> {
  if (isPaged(rows)) yield* rows;
  else yield rows;
}

function isPaged(rows: ReportRows): rows is AsyncIterable<readonly ReportRow[]> {
  return Symbol.asyncIterator in rows;
}

/** The header rows: one, or two when a column belongs to a group. */
export function headerDepth(columns: readonly ReportColumn[]): 1 | 2 {
  return columns.some((column) => column.group !== undefined) ? 2 : 1;
}

/** Runs of consecutive columns with the same group: [first index, last index, group text]. */
export function groupRuns(columns: readonly ReportColumn[]): { from: number; to: number; group: string }[] {
  const runs: { from: number; to: number; group: string }[] = [];
  columns.forEach((column, index) => {
    if (column.group === undefined) return;
    const last = runs.at(-1);
    if (last !== undefined && last.group === column.group && last.to === index - 1) last.to = index;
    else runs.push({ from: index, to: index, group: column.group });
  });
  return runs;
}

/**
 * Waits while the output's buffer is full (a slow client): the writers call it between pages so
 * that a large export is read from the database no faster than it is sent.
 */
export async function drained(output: Writable): Promise<void> {
  if (output.writableNeedDrain && !output.destroyed) await once(output, 'drain');
}
