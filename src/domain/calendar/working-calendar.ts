/**
 * Working-day calendar: the weekly pattern (QĐ 188/1999/QĐ-TTg: Mon–Fri), statutory holidays
 * and nghỉ bù (BLLĐ 2019 Điều 111 khoản 3, Điều 112), and the announced exceptions that the
 * provincial office enters from the yearly PM / Bộ Nội vụ notice (Điều 112 khoản 3). Precedence:
 * announced exception > generated holiday > weekly pattern.
 *
 * Internally everything is a day number (days since 1970-01-01) with one precomputed table per
 * year, because due dates are computed for tens of thousands of dossiers in a loop.
 */
import type { CalendarException, CalendarSettings, DayInfo, DayKind, DayReason, IsoDate } from './types.ts';
import { generateStatutoryHolidays } from './holidays.ts';
import {
  dayNumberFromParts,
  fromDayNumber,
  isoWeekdayOfDayNumber,
  partsFromDayNumber,
  toDayNumber,
} from './time.ts';

/** Working-day queries over one set of calendar settings. */
export interface WorkingCalendar {
  /** Classification of a date; exceptions override generated holidays, which override the weekly pattern. */
  dayInfo(date: IsoDate): DayInfo;
  /** Whether the offices are open on that date. */
  isWorkingDay(date: IsoDate): boolean;
  /** First working day strictly after date. */
  nextWorkingDay(date: IsoDate): IsoDate;
  /** n-th working day strictly after date (n = 0 → date itself; n < 0 → |n|-th strictly before). */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days in (from, to]; negative if to < from. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** Every day of a Gregorian year, for the calendar page. */
  daysInYear(year: number): DayInfo[];
}

interface SpecialDay {
  isWorking: boolean;
  reason: DayReason;
  name: string;
}

interface YearTable {
  year: number;
  startDn: number;
  /** Exclusive. */
  endDn: number;
  /** 1 = working day, indexed by dn - startDn. */
  working: Uint8Array;
  /** prefix[i] = number of working days among indices < i; lets range counts be O(1) per year. */
  prefix: Int32Array;
  special: Map<number, SpecialDay>;
}

/** Longest run of non-working days tolerated before we conclude the settings have no working days at all. */
const MAX_NON_WORKING_RUN = 400;

const DAY_KINDS: ReadonlySet<string> = new Set<DayKind>(['holiday', 'day_off', 'working_day']);

