import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ANNOUNCED_EXCEPTIONS_2025_2026 } from './announced.ts';
import { DEFAULT_CALENDAR_SETTINGS } from './types.ts';
import type { CalendarSettings, DayReason } from './types.ts';
import { createWorkingCalendar } from './working-calendar.ts';
import { fromDayNumber, toDayNumber } from './time.ts';

const announcedSettings: CalendarSettings = {
  ...DEFAULT_CALENDAR_SETTINGS,
  exceptions: ANNOUNCED_EXCEPTIONS_2025_2026,
};
const cal = createWorkingCalendar(announcedSettings);
const defaultCal = createWorkingCalendar(DEFAULT_CALENDAR_SETTINGS);

// [date, isWorking, reason, rule]
const GOLDEN: [string, boolean, DayReason, string][] = [
  // ---- 2025 ----
  ['2025-01-01', false, 'holiday', 'Tết Dương lịch, Điều 112.1.a'],
  ['2025-01-02', true, 'weekday', 'neighbour'],
  ['2025-01-24', true, 'weekday', 'last working day before Tết 2025'],
  ['2025-01-25', false, 'weekend', 'Sat, start of the 9-day Tết break'],
  ['2025-01-26', false, 'weekend', 'Sun'],
  ['2025-01-27', false, 'holiday', 'announced: 28 Chạp off (Điều 112.3)'],
  ['2025-01-28', false, 'holiday', '29 Chạp, Điều 112.1.b'],
  ['2025-01-29', false, 'holiday', 'mùng 1'],
  ['2025-01-30', false, 'holiday', 'mùng 2'],
  ['2025-01-31', false, 'holiday', 'mùng 3'],
  ['2025-02-01', false, 'holiday', 'Sat (generated mùng 4; non-working anyway)'],
  ['2025-02-02', false, 'weekend', 'Sun, end of the 9-day break'],
  ['2025-02-03', true, 'swapped_working_day', 'announced working day cancels the default nghỉ bù'],
  ['2025-02-04', true, 'weekday', 'neighbour'],
  ['2025-04-04', true, 'weekday', 'Fri before Giỗ Tổ'],
  ['2025-04-07', false, 'holiday', 'Giỗ Tổ Mon 7/4/2025, Điều 112.1.e'],
  ['2025-04-08', true, 'weekday', 'neighbour'],
  ['2025-04-25', true, 'weekday', 'Fri'],
  ['2025-04-26', true, 'swapped_working_day', 'Sat worked in exchange for Fri 2/5'],
  ['2025-04-27', false, 'weekend', 'Sun'],
  ['2025-04-28', true, 'weekday', 'Mon'],
  ['2025-04-29', true, 'weekday', 'Tue'],
  ['2025-04-30', false, 'holiday', 'Điều 112.1.c'],
  ['2025-05-01', false, 'holiday', 'Điều 112.1.d'],
  ['2025-05-02', false, 'day_off', 'announced swap day off'],
  ['2025-05-03', false, 'weekend', 'Sat'],
  ['2025-05-04', false, 'weekend', 'Sun'],
  ['2025-05-05', true, 'weekday', 'neighbour'],
  ['2025-08-29', true, 'weekday', 'Fri'],
  ['2025-08-30', false, 'weekend', 'Sat'],
  ['2025-08-31', false, 'weekend', 'Sun'],
  ['2025-09-01', false, 'holiday', 'adjacent day, Điều 112.1.đ'],
  ['2025-09-02', false, 'holiday', 'Quốc khánh'],
  ['2025-09-03', true, 'weekday', 'neighbour'],
  // ---- 2026 ----
  ['2026-01-01', false, 'holiday', 'Tết Dương lịch'],
  ['2026-01-02', true, 'weekday', 'neighbour'],
  ['2026-02-13', true, 'weekday', 'Fri before Tết'],
  ['2026-02-14', false, 'weekend', 'Sat'],
  ['2026-02-15', false, 'weekend', 'Sun'],
  ['2026-02-16', false, 'holiday', '29 Chạp'],
  ['2026-02-17', false, 'holiday', 'mùng 1'],
  ['2026-02-18', false, 'holiday', 'mùng 2'],
  ['2026-02-19', false, 'holiday', 'mùng 3'],
  ['2026-02-20', false, 'holiday', 'mùng 4'],
  ['2026-02-21', false, 'weekend', 'Sat'],
  ['2026-02-22', false, 'weekend', 'Sun'],
  ['2026-02-23', true, 'weekday', 'first working day after Tết'],
  ['2026-04-24', true, 'weekday', 'Fri'],
  ['2026-04-25', false, 'weekend', 'Sat'],
  ['2026-04-26', false, 'holiday', 'Giỗ Tổ on Sunday'],
  ['2026-04-27', false, 'compensatory', 'nghỉ bù Giỗ Tổ, Điều 111.3'],
  ['2026-04-28', true, 'weekday', 'neighbour'],
  ['2026-04-29', true, 'weekday', 'neighbour'],
  ['2026-04-30', false, 'holiday', 'Thu'],
  ['2026-05-01', false, 'holiday', 'Fri'],
  ['2026-05-02', false, 'weekend', 'Sat'],
  ['2026-05-04', true, 'weekday', 'Mon'],
  ['2026-08-31', true, 'weekday', 'Mon'],
  ['2026-09-01', false, 'holiday', 'Tue, adjacent day'],
  ['2026-09-02', false, 'holiday', 'Wed, Quốc khánh'],
  ['2026-09-03', true, 'weekday', 'neighbour'],
];

