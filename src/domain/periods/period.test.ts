import { describe, expect, it } from 'vitest';
import { DomainError } from '#domain/errors.ts';
import { monthsOf, parsePeriod, quarterOf, requireQuarterOrYear } from './period.ts';

function problemOf(text: string): string {
  try {
    parsePeriod(text);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'PERIOD_INVALID')
      return error.problems[0]?.message ?? '';
    throw error;
  }
  throw new Error(`${text} was accepted`);
}

describe('parsePeriod', () => {
  it.each([
    ['2025-Q3', 'quarter', '2025-07-01', '2025-09-30', ['2025-Q3']],
    ['2024-Q1', 'quarter', '2024-01-01', '2024-03-31', ['2024-Q1']],
    ['2025', 'year', '2025-01-01', '2025-12-31', ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']],
  ] as const)('%s is a %s from %s to %s', (text, kind, from, to, quarters) => {
    const period = parsePeriod(text);
    expect(period).toMatchObject({ key: text, kind, from, to, quarters, isWholeQuarters: true });
  });

  it('reads a custom range: both days included, the quarters it overlaps, not whole quarters', () => {
    expect(parsePeriod('2026-07-01..2026-08-15')).toEqual({
      key: '2026-07-01..2026-08-15',
      kind: 'range',
      year: 2026,
      quarters: ['2026-Q3'],
      isWholeQuarters: false,
      from: '2026-07-01',
      to: '2026-08-15',
    });
    expect(parsePeriod('2025-11-20..2026-02-10').quarters).toEqual(['2025-Q4', '2026-Q1']);
    expect(parsePeriod('2026-03-05..2026-03-05')).toMatchObject({ from: '2026-03-05', to: '2026-03-05' });
  });

  it('a range of whole quarters uses the rollups; exactly a quarter or a year is that period', () => {
    expect(parsePeriod('2025-07-01..2025-12-31')).toMatchObject({
      kind: 'range',
      quarters: ['2025-Q3', '2025-Q4'],
      isWholeQuarters: true,
    });
    expect(parsePeriod('2025-10-01..2026-03-31')).toMatchObject({
      quarters: ['2025-Q4', '2026-Q1'],
      isWholeQuarters: true,
    });
    expect(parsePeriod('2025-07-01..2025-09-30')).toEqual(parsePeriod('2025-Q3'));
    expect(parsePeriod('2024-01-01..2024-12-31')).toEqual(parsePeriod('2024'));
    expect(parsePeriod('2025-07-02..2025-09-30').isWholeQuarters).toBe(false);
  });

  it.each([
    ['2026-08-15..2026-07-01', 'ngày kết thúc trước ngày bắt đầu'],
    ['2026-02-30..2026-03-10', 'ngày không có thật'],
    ['2026-13-01..2026-13-02', 'ngày không có thật'],
    ['2025-01-01..2026-01-02', 'khoảng thời gian dài quá 366 ngày'],
    ['2025-Q5', 'dạng 2025-Q3, 2025 hoặc 2026-07-01..2026-08-15'],
    ['2026-07-01 .. 2026-08-15', 'dạng 2025-Q3, 2025 hoặc 2026-07-01..2026-08-15'],
    ['', 'dạng 2025-Q3, 2025 hoặc 2026-07-01..2026-08-15'],
  ])('refuses %j: %s', (text, message) => {
    expect(problemOf(text)).toBe(`"${text}": ${message}`);
  });

  it('accepts the longest range (a leap year and its day count)', () => {
    expect(parsePeriod('2024-01-02..2025-01-01').quarters).toEqual([
      '2024-Q1',
      '2024-Q2',
      '2024-Q3',
      '2024-Q4',
      '2025-Q1',
    ]);
  });

  it('a range is refused where only a quarter or a year makes sense', () => {
    expect(() => requireQuarterOrYear(parsePeriod('2026-07-01..2026-08-15'))).toThrow(DomainError);
    expect(requireQuarterOrYear(parsePeriod('2025-Q3')).key).toBe('2025-Q3');
    // A whole-quarter range that is exactly a quarter became the quarter.
    expect(requireQuarterOrYear(parsePeriod('2025-07-01..2025-09-30')).key).toBe('2025-Q3');
  });
});

describe('monthsOf and quarterOf', () => {
  it('splits a range into calendar months clipped to it', () => {
    expect(monthsOf('2025-12-20', '2026-02-10')).toEqual([
      { month: '2025-12', from: '2025-12-20', to: '2025-12-31' },
      { month: '2026-01', from: '2026-01-01', to: '2026-01-31' },
      { month: '2026-02', from: '2026-02-01', to: '2026-02-10' },
    ]);
    expect(monthsOf('2024-02-01', '2024-02-29')).toEqual([
      { month: '2024-02', from: '2024-02-01', to: '2024-02-29' },
    ]);
  });

  it('puts a date in its quarter', () => {
    expect(['2025-01-01', '2025-03-31', '2025-04-01', '2025-12-31'].map(quarterOf)).toEqual([
      '2025-Q1',
      '2025-Q1',
      '2025-Q2',
      '2025-Q4',
    ]);
  });
});