/** Build a working calendar from settings, validating them; holiday tables are built lazily per year and memoized. */
export function createWorkingCalendar(settings: CalendarSettings): WorkingCalendar {
  const weekdays = new Set<number>();
  for (const w of settings.workingWeekdays) {
    if (!Number.isInteger(w) || w < 1 || w > 7) {
      throw new RangeError(`workingWeekdays: ${w} is not an ISO weekday 1..7`);
    }
    weekdays.add(w);
  }
  if (weekdays.size === 0) throw new RangeError('workingWeekdays: at least one working weekday is required');

  // Announced exceptions grouped by year then day number; a duplicate date is an editing error
  // we refuse rather than silently picking one of two contradictory notices.
  const exceptionsByYear = new Map<number, Map<number, CalendarException>>();
  for (const ex of settings.exceptions) {
    if (!DAY_KINDS.has(ex.kind)) throw new RangeError(`exception ${ex.date}: unknown kind '${ex.kind}'`);
    const dn = toDayNumber(ex.date);
    const year = partsFromDayNumber(dn).year;
    let m = exceptionsByYear.get(year);
    if (m === undefined) {
      m = new Map();
      exceptionsByYear.set(year, m);
    }
    if (m.has(dn)) throw new RangeError(`exception ${ex.date}: date announced twice`);
    m.set(dn, ex);
  }

  const tables = new Map<number, YearTable>();

  const buildTable = (year: number): YearTable => {
    const startDn = dayNumberFromParts(year, 1, 1);
    const endDn = dayNumberFromParts(year + 1, 1, 1);
    const len = endDn - startDn;
    const working = new Uint8Array(len);
    const prefix = new Int32Array(len + 1);
    const special = new Map<number, SpecialDay>();

    for (const h of generateStatutoryHolidays(year)) {
      // Statutory days (Điều 112) vs. nghỉ bù (Điều 111 khoản 3) are reported differently in the UI.
      special.set(toDayNumber(h.date), {
        isWorking: false,
        reason: h.kind === 'day_off' ? 'compensatory' : 'holiday',
        name: h.name,
      });
    }
    const announced = exceptionsByYear.get(year);
    if (announced !== undefined) {
      for (const [dn, ex] of announced) {
        if (ex.kind === 'working_day') {
          // A 'working_day' on a day that would otherwise be closed is a swapped working day
          // (e.g. Sat 26/4/2025 worked in exchange for Fri 2/5/2025).
          const otherwiseClosed = special.has(dn) || !weekdays.has(isoWeekdayOfDayNumber(dn));
          special.set(dn, {
            isWorking: true,
            reason: otherwiseClosed ? 'swapped_working_day' : 'weekday',
            name: ex.name,
          });
        } else {
          special.set(dn, { isWorking: false, reason: ex.kind, name: ex.name });
        }
      }
    }

    for (let i = 0; i < len; i++) {
      const dn = startDn + i;
      const s = special.get(dn);
      const isWorking = s !== undefined ? s.isWorking : weekdays.has(isoWeekdayOfDayNumber(dn));
      working[i] = isWorking ? 1 : 0;
      prefix[i + 1] = (prefix[i] ?? 0) + (isWorking ? 1 : 0);
    }
    return { year, startDn, endDn, working, prefix, special };
  };

  const tableForYear = (year: number): YearTable => {
    let t = tables.get(year);
    if (t === undefined) {
      t = buildTable(year);
      tables.set(year, t);
    }
    return t;
  };

  // The last table used is remembered: consecutive lookups almost always hit the same year.
  let lastTable: YearTable | undefined;
  const tableFor = (dn: number): YearTable => {
    if (lastTable !== undefined && dn >= lastTable.startDn && dn < lastTable.endDn) return lastTable;
    const t = tableForYear(partsFromDayNumber(dn).year);
    lastTable = t;
    return t;
  };

  const isWorkingDn = (dn: number): boolean => {
    const t = tableFor(dn);
    return t.working[dn - t.startDn] === 1;
  };

  /** Working days in [a, b] inclusive, a <= b. */
  const countInclusive = (a: number, b: number): number => {
    let total = 0;
    let cur = a;
    while (cur <= b) {
      const t = tableFor(cur);
      const last = Math.min(b, t.endDn - 1);
      total += (t.prefix[last - t.startDn + 1] ?? 0) - (t.prefix[cur - t.startDn] ?? 0);
      cur = last + 1;
    }
    return total;
  };

  const stepWorking = (dn: number, n: number): number => {
    const dir = n > 0 ? 1 : -1;
    let remaining = Math.abs(n);
    let cur = dn;
    let run = 0;
    while (remaining > 0) {
      cur += dir;
      if (isWorkingDn(cur)) {
        remaining--;
        run = 0;
      } else if (++run > MAX_NON_WORKING_RUN) {
        throw new RangeError(`no working day within ${MAX_NON_WORKING_RUN} days of ${fromDayNumber(dn)}`);
      }
    }
    return cur;
  };

  const infoOf = (dn: number): DayInfo => {
    const t = tableFor(dn);
    const date = fromDayNumber(dn);
    const s = t.special.get(dn);
    if (s !== undefined) return { date, isWorking: s.isWorking, reason: s.reason, name: s.name };
    const isWorking = t.working[dn - t.startDn] === 1;
    return { date, isWorking, reason: isWorking ? 'weekday' : 'weekend' };
  };

  const requireInteger = (n: number, what: string): void => {
    if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
  };

  return {
    dayInfo: (date) => infoOf(toDayNumber(date)),
    isWorkingDay: (date) => isWorkingDn(toDayNumber(date)),
    nextWorkingDay: (date) => fromDayNumber(stepWorking(toDayNumber(date), 1)),
    addWorkingDays: (date, n) => {
      requireInteger(n, 'addWorkingDays: n');
      const dn = toDayNumber(date);
      return n === 0 ? date : fromDayNumber(stepWorking(dn, n));
    },
    workingDaysBetween: (from, to) => {
      const a = toDayNumber(from);
      const b = toDayNumber(to);
      if (a === b) return 0;
      return a < b ? countInclusive(a + 1, b) : -countInclusive(b + 1, a);
    },
    daysInYear: (year) => {
      requireInteger(year, 'daysInYear: year');
      const t = tableForYear(year);
      const out: DayInfo[] = [];
      for (let dn = t.startDn; dn < t.endDn; dn++) out.push(infoOf(dn));
      return out;
    },
  };
}
