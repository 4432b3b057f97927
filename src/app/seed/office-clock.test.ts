import { describe, expect, it } from 'vitest';
import { ANNOUNCED_EXCEPTIONS_2025_2026 } from '#domain/calendar/announced.ts';
import {
  localDateTimeToInstant,
  localMinutesOfDay,
  toDayNumber,
  toLocalDate,
} from '#domain/calendar/time.ts';
import { DEFAULT_CALENDAR_SETTINGS, type CalendarSettings } from '#domain/calendar/types.ts';
import { createWorkingCalendar } from '#domain/calendar/working-calendar.ts';
import { OfficeClock, isoOfDay } from './office-clock.ts';
import { createRandom } from './random.ts';

const settings: CalendarSettings = {
  ...DEFAULT_CALENDAR_SETTINGS,
  exceptions: ANNOUNCED_EXCEPTIONS_2025_2026,
};
const calendar = createWorkingCalendar(settings);
const day = (iso: string): number => toDayNumber(iso);
const clock = new OfficeClock(calendar, settings, day('2026-01-01'), day('2026-12-31'));

describe('OfficeClock', () => {
  it('agrees with the working calendar, inside and outside its precomputed range', () => {
    for (const iso of ['2026-09-01', '2026-09-02', '2026-09-05', '2026-09-07', '2027-01-01', '2027-01-04']) {
      expect(clock.isWorking(day(iso)), iso).toBe(calendar.isWorkingDay(iso));
    }
    expect(isoOfDay(clock.addWorking(day('2026-08-28'), 2))).toBe(calendar.addWorkingDays('2026-08-28', 2));
    expect(isoOfDay(clock.addWorking(day('2026-09-03'), -2))).toBe(calendar.addWorkingDays('2026-09-03', -2));
    expect(clock.workingDaysBetween(day('2026-08-28'), day('2026-09-07'))).toBe(
      calendar.workingDaysBetween('2026-08-28', '2026-09-07'),
    );
    expect(isoOfDay(clock.workingOnOrAfter(day('2026-09-05')))).toBe('2026-09-07');
  });

  it('draws moments inside office hours of working days within the range', () => {
    const random = createRandom(1);
    const from = localDateTimeToInstant('2026-08-28', '16:00');
    const to = localDateTimeToInstant('2026-09-08', '09:00');
    for (let i = 0; i < 500; i += 1) {
      const moment = clock.between(random, from, to);
      expect(moment).toBeGreaterThanOrEqual(from);
      expect(moment).toBeLessThanOrEqual(to);
      expect(calendar.isWorkingDay(toLocalDate(moment))).toBe(true);
      const minutes = localMinutesOfDay(moment);
      const inOffice =
        (minutes >= 7 * 60 + 30 && minutes < 11 * 60 + 30) || (minutes >= 13 * 60 && minutes < 17 * 60);
      expect(inOffice, String(minutes)).toBe(true);
    }
  });

  it('falls back to just after the start when the range holds no office time', () => {
    const random = createRandom(2);
    const evening = localDateTimeToInstant('2026-09-04', '19:00');
    const moment = clock.between(random, evening, evening + 3_600_000);
    expect(moment - evening).toBeGreaterThanOrEqual(0);
    expect(moment - evening).toBeLessThanOrEqual(10 * 60_000);
    expect(clock.nextOffice(evening)).toBe(localDateTimeToInstant('2026-09-07', '07:30'));
    expect(toLocalDate(clock.onDay(random, day('2026-09-04'), evening))).toBe('2026-09-04');
  });
});
