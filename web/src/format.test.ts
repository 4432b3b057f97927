import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime, isIsoDate, parseDisplayDate } from './format.ts';

describe('formatDate', () => {
  it.each([
    ['2025-06-09', '09/06/2025'],
    ['2024-02-29', '29/02/2024'],
    ['not a date', 'not a date'],
  ])('%s → %s', (input, expected) => {
    expect(formatDate(input)).toBe(expected);
  });
});

describe('formatDateTime / formatTime', () => {
  it('shows instants in Vietnam time whatever the zone of the instant', () => {
    expect(formatDateTime('2025-06-02T02:00:00.000Z')).toBe('02/06/2025 09:00');
    expect(formatDateTime('2025-06-01T23:30:00-05:00')).toBe('02/06/2025 11:30');
    expect(formatTime('2025-06-11T17:00:00.000Z')).toBe('00:00');
  });

  it('crosses midnight into the next local day', () => {
    expect(formatDateTime('2025-12-31T17:05:00.000Z')).toBe('01/01/2026 00:05');
  });

  it('returns what it cannot read unchanged', () => {
    expect(formatDateTime('soon')).toBe('soon');
  });
});

describe('parseDisplayDate', () => {
  it.each([
    ['', ''],
    ['  ', ''],
    ['02/06/2025', '2025-06-02'],
    ['2/6/2025', '2025-06-02'],
    ['02.06.2025', '2025-06-02'],
    ['2025-06-02', '2025-06-02'],
    ['29/02/2024', '2024-02-29'],
  ])('%j → %j', (input, expected) => {
    expect(parseDisplayDate(input)).toBe(expected);
  });

  it.each(['31/06/2025', '29/02/2025', '06/2025', '2025/06/02', 'hôm nay', '13/13/2025'])(
    'refuses %j',
    (input) => {
      expect(parseDisplayDate(input)).toBeNull();
    },
  );
});

describe('isIsoDate', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2025-06-30')).toBe(true);
    expect(isIsoDate('2025-06-31')).toBe(false);
    expect(isIsoDate('2025-6-3')).toBe(false);
  });
});
