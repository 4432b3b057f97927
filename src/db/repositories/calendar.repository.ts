import type { CalendarException, CalendarSettings, OfficePeriod } from '#domain/calendar/types.ts';
import { DEFAULT_CALENDAR_SETTINGS } from '#domain/calendar/types.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

const SETTINGS_KEY = 'calendar';

interface StoredCalendarSettings {
  workingWeekdays: number[];
  officeHours: OfficePeriod[];
}

function isStoredSettings(value: unknown): value is StoredCalendarSettings {
  const candidate = value as Partial<StoredCalendarSettings> | null;
  return Array.isArray(candidate?.workingWeekdays) && Array.isArray(candidate.officeHours);
}

/** The calendar as data: weekly pattern and office hours (settings row) plus the announced exceptions. */
export async function loadCalendarSettings(db: Kysely<Database>): Promise<CalendarSettings> {
  const [row, exceptions] = await Promise.all([
    db.selectFrom('setting').select('value').where('key', '=', SETTINGS_KEY).executeTakeFirst(),
    db.selectFrom('calendar_exception').select(['date', 'kind', 'name']).orderBy('date').execute(),
  ]);
  const stored = row && isStoredSettings(row.value) ? row.value : null;
  return {
    workingWeekdays: stored?.workingWeekdays ?? DEFAULT_CALENDAR_SETTINGS.workingWeekdays,
    officeHours: stored?.officeHours ?? DEFAULT_CALENDAR_SETTINGS.officeHours,
    exceptions: exceptions satisfies CalendarException[],
  };
}

/** Stores the weekly pattern and office hours. */
export async function saveCalendarSettings(
  db: Kysely<Database>,
  settings: StoredCalendarSettings,
): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key: SETTINGS_KEY, value: JSON.stringify(settings) })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: JSON.stringify(settings), updated_at: new Date() }),
    )
    .execute();
}

/** Adds or replaces the announced exception for one date. */
export async function upsertCalendarException(
  db: Kysely<Database>,
  exception: CalendarException,
): Promise<void> {
  await db
    .insertInto('calendar_exception')
    .values(exception)
    .onConflict((oc) =>
      oc.column('date').doUpdateSet({ kind: exception.kind, name: exception.name, updated_at: new Date() }),
    )
    .execute();
}

/** Removes the announced exception for one date; true when there was one. */
export async function deleteCalendarException(db: Kysely<Database>, date: string): Promise<boolean> {
  const result = await db.deleteFrom('calendar_exception').where('date', '=', date).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
