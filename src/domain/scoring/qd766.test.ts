import { describe, expect, it } from 'vitest';
import qd766File from '../../../schemes/qd766.json' with { type: 'json' };
import { parseScheme, type Qd766Scheme } from './load-scheme.ts';
import { qd766Points, scoreQd766, type Qd766Rate } from './qd766.ts';

const loaded = parseScheme(qd766File, 'qd766.json');
if (loaded.kind !== 'qd766') throw new Error('qd766.json is not a qd766 scheme');
const scheme: Qd766Scheme = loaded;
const ids = scheme.groups.flatMap((g) => g.indicators.map((i) => i.id));
const all = (rate: Qd766Rate): Record<string, Qd766Rate> => Object.fromEntries(ids.map((id) => [id, rate]));

describe('Quyết định 766 sub-indicator points (legal-rules §5.3, §9.7)', () => {
  const indicator = (id: string, rate: Qd766Rate) => {
    const found = scoreQd766(scheme, { [id]: rate }).indicators.find((i) => i.id === id);
    if (!found) throw new Error(id);
    return found;
  };
  const rows: [string, string, Qd766Rate, number | null, number | null][] = [
    ['3.1 threshold 80%: rate 80% → full 4,00', '3.1', { numerator: 8, denominator: 10 }, 8000, 400],
    ['3.1 threshold 80%: rate 90% → capped at 4,00', '3.1', { numerator: 9, denominator: 10 }, 9000, 400],
    ['3.1 below threshold: 60% × 4 / 80% = 3,00', '3.1', { numerator: 6, denominator: 10 }, 6000, 300],
    [
      '3.1 below threshold: 33,33% × 4 / 80% = 1,666… → 1,67',
      '3.1',
      { numerator: 1, denominator: 3 },
      3333,
      167,
    ],
    ['3.3 threshold 50%: 25% × 4 / 50% = 2,00', '3.3', { numerator: 1, denominator: 4 }, 2500, 200],
    ['5.4 threshold 90%: 45% × 6 / 90% = 3,00', '5.4', { numerator: 45, denominator: 100 }, 4500, 300],
    ['5.4 threshold 90%: 90% → full 6,00', '5.4', { numerator: 9, denominator: 10 }, 9000, 600],
    ['1.1 no threshold: 85,71% × 4 = 3,43', '1.1', { numerator: 6, denominator: 7 }, 8571, 343],
    ['2.1 no threshold: 100% × 20 = 20,00', '2.1', { numerator: 5, denominator: 5 }, 10_000, 2000],
    [
      'rate rounded to two decimals first: 1/8 = 12,5% exactly; 1/16 = 6,25%',
      '1.2',
      { numerator: 1, denominator: 16 },
      625,
      25,
    ],
    ['denominator 0 → N/A', '3.1', { numerator: 0, denominator: 0 }, null, null],
    ['no data → N/A', '3.1', null, null, null],
  ];
  it.each(rows)('%s', (_name, id, rate, rateBp, points) => {
    const r = indicator(id, rate);
    expect(r.rateBp).toBe(rateBp);
    expect(r.points).toBe(points);
    expect(r.rule).toMatch(new RegExp(`^Quyết định 766/QĐ-TTg, chỉ số ${id.replace('.', '\\.')}: `));
  });

  it('says the formula, the threshold and the confidence', () => {
    const r = indicator('3.1', { numerator: 1, denominator: 2 });
    expect(r).toMatchObject({
      max: 400,
      threshold: 8000,
      confidence: 'unconfirmed',
      groupId: '3a',
      numerator: 1,
      denominator: 2,
    });
    expect(r.rule).toContain('Điểm tối đa 4,00 khi tỷ lệ từ 80%; dưới ngưỡng: tỷ lệ × 4,00 / 80%.');
    expect(indicator('5.4', null).confidence).toBe('secondary');
  });

  it('a rate above 100% (bad data) is shown as is but never worth more than the maximum', () => {
    expect(indicator('1.1', { numerator: 3, denominator: 2 })).toMatchObject({ rateBp: 15_000, points: 400 });
    expect(qd766Points(15_000, 400, null)).toBe(400);
  });
});

describe('Quyết định 766 total and class (≥ 90 / 80 / 70 / 50, unconfirmed, configurable)', () => {
  it('every rate at 100%: 100,00 points, Xuất sắc; groups at their maxima', () => {
    const r = scoreQd766(scheme, all({ numerator: 1, denominator: 1 }));
    expect(r.total).toBe(10_000);
    expect(r.max).toBe(10_000);
    expect(r.class).toEqual({ code: 'xuat_sac', label: 'Xuất sắc' });
    expect(r.groups.map((g) => [g.id, g.points, g.max])).toEqual([
      ['1', 1800, 1800],
      ['2', 2000, 2000],
      ['3a', 1200, 1200],
      ['3b', 1000, 1000],
      ['4', 2200, 2200],
      ['5', 1800, 1800],
    ]);
  });

  it('90,00 is Xuất sắc and 89,99 is Tốt (inclusive lower bounds, decision 2)', () => {
    const full = all({ numerator: 1, denominator: 1 });
    expect(scoreQd766(scheme, { ...full, '2.1': { numerator: 1, denominator: 2 } })).toMatchObject({
      total: 9000,
      class: { code: 'xuat_sac' },
    });
    expect(scoreQd766(scheme, { ...full, '2.1': { numerator: 999, denominator: 2000 } })).toMatchObject({
      total: 8999,
      class: { code: 'tot' },
    });
  });

  it('N/A sub-indicators count 0 in their group and the total; nothing at all is 0, Yếu', () => {
    const r = scoreQd766(scheme, {
      ...all({ numerator: 1, denominator: 1 }),
      '5.4': null,
      '1.1': { numerator: 0, denominator: 0 },
    });
    expect(r.total).toBe(10_000 - 600 - 400);
    const group5 = r.groups.find((g) => g.id === '5');
    expect(group5).toMatchObject({ points: 1200, available: 3, indicators: 4 });
    expect(scoreQd766(scheme, {})).toMatchObject({ total: 0, class: { code: 'yeu' } });
  });

  it('reports rate ids the scheme does not know', () => {
    expect(
      scoreQd766(scheme, { '9.9': { numerator: 1, denominator: 1 }, '3.4': null }).ignoredRateIds,
    ).toEqual(['3.4', '9.9']);
  });
});
