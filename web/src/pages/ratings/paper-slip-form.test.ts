import { describe, expect, it } from 'vitest';
import { blankTicks, conductPoints, todayInVietnam, toPaperSlipBody } from './paper-slip-form.ts';

const NOW = Date.parse('2025-07-20T20:00:00Z'); // 21/07/2025 03:00 in Vietnam

describe('paper slip form', () => {
  it('dates a blank slip today in Vietnam, whatever the browser zone', () => {
    expect(todayInVietnam(NOW)).toBe('2025-07-21');
    expect(blankTicks(NOW)).toMatchObject({ dateText: '21/07/2025', satisfaction: null });
  });

  it('gives cs7 = 0 for improper conduct, else the time answer', () => {
    expect(conductPoints('yes', 2)).toBe(0);
    expect(conductPoints('no', 2)).toBe(2);
    expect(conductPoints('no', null)).toBeNull();
    expect(conductPoints(null, 1)).toBeNull();
  });

  it('builds the body with only the ticked answers, at noon of the slip date', () => {
    const ticks = {
      ...blankTicks(NOW),
      satisfaction: 4 as const,
      contacts: 2 as const,
      improper: 'no' as const,
    };
    expect(
      toPaperSlipBody(' H99.01-250707-0001 ', { ...ticks, dateText: '5/7/2025', comment: '  tốt ' }),
    ).toEqual({
      ok: true,
      body: {
        scanned: 'H99.01-250707-0001',
        satisfaction: 4,
        answers: { cs3: 2 },
        comment: 'tốt',
        submittedAt: '2025-07-05T12:00:00+07:00',
      },
    });
    expect(toPaperSlipBody('X', { ...ticks, time: 1 })).toMatchObject({
      ok: true,
      body: { answers: { cs1: 1, cs3: 2, cs7: 1 } },
    });
  });

  it('lists what is missing', () => {
    expect(toPaperSlipBody('X', { ...blankTicks(NOW), dateText: '31/02/2025' })).toEqual({
      ok: false,
      problems: ['satisfaction', 'date'],
    });
  });

  it('never names who keys the slip in: the server records the signed-in account', () => {
    const result = toPaperSlipBody('X', { ...blankTicks(NOW), satisfaction: 5 });
    expect(result.ok && Object.keys(result.body).sort()).toEqual(['satisfaction', 'scanned', 'submittedAt']);
  });
});
