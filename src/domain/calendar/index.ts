export type {
  CalendarException,
  CalendarSettings,
  DayInfo,
  DayKind,
  DayReason,
  Instant,
  IsoDate,
  OfficePeriod,
  TimeLimit,
  TimeLimitUnit,
} from './types.ts';
export { DEFAULT_CALENDAR_SETTINGS, DEFAULT_RECEIPT_CUTOFF } from './types.ts';
export { lunarNewYear, lunarToSolar, solarToLunar } from './lunar.ts';
export type { LunarDate } from './lunar.ts';
export { generateStatutoryHolidays } from './holidays.ts';
export { createWorkingCalendar } from './working-calendar.ts';
export type { WorkingCalendar } from './working-calendar.ts';
export {
  addCalendarDays,
  isoWeekday,
  localDateTimeToInstant,
  localMinutesOfDay,
  parseHhmm,
  toLocalDate,
} from './time.ts';
export { compareByDate, computeDueDate, restartDueDate } from './due-date.ts';
export type { DueDate, DueDateInput, RestartInput } from './due-date.ts';
export { ANNOUNCED_EXCEPTIONS_2025_2026 } from './announced.ts';
