import { DAY_MS, MINUTE_MS, VN_OFFSET_MS, parseHhmm } from '#domain/calendar/time.ts';
import type { CalendarSettings, Instant } from '#domain/calendar/types.ts';
import type { WorkingCalendar } from '#domain/calendar/working-calendar.ts';
import type { Random } from './random.ts';

interface Period {
  start: number;
  end: number;
}

/**
 * Picks plausible moments for demo events: inside office hours on working days, as the
 * province's calendar defines them. Works on day numbers (days since 1970-01-01, local time)
 * with a precomputed working-day table, because it runs a few times for each of 50,000 dossiers.
 */
export class OfficeClock {
  private readonly periods: Period[];
  private readonly working: Uint8Array;

  constructor(
    private readonly calendar: WorkingCalendar,
    settings: CalendarSettings,
    private readonly firstDay: number,
    lastDay: number,
  ) {
    this.periods = settings.officeHours
      .map((period) => ({
        start: parseHhmm(period.start) * MINUTE_MS,
        end: parseHhmm(period.end) * MINUTE_MS,
      }))
      .sort((a, b) => a.start - b.start);
    this.working = new Uint8Array(lastDay - firstDay + 1);
    for (let day = firstDay; day <= lastDay; day += 1) {
      this.working[day - firstDay] = calendar.isWorkingDay(isoOfDay(day)) ? 1 : 0;
    }
  }

  /** Local day number of an instant. */
  dayOf(instant: Instant): number {
    return Math.floor((instant + VN_OFFSET_MS) / DAY_MS);
  }

  /** Instant of local midnight starting a day. */
  dayStart(day: number): Instant {
    return day * DAY_MS - VN_OFFSET_MS;
  }

  /** Instant of a local time of day (milliseconds since local midnight) on a day. */
  at(day: number, msOfDay: number): Instant {
    return this.dayStart(day) + msOfDay;
  }

  /** Whether the offices are open on that day (weekly pattern, holidays, announced days). */
  isWorking(day: number): boolean {
    const index = day - this.firstDay;
    if (index >= 0 && index < this.working.length) return this.working[index] === 1;
    return this.calendar.isWorkingDay(isoOfDay(day));
  }

  /** The day itself when it is a working day, else the next working day. */
  workingOnOrAfter(day: number): number {
    let current = day;
    while (!this.isWorking(current)) current += 1;
    return current;
  }

  /** n-th working day after `day` (n > 0), before it (n < 0), or `day` itself (n = 0). */
  addWorking(day: number, n: number): number {
    const step = n < 0 ? -1 : 1;
    let current = day;
    for (let left = Math.abs(n); left > 0;) {
      current += step;
      if (this.isWorking(current)) left -= 1;
    }
    return current;
  }

  /** Working days in (from, to]; 0 when to <= from. */
  workingDaysBetween(from: number, to: number): number {
    let count = 0;
    for (let day = from + 1; day <= to; day += 1) if (this.isWorking(day)) count += 1;
    return count;
  }

  /** Opening of the first office period of a day. */
  opening(day: number): Instant {
    return this.at(day, this.periods[0]?.start ?? 0);
  }

  /** Closing of the last office period of a day. */
  closing(day: number): Instant {
    return this.at(day, this.periods.at(-1)?.end ?? DAY_MS);
  }

  /**
   * A random moment inside office hours within [from, to]; when the range holds no office time
   * at all (an evening, a holiday), a moment shortly after `from` within the range.
   */
  between(random: Random, from: Instant, to: Instant): Instant {
    if (to <= from) return from;
    const firstDay = this.dayOf(from);
    const lastDay = Math.min(this.dayOf(to), firstDay + 400);
    let total = 0;
    for (let day = firstDay; day <= lastDay; day += 1)
      total += this.officeOverlap(day, from, to, Infinity).length;
    if (total <= 0) return from + Math.floor(random.next() * Math.min(to - from, 10 * MINUTE_MS));
    let target = Math.floor(random.next() * total);
    for (let day = firstDay; day <= lastDay; day += 1) {
      const found = this.officeOverlap(day, from, to, target);
      if (found.instant !== null) return found.instant;
      target -= found.length;
    }
    return from;
  }

  /** A random office moment on `day` not before `after` (or just after `after` when the office has closed). */
  onDay(random: Random, day: number, after: Instant): Instant {
    const from = Math.max(after, this.dayStart(day));
    const endOfDay = this.dayStart(day + 1) - MINUTE_MS;
    if (from >= endOfDay) return after + MINUTE_MS;
    // After closing time, a few minutes later the same evening (an official working late).
    return this.between(random, from, Math.min(endOfDay, Math.max(from + 10 * MINUTE_MS, this.closing(day))));
  }

  /** A random office moment from `minMinutes` to `maxMinutes` after `after`, moved to the next opening when closed. */
  soon(random: Random, after: Instant, minMinutes: number, maxMinutes: number): Instant {
    const start = this.nextOffice(after + minMinutes * MINUTE_MS);
    return this.between(random, start, start + (maxMinutes - minMinutes) * MINUTE_MS);
  }

  /** The earliest moment at or after `instant` inside office hours of a working day. */
  nextOffice(instant: Instant): Instant {
    let day = this.dayOf(instant);
    for (;;) {
      if (this.isWorking(day)) {
        for (const period of this.periods) {
          const end = this.at(day, period.end);
          if (instant < end) return Math.max(instant, this.at(day, period.start));
        }
      }
      day += 1;
    }
  }

  /**
   * Office time of `day` inside [from, to]: its total length, and the instant `target` ms into
   * it when that falls on this day.
   */
  private officeOverlap(
    day: number,
    from: Instant,
    to: Instant,
    target: number,
  ): { length: number; instant: Instant | null } {
    if (!this.isWorking(day)) return { length: 0, instant: null };
    let length = 0;
    for (const period of this.periods) {
      const start = Math.max(from, this.at(day, period.start));
      const end = Math.min(to, this.at(day, period.end));
      if (end <= start) continue;
      if (target < length + (end - start)) return { length, instant: start + (target - length) };
      length += end - start;
    }
    return { length, instant: null };
  }
}

const DATE_CACHE = new Map<number, string>();

/** 'YYYY-MM-DD' of a day number (memoised: the demo asks for the same few hundred days). */
export function isoOfDay(day: number): string {
  let iso = DATE_CACHE.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    DATE_CACHE.set(day, iso);
  }
  return iso;
}
