import { describe, expect, it } from 'vitest';
import { ANNOUNCED_EXCEPTIONS_2025_2026 } from './announced.ts';
import { compareByDate, computeDueDate, restartDueDate } from './due-date.ts';
import { localDateTimeToInstant, toLocalDate } from './time.ts';
import { DEFAULT_CALENDAR_SETTINGS, DEFAULT_RECEIPT_CUTOFF } from './types.ts';
import type { CalendarSettings, TimeLimitUnit } from './types.ts';
import { createWorkingCalendar } from './working-calendar.ts';

const settings: CalendarSettings = {
  ...DEFAULT_CALENDAR_SETTINGS,
  exceptions: ANNOUNCED_EXCEPTIONS_2025_2026,
};
const cal = createWorkingCalendar(settings);
const defaultCal = createWorkingCalendar(DEFAULT_CALENDAR_SETTINGS);
const at = (date: string, hhmm: string): number => localDateTimeToInstant(date, hhmm);

const due = (received: [string, string], value: number, unit: TimeLimitUnit, c = cal) =>
  computeDueDate(c, settings, {
    receivedAt: at(...received),
    limit: { value, unit },
    receiptCutoff: DEFAULT_RECEIPT_CUTOFF,
  });

// [name citing the rule, received (local), value, effective receipt date, due date]
const WORKING_DAY_CASES: [string, [string, string], number, string, string][] = [
  [
    '(a) Mon 10:00, 5 wd: receipt day not counted (BLDS Điều 147.2)',
    ['2025-03-03', '10:00'],
    5,
    '2025-03-03',
    '2025-03-10',
  ],
  [
    '(b) Mon 15:30, after cut-off → from Tue (NĐ 61 Điều 18)',
    ['2025-03-03', '15:30'],
    5,
    '2025-03-04',
    '2025-03-11',
  ],
  [
    '(b) exactly 15:00 is at the cut-off → same day (NĐ 61 Điều 18)',
    ['2025-03-03', '15:00'],
    5,
    '2025-03-03',
    '2025-03-10',
  ],
  [
    '(c) Fri 15:01 → counts as received Mon (NĐ 61 Điều 18)',
    ['2025-03-07', '15:01'],
    5,
    '2025-03-10',
    '2025-03-17',
  ],
  ['(c) Fri 15:00 → received Fri', ['2025-03-07', '15:00'], 5, '2025-03-07', '2025-03-14'],
  [
    '(d) Sat (online) → received next working day Mon (NĐ 61 Điều 18)',
    ['2025-03-08', '09:00'],
    5,
    '2025-03-10',
    '2025-03-17',
  ],
  [
    '(d) received on a holiday (Giỗ Tổ 2025) → next working day',
    ['2025-04-07', '09:00'],
    1,
    '2025-04-08',
    '2025-04-09',
  ],
  [
    '(e) 3 wd across Tết 2026 (16–20/2 off, Điều 112)',
    ['2026-02-13', '09:00'],
    3,
    '2026-02-13',
    '2026-02-25',
  ],
  ['(f) 3 wd across Giỗ Tổ Mon 7/4/2025', ['2025-04-04', '09:00'], 3, '2025-04-04', '2025-04-10'],
  ['(f) 4 wd: swapped Sat 26/4/2025 counts', ['2025-04-24', '10:00'], 4, '2025-04-24', '2025-04-29'],
  [
    '(f) 5 wd: 30/4, 1/5 and swap day 2/5/2025 skipped',
    ['2025-04-24', '10:00'],
    5,
    '2025-04-24',
    '2025-05-05',
  ],
  [
    '(f) 15 wd from before Giỗ Tổ ending on the swapped Sat 26/4',
    ['2025-04-04', '09:00'],
    15,
    '2025-04-04',
    '2025-04-26',
  ],
  ['(i) 0 wd → receipt day itself', ['2025-03-03', '10:00'], 0, '2025-03-03', '2025-03-03'],
  ['(i) 0 wd after cut-off → next working day', ['2025-03-03', '16:00'], 0, '2025-03-04', '2025-03-04'],
  ['(i) 0 wd on Saturday → Monday', ['2025-03-08', '10:00'], 0, '2025-03-10', '2025-03-10'],
];

