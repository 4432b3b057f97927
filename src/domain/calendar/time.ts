import type { Instant, IsoDate } from './types.ts';

/** Milliseconds in one day. */
export const DAY_MS = 86_400_000;
/** Milliseconds in one minute. */
export const MINUTE_MS = 60_000;
/** Vietnam has been fixed at UTC+7 with no daylight saving since 1975, so a constant offset is exact. */
export const VN_OFFSET_MS = 7 * 60 * MINUTE_MS;

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM_RE = /^(\d{2}):(\d{2})$/;

/** Parse an IsoDate into its parts, throwing RangeError on malformed or non-existent dates. */
export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const m = ISO_DATE_RE.exec(date);
  if (m === null) throw new RangeError(`Invalid date '${date}': expected YYYY-MM-DD`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // Round-trip through UTC arithmetic to reject e.g. 2025-02-30.
  const dn = dayNumberFromParts(year, month, day);
  const back = partsFromDayNumber(dn);
  if (back.year !== year || back.month !== month || back.day !== day) {
    throw new RangeError(`Invalid date '${date}': no such calendar day`);
  }
  return { year, month, day };
}

/** Days since 1970-01-01 of a (proleptic Gregorian) calendar date; pure arithmetic, no clock. */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  // setUTCFullYear avoids Date.UTC's 0–99 → 1900–1999 remapping.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.floor(d.getTime() / DAY_MS);
}

/** Calendar parts of a day number (days since 1970-01-01). */
export function partsFromDayNumber(dn: number): { year: number; month: number; day: number } {
  const d = new Date(dn * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Format calendar parts as an IsoDate. */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day number (days since 1970-01-01) of an IsoDate; the calendar works on these internally for speed. */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return dayNumberFromParts(year, month, day);
}

/** IsoDate of a day number (days since 1970-01-01). */
export function fromDayNumber(dn: number): IsoDate {
  const { year, month, day } = partsFromDayNumber(dn);
  return formatIsoDate(year, month, day);
}

/** Local (UTC+7) calendar date of an instant. */
export function toLocalDate(i: Instant): IsoDate {
  return fromDayNumber(Math.floor((i + VN_OFFSET_MS) / DAY_MS));
}

/** Local (UTC+7) minutes since midnight of an instant, 0..1439. */
export function localMinutesOfDay(i: Instant): number {
  const msOfDay = (((i + VN_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return Math.floor(msOfDay / MINUTE_MS);
}

/** Instant of a local (UTC+7) date and 'HH:MM' wall-clock time. */
export function localDateTimeToInstant(date: IsoDate, hhmm: string): Instant {
  return toDayNumber(date) * DAY_MS + parseHhmm(hhmm) * MINUTE_MS - VN_OFFSET_MS;
}

/** Instant of local midnight at the start of a day number. */
export function dayNumberStartInstant(dn: number): Instant {
  return dn * DAY_MS - VN_OFFSET_MS;
}

/** Date n calendar days after (n < 0: before) the given date. */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`addCalendarDays: n must be an integer, got ${n}`);
  return fromDayNumber(toDayNumber(date) + n);
}

/** ISO weekday of a day number: 1=Mon..7=Sun. */
export function isoWeekdayOfDayNumber(dn: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dn + 3) % 7) + 7) % 7) + 1;
}

/** ISO weekday of a date: 1=Mon..7=Sun. */
export function isoWeekday(date: IsoDate): number {
  return isoWeekdayOfDayNumber(toDayNumber(date));
}

/** Minutes since midnight of 'HH:MM' (00:00–23:59, plus '24:00' = 1440 for period ends); throws on invalid input. */
export function parseHhmm(hhmm: string): number {
  const m = HHMM_RE.exec(hhmm);
  if (m === null) throw new RangeError(`Invalid time '${hhmm}': expected HH:MM`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h === 24 && min === 0) return 1440;
  if (h > 23 || min > 59) throw new RangeError(`Invalid time '${hhmm}': out of range`);
  return h * 60 + min;
}