describe('working calendar with the announced 2025–2026 exceptions', () => {
  it.each(GOLDEN)('%s working=%s (%s) — %s', (date, working, reason) => {
    expect(cal.isWorkingDay(date)).toBe(working);
    const info = cal.dayInfo(date);
    expect(info).toMatchObject({ date, isWorking: working, reason });
  });

  it('announced names are shown', () => {
    expect(cal.dayInfo('2025-04-26').name).toMatch(/Làm bù/);
    expect(cal.dayInfo('2026-04-27').name).toMatch(/^Nghỉ bù Giỗ Tổ/);
    expect(cal.dayInfo('2025-03-03').name).toBeUndefined();
  });

  it('without announcements the default pattern applies (exceptions override generated days)', () => {
    expect(defaultCal.isWorkingDay('2025-01-27')).toBe(true);
    expect(defaultCal.dayInfo('2025-02-03')).toMatchObject({ isWorking: false, reason: 'compensatory' });
    expect(defaultCal.dayInfo('2025-04-26')).toMatchObject({ isWorking: false, reason: 'weekend' });
    expect(defaultCal.isWorkingDay('2025-05-02')).toBe(true);
  });

  it.each([
    ['2025-01-24', '2025-02-03'], // across the 9-day Tết 2025 break
    ['2026-02-13', '2026-02-23'],
    ['2025-04-25', '2025-04-26'], // swapped Saturday
    ['2025-04-29', '2025-05-05'],
    ['2026-04-24', '2026-04-28'],
    ['2025-12-31', '2026-01-02'],
    ['2025-03-08', '2025-03-10'],
  ])('nextWorkingDay(%s) = %s', (d, e) => {
    expect(cal.nextWorkingDay(d)).toBe(e);
  });

  it.each([
    ['2025-03-03', 0, '2025-03-03'],
    ['2025-03-08', 0, '2025-03-08'], // n = 0 returns the date itself, even on a weekend
    ['2025-03-03', 5, '2025-03-10'],
    ['2026-02-13', 3, '2026-02-25'],
    ['2025-04-04', 15, '2025-04-26'], // lands on the swapped Saturday
    ['2025-03-10', -5, '2025-03-03'],
  ])('addWorkingDays(%s, %d) = %s', (d, n, e) => {
    expect(cal.addWorkingDays(d, n)).toBe(e);
  });

  it.each([
    ['2026-02-13', '2026-02-25', 3],
    ['2026-02-25', '2026-02-13', -3],
    ['2025-12-31', '2026-01-05', 2], // 1/1 holiday, Fri 2/1 and Mon 5/1 count
    ['2025-03-03', '2025-03-03', 0],
    ['2024-12-31', '2027-01-01', 500], // 250 + 250; Fri 1/1/2027 is Tết Dương lịch
  ])('workingDaysBetween(%s, %s) = %d', (a, b, e) => {
    expect(cal.workingDaysBetween(a, b)).toBe(e);
  });

  it('daysInYear: 2025 and 2026 each have 250 working days for civil servants', () => {
    // 2025: 261 Mon–Fri − 12 weekday days off (1/1, 27–31/1, 7/4, 30/4, 1/5, 2/5, 1–2/9) + Sat 26/4.
    // 2026: 261 Mon–Fri − 11 (1/1, 16–20/2, 27/4, 30/4, 1/5, 1–2/9).
    for (const year of [2025, 2026]) {
      const days = cal.daysInYear(year);
      expect(days).toHaveLength(365);
      expect(days[0]?.date).toBe(`${year}-01-01`);
      expect(days[364]?.date).toBe(`${year}-12-31`);
      expect(days.filter((d) => d.isWorking)).toHaveLength(250);
    }
    expect(cal.daysInYear(2024)).toHaveLength(366);
  });

  it('a Saturday-working office (workingWeekdays 1..6) counts Saturdays', () => {
    const six = createWorkingCalendar({ ...DEFAULT_CALENDAR_SETTINGS, workingWeekdays: [1, 2, 3, 4, 5, 6] });
    expect(six.isWorkingDay('2025-03-08')).toBe(true);
    expect(six.isWorkingDay('2025-03-09')).toBe(false);
  });

  it('rejects invalid settings', () => {
    expect(() => createWorkingCalendar({ ...DEFAULT_CALENDAR_SETTINGS, workingWeekdays: [] })).toThrow(
      RangeError,
    );
    expect(() => createWorkingCalendar({ ...DEFAULT_CALENDAR_SETTINGS, workingWeekdays: [0] })).toThrow(
      RangeError,
    );
    expect(() =>
      createWorkingCalendar({
        ...DEFAULT_CALENDAR_SETTINGS,
        exceptions: [
          { date: '2025-05-02', kind: 'day_off', name: 'a' },
          { date: '2025-05-02', kind: 'working_day', name: 'b' },
        ],
      }),
    ).toThrow(/announced twice/);
    expect(() =>
      createWorkingCalendar({
        ...DEFAULT_CALENDAR_SETTINGS,
        exceptions: [{ date: '2025-02-30', kind: 'day_off', name: 'x' }],
      }),
    ).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2025-2-3')).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-03-03', 1.5)).toThrow(RangeError);
  });
});

