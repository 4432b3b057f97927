import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lunarNewYear, lunarToSolar, solarToLunar } from './lunar.ts';
import { fromDayNumber, toDayNumber } from './time.ts';

// Tết and Giỗ Tổ are lunar dates (BLLĐ 2019 Điều 112 khoản 1 điểm b, e); the Vietnamese calendar
// is computed for UTC+7, which is why it sometimes differs from the Chinese one.
describe('lunarNewYear (mùng 1 Tết)', () => {
  it.each([
    [1985, '1985-01-21'], // differs from China (1985-02-20): the +7 time zone matters
    [2007, '2007-02-17'], // China: 2007-02-18
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ])('Tết %d = %s', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
  });
});

describe('Giỗ Tổ Hùng Vương (10/3 lunar, Điều 112 khoản 1 điểm e)', () => {
  it.each([
    [2023, '2023-04-29'], // after leap month 2 of 2023
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('%d → %s', (year, date) => {
    expect(lunarToSolar(year, 3, 10)).toBe(date);
  });
});

describe('solarToLunar', () => {
  it('last day of lunar year Ất Tỵ (day before Tết 2026) is 2026-02-16 = 29 tháng Chạp', () => {
    expect(solarToLunar('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, isLeapMonth: false });
    expect(solarToLunar('2026-02-17')).toEqual({ year: 2026, month: 1, day: 1, isLeapMonth: false });
  });

  it.each([
    ['2023-03-22', { year: 2023, month: 2, day: 1, isLeapMonth: true }], // leap month 2 of 2023
    ['2020-05-23', { year: 2020, month: 4, day: 1, isLeapMonth: true }], // leap month 4 of 2020
    ['2025-07-25', { year: 2025, month: 6, day: 1, isLeapMonth: true }], // leap month 6 of 2025
    ['2025-01-27', { year: 2024, month: 12, day: 28, isLeapMonth: false }],
  ])('%s', (date, lunar) => {
    expect(solarToLunar(date)).toEqual(lunar);
    expect(lunarToSolar(lunar.year, lunar.month, lunar.day, lunar.isLeapMonth)).toBe(date);
  });

  it('rejects lunar dates that do not exist', () => {
    expect(() => lunarToSolar(2024, 6, 1, true)).toThrow(RangeError); // 2024 has no leap month
    expect(() => lunarToSolar(2025, 5, 1, true)).toThrow(RangeError); // 2025's leap month is 6
    expect(() => lunarToSolar(2025, 12, 30)).toThrow(RangeError); // Chạp Ất Tỵ has 29 days
    expect(() => lunarToSolar(2025, 13, 1)).toThrow(RangeError);
  });

  it('property: lunarToSolar(solarToLunar(d)) == d for dates 1990–2100', () => {
    const lo = toDayNumber('1990-01-01');
    const hi = toDayNumber('2100-12-31');
    fc.assert(
      fc.property(fc.integer({ min: lo, max: hi }), (dn) => {
        const d = fromDayNumber(dn);
        const l = solarToLunar(d);
        return lunarToSolar(l.year, l.month, l.day, l.isLeapMonth) === d;
      }),
      { numRuns: 500 },
    );
  });

  it('property: consecutive solar days are consecutive lunar days or a month start', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2100-12-30') }), (dn) => {
        const a = solarToLunar(fromDayNumber(dn));
        const b = solarToLunar(fromDayNumber(dn + 1));
        return b.day === a.day + 1 ? b.month === a.month : b.day === 1 && a.day >= 29 && a.day <= 30;
      }),
      { numRuns: 300 },
    );
  });
});
