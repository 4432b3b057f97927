import type { IsoDate } from '#domain/calendar/types.ts';
import { DomainError } from '#domain/errors.ts';

/**
 * A reporting period: a quarter ('2025-Q3') or a year ('2025') — Thông tư 01/2018 Điều 15
 * khoản 4 — or a custom range of dates ('2026-07-01..2026-08-15', both days included).
 */
export interface Period {
  key: string;
  kind: 'quarter' | 'year' | 'range';
  /** The year of its first day. */
  year: number;
  /**
   * The quarters it overlaps ('2025-Q1' …); rollups are kept per quarter. They give the period's
   * sums only when `isWholeQuarters`; any other range is summed from the per-dossier scores.
   */
  quarters: string[];
  /** True when the period is exactly a run of whole quarters (every quarter and year is). */
  isWholeQuarters: boolean;
  from: IsoDate;
  to: IsoDate;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;
const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;
/** The longest custom range: a year and a day (a leap year). Longer comparisons are made by years. */
export const MAX_RANGE_DAYS = 366;

function quarterRange(year: number, quarter: number): { from: IsoDate; to: IsoDate } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const pad = (value: number) => String(value).padStart(2, '0');
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

function invalid(text: string, message: string): DomainError {
  return new DomainError('PERIOD_INVALID', {
    problems: [{ field: 'period', message: `"${text}": ${message}` }],
  });
}

/** Days since 1970-01-01 of a real calendar date, or null ('2026-02-30' is not one). */
function dayNumber(date: string): number | null {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const time = Date.UTC(y, m - 1, d);
  const check = new Date(time);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return time / 86_400_000;
}

function parseRange(text: string, fromText: string, toText: string): Period {
  const from = dayNumber(fromText);
  const to = dayNumber(toText);
  if (from === null || to === null) throw invalid(text, 'ngày không có thật');
  if (to < from) throw invalid(text, 'ngày kết thúc trước ngày bắt đầu');
  if (to - from + 1 > MAX_RANGE_DAYS) throw invalid(text, `khoảng thời gian dài quá ${MAX_RANGE_DAYS} ngày`);
  const quarters: string[] = [];
  for (let q = quarterOf(fromText); ; q = nextQuarter(q)) {
    quarters.push(q);
    if (q === quarterOf(toText)) break;
  }
  const first = quarterBounds(quarters[0]!);
  const last = quarterBounds(quarters[quarters.length - 1]!);
  // A range that is exactly a quarter or a calendar year is that period (same key, same
  // assessments, same rollups): '2025-07-01..2025-09-30' is '2025-Q3'.
  if (quarters.length === 1 && first.from === fromText && last.to === toText)
    return parsePeriod(quarters[0]!);
  if (quarters.length === 4 && fromText.endsWith('-01-01') && toText === `${fromText.slice(0, 4)}-12-31`)
    return parsePeriod(fromText.slice(0, 4));
  return {
    key: `${fromText}..${toText}`,
    kind: 'range',
    year: Number(fromText.slice(0, 4)),
    quarters,
    isWholeQuarters: first.from === fromText && last.to === toText,
    from: fromText,
    to: toText,
  };
}

function quarterBounds(key: string): { from: IsoDate; to: IsoDate } {
  return quarterRange(Number(key.slice(0, 4)), Number(key.slice(6)));
}

function nextQuarter(key: string): string {
  const year = Number(key.slice(0, 4));
  const q = Number(key.slice(6));
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
}

/** Parses '2025-Q3', '2025' or '2026-07-01..2026-08-15'; anything else is PERIOD_INVALID. */
export function parsePeriod(text: string): Period {
  const range = RANGE.exec(text.trim());
  if (range) return parseRange(text, range[1]!, range[2]!);
  const quarter = QUARTER.exec(text.trim());
  if (quarter) {
    const year = Number(quarter[1]);
    const q = Number(quarter[2]);
    return {
      key: `${year}-Q${q}`,
      kind: 'quarter',
      year,
      quarters: [`${year}-Q${q}`],
      isWholeQuarters: true,
      ...quarterRange(year, q),
    };
  }
  const year = YEAR.exec(text.trim());
  if (year) {
    const y = Number(year[1]);
    return {
      key: String(y),
      kind: 'year',
      year: y,
      quarters: [1, 2, 3, 4].map((q) => `${y}-Q${q}`),
      isWholeQuarters: true,
      from: `${y}-01-01`,
      to: `${y}-12-31`,
    };
  }
  throw invalid(text, 'dạng 2025-Q3, 2025 hoặc 2026-07-01..2026-08-15');
}

/** The quarter a local date falls in, e.g. '2025-08-14' → '2025-Q3'. */
export function quarterOf(date: IsoDate): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The calendar months of a date range, each clipped to it: '2026-07-20'..'2026-08-15' → July 20–31, August 1–15. */
export function monthsOf(from: IsoDate, to: IsoDate): { month: string; from: IsoDate; to: IsoDate }[] {
  const out: { month: string; from: IsoDate; to: IsoDate }[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const pad = (value: number) => String(value).padStart(2, '0');
  for (;;) {
    const key = `${year}-${pad(month)}`;
    if (key > to.slice(0, 7)) break;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const first: IsoDate = `${key}-01`;
    const last: IsoDate = `${key}-${pad(lastDay)}`;
    out.push({ month: key, from: first < from ? from : first, to: last > to ? to : last });
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

/** Refuses a custom range where only a quarter or a year makes sense (assessments, recomputing rollups). */
export function requireQuarterOrYear(period: Period): Period {
  if (period.kind === 'range')
    throw new DomainError('PERIOD_INVALID', {
      problems: [
        { field: 'period', message: `"${period.key}": ở đây chỉ dùng quý (2025-Q3) hoặc năm (2025)` },
      ],
    });
  return period;
}
