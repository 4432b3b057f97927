import { DomainError } from '#domain/errors.ts';
import type { CalendarException } from '#domain/calendar/types.ts';
import { deleteCalendarException, upsertCalendarException } from '#db/repositories/calendar.repository.ts';
import type { AppDeps } from '../deps.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import { inTransaction } from '../transaction.ts';

/**
 * Records an announced day off, holiday or swapped working day for one date (the yearly notice
 * of the Prime Minister / Bộ Nội vụ, Bộ luật Lao động 2019 Điều 112 khoản 3). Due dates of
 * dossiers received afterwards use it; stored due dates are not rewritten.
 */
export async function setCalendarDay(deps: AppDeps, exception: CalendarException): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    await upsertCalendarException(trx, exception);
    const target = { table: 'calendar_exception', key: exception.date };
    await appendAudit(trx, deps, { agencyId: null, action: 'calendar.day.set', target, after: exception });
  });
}

/** Removes an announced exception, returning the date to its generated status. */
export async function clearCalendarDay(deps: AppDeps, date: string): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    if (!(await deleteCalendarException(trx, date))) {
      throw new DomainError('NOT_FOUND', { message: `Không có ngày điều chỉnh ${date}.` });
    }
    const target = { table: 'calendar_exception', key: date };
    await appendAudit(trx, deps, { agencyId: null, action: 'calendar.day.cleared', target });
  });
}
