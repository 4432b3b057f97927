import type { Instant, IsoDate, TimeLimitUnit } from '#domain/calendar/types.ts';
import { toLocalDate } from '#domain/calendar/time.ts';

export const TIMELINESS = ['early', 'on_time', 'late'] as const;
/** sớm hạn / đúng hạn / trễ hạn (Thông tư 01/2018 Điều 13, indicators 1 and 2). */
export type Timeliness = (typeof TIMELINESS)[number];

const HOUR = 3_600_000;

/**
 * Early / on time / late. Day-based limits compare working-day dates (project decision 5:
 * "đúng hạn" means finished on the due date). Hour-based limits compare instants at hour
 * granularity: within the hour up to the due moment is on time.
 */
export function compareTimeliness(
  doneAt: Instant,
  due: { dueDate: IsoDate; dueAt: Instant | null },
  unit: TimeLimitUnit,
): Timeliness {
  if (unit === 'hours' && due.dueAt !== null) {
    if (doneAt > due.dueAt) return 'late';
    return doneAt > due.dueAt - HOUR ? 'on_time' : 'early';
  }
  const doneDate = toLocalDate(doneAt);
  if (doneDate < due.dueDate) return 'early';
  return doneDate === due.dueDate ? 'on_time' : 'late';
}
