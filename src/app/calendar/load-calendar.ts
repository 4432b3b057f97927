import { createWorkingCalendar, type WorkingCalendar } from '#domain/calendar/working-calendar.ts';
import type { CalendarSettings } from '#domain/calendar/types.ts';
import { loadCalendarSettings } from '#db/repositories/calendar.repository.ts';
import type { Db } from '../deps.ts';

export interface LoadedCalendar {
  settings: CalendarSettings;
  calendar: WorkingCalendar;
}

/** Loads the calendar data (weekly pattern, office hours, announced days) and builds the working calendar. */
export async function loadCalendar(db: Db): Promise<LoadedCalendar> {
  const settings = await loadCalendarSettings(db);
  return { settings, calendar: createWorkingCalendar(settings) };
}
