import { DomainError } from '#domain/errors.ts';
import type { CalendarException } from '#domain/calendar/types.ts';
import { deleteCalendarException, upsertCalendarException } from '#db/repositories/calendar.repository.ts';
import type { Db } from '../deps.ts';

/**
 * Records an announced day off, holiday or swapped working day for one date (the yearly notice
 * of the Prime Minister / Bộ Nội vụ, Bộ luật Lao động 2019 Điều 112 khoản 3). Due dates of
 * dossiers received afterwards use it; stored due dates are not rewritten.
 */
export async function setCalendarDay(db: Db, exception: CalendarException): Promise<void> {
  await upsertCalendarException(db, exception);
}

/** Removes an announced exception, returning the date to its generated status. */
export async function clearCalendarDay(db: Db, date: string): Promise<void> {
  if (!(await deleteCalendarException(db, date))) {
    throw new DomainError('NOT_FOUND', { message: `Không có ngày điều chỉnh ${date}.` });
  }
}