describe('working calendar properties', () => {
  const dateArb = fc
    .integer({ min: toDayNumber('2024-01-01'), max: toDayNumber('2027-12-31') })
    .map(fromDayNumber);
  const wideDateArb = fc
    .integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2100-12-31') })
    .map(fromDayNumber);

  it('addWorkingDays(d, n) is a working day for n ≥ 1 and strictly increasing in n', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 80 }), (d, n) => {
        const a = cal.addWorkingDays(d, n);
        const b = cal.addWorkingDays(d, n + 1);
        return cal.isWorkingDay(a) && a > d && b > a;
      }),
      { numRuns: 500 },
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) == n (announced and default calendars)', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 300 }),
        (d, n) => cal.workingDaysBetween(d, cal.addWorkingDays(d, n)) === n,
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        wideDateArb,
        fc.integer({ min: 0, max: 60 }),
        (d, n) => defaultCal.workingDaysBetween(d, defaultCal.addWorkingDays(d, n)) === n,
      ),
      { numRuns: 300 },
    );
  });

  it('workingDaysBetween is antisymmetric and additive', () => {
    fc.assert(
      fc.property(dateArb, dateArb, dateArb, (a, b, c) => {
        const ab = cal.workingDaysBetween(a, b);
        return (
          ab === -cal.workingDaysBetween(b, a) &&
          ab + cal.workingDaysBetween(b, c) === cal.workingDaysBetween(a, c)
        );
      }),
      { numRuns: 300 },
    );
  });

  it('nextWorkingDay(d) == addWorkingDays(d, 1)', () => {
    fc.assert(
      fc.property(wideDateArb, (d) => defaultCal.nextWorkingDay(d) === defaultCal.addWorkingDays(d, 1)),
      { numRuns: 300 },
    );
  });

  it('is fast enough for 50,000 dossiers', () => {
    const fresh = createWorkingCalendar(announcedSettings);
    const base = toDayNumber('2025-01-01');
    const t0 = performance.now();
    let acc = 0;
    for (let i = 0; i < 50_000; i++) {
      const d = fromDayNumber(base + (i % 700));
      acc += fresh.addWorkingDays(d, 1 + (i % 30)).length;
    }
    expect(acc).toBe(500_000);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});