describe('computeDueDate — working_days', () => {
  it.each(WORKING_DAY_CASES)('%s', (_name, received, n, eff, dueDate) => {
    const r = due(received, n, 'working_days');
    expect(r.effectiveReceiptDate).toBe(eff);
    expect(r.dueDate).toBe(dueDate);
    // BLDS Điều 148 khoản 6: ends at 24:00 local of the due date = next local midnight.
    expect(r.dueAt).toBe(at(dueDate, '24:00'));
    expect(toLocalDate(r.dueAt - 1)).toBe(dueDate);
    expect(r.explanation.length).toBeGreaterThan(0);
    expect(r.explanation.every((s) => /Điều \d+/.test(s))).toBe(true);
  });

  it('counting starts at local midnight after the effective receipt day (BLDS Điều 147.2)', () => {
    expect(due(['2025-03-03', '10:00'], 5, 'working_days').countedFrom).toBe(at('2025-03-04', '00:00'));
  });

  it('(f) same 4 wd limit without the announced swap ends on Fri 2/5/2025 instead', () => {
    expect(due(['2025-04-24', '10:00'], 4, 'working_days', defaultCal).dueDate).toBe('2025-05-02');
  });

  it('explains the cut-off', () => {
    const r = due(['2025-03-03', '15:30'], 5, 'working_days');
    expect(r.explanation.join(' ')).toMatch(/sau 15:00.*Nghị định 61\/2018 Điều 18/);
  });
});

type Local = [string, string];

const CALENDAR_DAY_CASES: [string, Local, number, string][] = [
  ['(g) 6 cd ends Sun 9/3 → Mon 10/3 (Điều 148.5)', ['2025-03-03', '10:00'], 6, '2025-03-10'],
  ['(g) 5 cd ends Sat 8/3 → Mon 10/3 (Điều 148.5)', ['2025-03-03', '10:00'], 5, '2025-03-10'],
  ['4 cd ends Fri 7/3, a working day, unchanged', ['2025-03-03', '10:00'], 4, '2025-03-07'],
  ['5 cd ends on mùng 2 Tết 2026 → Mon 23/2 (Điều 148.5)', ['2026-02-13', '09:00'], 5, '2026-02-23'],
  ['after cut-off counts from the next working day', ['2025-03-07', '16:00'], 4, '2025-03-14'],
];

describe('computeDueDate — calendar_days (BLDS Điều 147.2, 148.5)', () => {
  it.each(CALENDAR_DAY_CASES)('%s', (_n, received, n, dueDate) => {
    const r = due(received, n, 'calendar_days');
    expect(r.dueDate).toBe(dueDate);
    expect(r.dueAt).toBe(at(dueDate, '24:00'));
  });

  it('explains the move to the next working day', () => {
    expect(due(['2025-03-03', '10:00'], 6, 'calendar_days').explanation.join(' ')).toMatch(
      /Điều 148 khoản 5/,
    );
  });
});

const HOUR_CASES: [string, Local, number, Local, Local][] = [
  [
    '(h) Mon 10:00 + 8 h → Tue 10:00',
    ['2025-03-03', '10:00'],
    8,
    ['2025-03-03', '10:00'],
    ['2025-03-04', '10:00'],
  ],
  [
    '(h) Mon 16:00 (after cut-off) + 4 h → Tue 11:30',
    ['2025-03-03', '16:00'],
    4,
    ['2025-03-04', '07:30'],
    ['2025-03-04', '11:30'],
  ],
  [
    'lunch-time receipt starts at 13:00',
    ['2025-03-03', '12:00'],
    2,
    ['2025-03-03', '13:00'],
    ['2025-03-03', '15:00'],
  ],
  [
    'early-morning online receipt starts at 07:30',
    ['2025-03-03', '06:00'],
    1,
    ['2025-03-03', '07:30'],
    ['2025-03-03', '08:30'],
  ],
  [
    'Sat receipt starts Mon 07:30',
    ['2025-03-08', '10:00'],
    3,
    ['2025-03-10', '07:30'],
    ['2025-03-10', '10:30'],
  ],
  [
    'Fri 14:00 + 8 h skips weekend and Giỗ Tổ Mon 7/4/2025',
    ['2025-04-04', '14:00'],
    8,
    ['2025-04-04', '14:00'],
    ['2025-04-08', '14:00'],
  ],
  [
    'ends exactly at a period end (11:30), not at the next opening',
    ['2025-03-03', '09:30'],
    2,
    ['2025-03-03', '09:30'],
    ['2025-03-03', '11:30'],
  ],
  ['0 h → the start moment', ['2025-03-03', '10:00'], 0, ['2025-03-03', '10:00'], ['2025-03-03', '10:00']],
  [
    '24 h = three full office days',
    ['2025-03-03', '07:30'],
    24,
    ['2025-03-03', '07:30'],
    ['2025-03-05', '17:00'],
  ],
];

