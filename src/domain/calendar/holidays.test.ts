import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateStatutoryHolidays } from './holidays.ts';
import { isoWeekday } from './time.ts';

const brief = (year: number): string[] => generateStatutoryHolidays(year).map((h) => `${h.date} ${h.kind}`);

describe('generateStatutoryHolidays — BLLĐ 2019 Điều 112 khoản 1 + nghỉ bù Điều 111 khoản 3', () => {
  it('2025: Tết default pattern 28/1–1/2 (29 Chạp–mùng 4); mùng 4 on Sat → nghỉ bù Mon 3/2; Giỗ Tổ Mon 7/4; 1/9 + 2/9', () => {
    expect(brief(2025)).toEqual([
      '2025-01-01 holiday', // điểm a
      '2025-01-28 holiday', // điểm b: last day of the lunar year
      '2025-01-29 holiday', // mùng 1
      '2025-01-30 holiday',
      '2025-01-31 holiday',
      '2025-02-01 holiday', // mùng 4, a Saturday
      '2025-02-03 day_off', // Điều 111 khoản 3: nghỉ bù for Sat 1/2
      '2025-04-07 holiday', // điểm e: Giỗ Tổ
      '2025-04-30 holiday', // điểm c
      '2025-05-01 holiday', // điểm d
      '2025-09-01 holiday', // điểm đ: adjacent day 1/9 (a Monday)
      '2025-09-02 holiday',
    ]);
  });

  it('2026: Tết 16–20/2; Giỗ Tổ Sun 26/4 → nghỉ bù Mon 27/4; 30/4, 1/5; 1/9 + 2/9', () => {
    expect(brief(2026)).toEqual([
      '2026-01-01 holiday',
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
      '2026-04-26 holiday',
      '2026-04-27 day_off',
      '2026-04-30 holiday',
      '2026-05-01 holiday',
      '2026-09-01 holiday',
      '2026-09-02 holiday',
    ]);
    const names = new Map(generateStatutoryHolidays(2026).map((h) => [h.date, h.name]));
    expect(names.get('2026-04-27')).toMatch(/^Nghỉ bù Giỗ Tổ Hùng Vương/);
    expect(names.get('2026-02-16')).toBe('Tết Nguyên đán (29 tháng Chạp)');
  });

  it('2023: Giỗ Tổ Sat 29/4 and 30/4 Sun chain their nghỉ bù past 1/5 to Tue 2/5 and Wed 3/5 (matches the real 2023 break)', () => {
    expect(brief(2023).filter((s) => s >= '2023-04' && s < '2023-06')).toEqual([
      '2023-04-29 holiday',
      '2023-04-30 holiday',
      '2023-05-01 holiday',
      '2023-05-02 day_off',
      '2023-05-03 day_off',
    ]);
    // 2/9/2023 is a Saturday: 1/9 (Fri) is the adjacent day, nghỉ bù Mon 4/9.
    expect(brief(2023).filter((s) => s >= '2023-09')).toEqual([
      '2023-09-01 holiday',
      '2023-09-02 holiday',
      '2023-09-04 day_off',
    ]);
  });

  it('2024: 1/9 is a Sunday → adjacent day is 3/9 (Điều 112 khoản 1 điểm đ, 2022–2026 practice)', () => {
    expect(brief(2024).filter((s) => s >= '2024-09')).toEqual(['2024-09-02 holiday', '2024-09-03 holiday']);
  });

  it('every entry has a Vietnamese name; compensatory days are named "Nghỉ bù …"', () => {
    for (const h of generateStatutoryHolidays(2024)) {
      expect(h.name.length).toBeGreaterThan(0);
      if (h.kind === 'day_off') expect(h.name).toMatch(/^Nghỉ bù /);
    }
  });

  it('property (1990–2100): sorted, unique, 11 statutory days, one weekday nghỉ bù per weekend holiday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), (year) => {
        const list = generateStatutoryHolidays(year);
        const dates = list.map((h) => h.date);
        const sorted = [...dates].sort();
        const holidays = list.filter((h) => h.kind === 'holiday');
        const offs = list.filter((h) => h.kind === 'day_off');
        const weekendHolidays = holidays.filter((h) => isoWeekday(h.date) >= 6);
        return (
          dates.every((d, i) => d === sorted[i]) &&
          new Set(dates).size === dates.length &&
          holidays.length === 11 &&
          offs.length === weekendHolidays.length &&
          offs.every((h) => isoWeekday(h.date) <= 5 && h.date.startsWith(String(year)))
        );
      }),
      { numRuns: 111 },
    );
  });
});
