import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  isoWeekday,
  localDateTimeToInstant,
  localMinutesOfDay,
  parseHhmm,
  toDayNumber,
  toLocalDate,
} from './time.ts';

// Vietnam is fixed UTC+7 (no DST since 1975), so local = UTC + 7 h.
describe('time helpers (UTC+7)', () => {
  it.each([
    [Date.UTC(2025, 2, 2, 16, 59), '2025-03-02'],
    [Date.UTC(2025, 2, 2, 17, 0), '2025-03-03'],
    [Date.UTC(2025, 11, 31, 17, 0), '2026-01-01'],
  ])('toLocalDate(%d) = %s', (i, d) => {
    expect(toLocalDate(i)).toBe(d);
  });

  it('localMinutesOfDay', () => {
    expect(localMinutesOfDay(Date.UTC(2025, 2, 3, 3, 0))).toBe(600);
    expect(localMinutesOfDay(Date.UTC(2025, 2, 2, 17, 0))).toBe(0);
    expect(localMinutesOfDay(Date.UTC(1960, 0, 1, 16, 59))).toBe(1439);
  });

  it('localDateTimeToInstant is the inverse of the local view', () => {
    expect(localDateTimeToInstant('2025-03-03', '10:00')).toBe(Date.UTC(2025, 2, 3, 3, 0));
    expect(localDateTimeToInstant('2025-03-03', '00:00')).toBe(Date.UTC(2025, 2, 2, 17, 0));
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-28', 2, '2024-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-03-01', 0, '2025-03-01'],
  ])('addCalendarDays(%s, %d) = %s', (d, n, e) => {
    expect(addCalendarDays(d, n)).toBe(e);
  });

  it.each([
    ['2025-03-03', 1],
    ['2025-03-08', 6],
    ['2025-03-09', 7],
    ['2026-04-26', 7],
    ['1970-01-01', 4],
  ])('isoWeekday(%s) = %d', (d, w) => {
    expect(isoWeekday(d)).toBe(w);
  });

  it('parseHhmm', () => {
    expect(parseHhmm('15:00')).toBe(900);
    expect(parseHhmm('07:30')).toBe(450);
    expect(parseHhmm('00:00')).toBe(0);
    expect(parseHhmm('24:00')).toBe(1440);
    for (const bad of ['7:30', '25:00', '12:60', '24:01', 'abc', '', '15:00:00']) {
      expect(() => parseHhmm(bad)).toThrow(RangeError);
    }
  });

  it('rejects malformed or impossible dates', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-3-1', '20250301', '2025-04-31']) {
      expect(() => toDayNumber(bad)).toThrow(RangeError);
    }
  });
});