describe('computeDueDate — hours (BLDS Điều 147.1, office hours 07:30–11:30, 13:00–17:00)', () => {
  it.each(HOUR_CASES)('%s', (_n, received, n, start, end) => {
    const r = due(received, n, 'hours');
    expect(r.countedFrom).toBe(at(...start));
    expect(r.dueAt).toBe(at(...end));
    expect(r.dueDate).toBe(end[0]);
  });

  it('rejects overlapping or inverted office periods', () => {
    const bad: CalendarSettings = {
      ...settings,
      officeHours: [
        { start: '08:00', end: '12:00' },
        { start: '11:00', end: '17:00' },
      ],
    };
    expect(() =>
      computeDueDate(cal, bad, {
        receivedAt: at('2025-03-03', '10:00'),
        limit: { value: 1, unit: 'hours' },
        receiptCutoff: '15:00',
      }),
    ).toThrow(RangeError);
    const inverted: CalendarSettings = { ...settings, officeHours: [{ start: '17:00', end: '08:00' }] };
    expect(() =>
      computeDueDate(cal, inverted, {
        receivedAt: at('2025-03-03', '10:00'),
        limit: { value: 1, unit: 'hours' },
        receiptCutoff: '15:00',
      }),
    ).toThrow(RangeError);
  });
});

describe('input validation', () => {
  it('rejects negative or fractional limits and bad cut-offs', () => {
    expect(() => due(['2025-03-03', '10:00'], -1, 'working_days')).toThrow(RangeError);
    expect(() => due(['2025-03-03', '10:00'], 1.5, 'working_days')).toThrow(RangeError);
    expect(() =>
      computeDueDate(cal, settings, {
        receivedAt: at('2025-03-03', '10:00'),
        limit: { value: 1, unit: 'working_days' },
        receiptCutoff: '3pm',
      }),
    ).toThrow(RangeError);
  });
});

describe('restartDueDate — NĐ 61/2018 Điều 19 khoản 4', () => {
  it('(j) supplement completed Wed 12/3/2025 14:00, 5 wd → Wed 19/3/2025', () => {
    const r = restartDueDate(cal, settings, {
      completedAt: at('2025-03-12', '14:00'),
      limit: { value: 5, unit: 'working_days' },
      receiptCutoff: DEFAULT_RECEIPT_CUTOFF,
    });
    expect(r.effectiveReceiptDate).toBe('2025-03-12');
    expect(r.dueDate).toBe('2025-03-19');
    expect(r.explanation[0]).toMatch(/Điều 19 khoản 4/);
  });
});

const COMPARE_CASES: [number, string, 'early' | 'on_time' | 'late'][] = [
  [at('2025-03-09', '23:59'), '2025-03-10', 'early'],
  [at('2025-03-10', '00:00'), '2025-03-10', 'on_time'],
  [at('2025-03-10', '23:59'), '2025-03-10', 'on_time'], // 16:59 UTC is still the 10th locally
  [at('2025-03-11', '00:30'), '2025-03-10', 'late'], // 17:30 UTC on the 10th is the 11th locally
  [Date.UTC(2025, 2, 10, 17, 30), '2025-03-10', 'late'],
];

describe('compareByDate — date granularity (TT 01/2018/TT-VPCP Điều 13)', () => {
  it.each(COMPARE_CASES)('%d vs %s → %s', (finishedAt, dueDate, expected) => {
    expect(compareByDate(finishedAt, dueDate)).toBe(expected);
  });
});
