import type { IsoDate } from '#domain/calendar/types.ts';
import { DomainError } from '#domain/errors.ts';

/** A reporting period: a quarter ('2025-Q3') or a year ('2025') — Thông tư 01/2018 Điều 15 khoản 4. */
export interface Period {
  key: string;
  kind: 'quarter' | 'year';
  year: number;
  /** The quarters it is made of ('2025-Q1' …); rollups are kept per quarter. */
  quarters: string[];
  from: IsoDate;
  to: IsoDate;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

function quarterRange(year: number, quarter: number): { from: IsoDate; to: IsoDate } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const pad = (value: number) => String(value).padStart(2, '0');
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** Parses '2025-Q3' or '2025'; anything else is PERIOD_INVALID. */
export function parsePeriod(text: string): Period {
  const quarter = QUARTER.exec(text.trim());
  if (quarter) {
    const year = Number(quarter[1]);
    const q = Number(quarter[2]);
    return {
      key: `${year}-Q${q}`,
      kind: 'quarter',
      year,
      quarters: [`${year}-Q${q}`],
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
      from: `${y}-01-01`,
      to: `${y}-12-31`,
    };
  }
  throw new DomainError('PERIOD_INVALID', {
    problems: [{ field: 'period', message: `"${text}": dạng 2025-Q3 hoặc 2025` }],
  });
}

/** The quarter a local date falls in, e.g. '2025-08-14' → '2025-Q3'. */
export function quarterOf(date: IsoDate): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}
