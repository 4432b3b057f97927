/** A local (Asia/Ho_Chi_Minh) calendar date written 'YYYY-MM-DD'. */
export type IsoDate = string;
/** A moment in time as epoch milliseconds (UTC). */
export type Instant = number;
/** How an announced or generated exception classifies a date. */
export type DayKind = 'holiday' | 'day_off' | 'working_day';

/** An announced exception for one date, edited by the provincial office (yearly Bộ Nội vụ / PM notice). */
export interface CalendarException {
  date: IsoDate;
  kind: DayKind;
  name: string;
}

/** One office-hours period, 'HH:MM' local time, e.g. { start: '07:30', end: '11:30' }. */
export interface OfficePeriod {
  start: string;
  end: string;
}

/** Everything the working calendar needs; all of it is editable by the provincial office. */
export interface CalendarSettings {
  /** ISO weekday 1=Mon..7=Sun; default [1,2,3,4,5] (Quyết định 188/1999/QĐ-TTg, 40-hour week). */
  workingWeekdays: readonly number[];
  /** Office periods of a working day; default 07:30–11:30 and 13:00–17:00 = 8 h. */
  officeHours: readonly OfficePeriod[];
  /** Announced exceptions; they override generated holidays and the weekly pattern. */
  exceptions: readonly CalendarException[];
}

/** Unit in which a procedure's legal time limit is expressed. */
export type TimeLimitUnit = 'working_days' | 'calendar_days' | 'hours';

/** A legal time limit; value is a non-negative integer. */
export interface TimeLimit {
  value: number;
  unit: TimeLimitUnit;
}

/** Why a date is (not) a working day. */
export type DayReason =
  'weekday' | 'weekend' | 'holiday' | 'compensatory' | 'day_off' | 'swapped_working_day';

/** Classification of one date by the working calendar. */
export interface DayInfo {
  date: IsoDate;
  isWorking: boolean;
  reason: DayReason;
  name?: string;
}

/** Default settings: Mon–Fri (QĐ 188/1999/QĐ-TTg), 07:30–11:30 and 13:00–17:00, no announced exceptions. */
export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = Object.freeze({
  workingWeekdays: Object.freeze([1, 2, 3, 4, 5]),
  officeHours: Object.freeze([
    Object.freeze({ start: '07:30', end: '11:30' }),
    Object.freeze({ start: '13:00', end: '17:00' }),
  ]),
  exceptions: Object.freeze([]),
});

/** Dossiers received after this local time count from the next working day (NĐ 61/2018 Điều 18, provincial practice). */
export const DEFAULT_RECEIPT_CUTOFF = '15:00';
