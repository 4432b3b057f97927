import { describe, expect, it } from 'vitest';
import tt01File from '../../../schemes/tt01-2018.json' with { type: 'json' };
import { aggregateAgency, aggregateOfficial } from './aggregate.ts';
import { classify } from './classify.ts';
import { parseScheme, type Tt01Scheme } from './load-scheme.ts';
import { rankAgencies } from './rank.ts';
import { indicatorScore, roundHalfUp, shareBp } from './rounding.ts';
import type { AgencyIndicatorSources, IndicatorAccumulator } from './types.ts';

const loaded = parseScheme(tt01File, 'tt01-2018.json');
if (loaded.kind !== 'tt01') throw new Error('tt01-2018.json is not a tt01 scheme');
const scheme: Tt01Scheme = loaded;
const rescale: Tt01Scheme = { ...scheme, missingIndicatorPolicy: 'rescale' };

/** An accumulator whose score is exactly `tenths` (n dossiers with the right sum). */
const acc = (tenths: number): IndicatorAccumulator => ({ sum: tenths, count: 10 });
const value = (points: 0 | 1 | 2, note = 'ghi chú'): AgencyIndicatorSources['data'] => ({ points, note });

describe('roundHalfUp / indicatorScore — Điều 15 khoản 2: sum / dossiers, one decimal, half up (decision 3)', () => {
  const rows: [string, number, number, number | null][] = [
    ['2 dossiers, 1 + 2 points → 1,5', 3, 2, 15],
    ['3 dossiers, 2 + 2 + 1 → 1,666… → 1,7', 5, 3, 17],
    ['3 dossiers, 1 + 1 + 0 → 0,666… → 0,7', 2, 3, 7],
    ['20 dossiers, 9 points → 0,45 → 0,5 (x,x5 rounds up)', 9, 20, 5],
    ['20 dossiers, 29 points → 1,45 → 1,5', 29, 20, 15],
    ['40 dossiers, 25 points → 0,625 → 0,6 (below half stays)', 25, 40, 6],
    ['200 dossiers, 290 points → 1,45 → 1,5', 290, 200, 15],
    ['7 dossiers, 0 points → 0', 0, 7, 0],
    ['7 dossiers, 14 points → 2,0', 14, 7, 20],
    ['0 dossiers → not scored', 0, 0, null],
  ];
  it.each(rows)('%s', (_name, sum, count, expected) => {
    expect(indicatorScore(sum, count)).toBe(expected);
  });

  it('rounds exactly half up in integers, where binary floats would not (1,005 → 1,01; 2,675 → 2,68)', () => {
    expect(roundHalfUp(1005, 10)).toBe(101);
    expect(roundHalfUp(2675, 10)).toBe(268);
    expect(Math.round(1.005 * 100)).toBe(100); // the float trap the integer version avoids
    expect(roundHalfUp(1494, 10)).toBe(149);
    expect(roundHalfUp(1495, 10)).toBe(150);
    expect(shareBp(1, 3)).toBe(3333);
    expect(shareBp(2, 3)).toBe(6667);
    expect(shareBp(0, 0)).toBe(0);
  });

  it('refuses anything but non-negative integers over a positive integer', () => {
    expect(() => roundHalfUp(1.5, 2)).toThrow(RangeError);
    expect(() => roundHalfUp(-1, 2)).toThrow(RangeError);
    expect(() => roundHalfUp(1, 0)).toThrow(RangeError);
  });
});

describe('classification boundaries — inclusive lower bounds (Điều 15 khoản 3; decision 2)', () => {
  const official: [number, string][] = [
    [100, 'hoan_thanh_100'],
    [50, 'hoan_thanh_100'], // 5,0 → 100%
    [49, 'hoan_thanh_70_100'], // 4,9
    [35, 'hoan_thanh_70_100'], // 3,5
    [34, 'hoan_thanh_duoi_70'], // 3,4
    [0, 'hoan_thanh_duoi_70'],
  ];
  it.each(official)('official %i tenths → %s', (tenths, code) => {
    expect(classify(scheme.officialClasses, tenths).code).toBe(code);
  });

  const agency: [number, string, string][] = [
    [180, 'xuat_sac', 'Xuất sắc'],
    [150, 'xuat_sac', 'Xuất sắc'], // 15,0 (not "> 15", legal-rules §2.4 pitfall)
    [149, 'tot', 'Tốt'],
    [120, 'tot', 'Tốt'],
    [119, 'kha', 'Khá'],
    [90, 'kha', 'Khá'],
    [89, 'trung_binh', 'Trung bình'],
    [60, 'trung_binh', 'Trung bình'],
    [59, 'yeu', 'Yếu'],
    [0, 'yeu', 'Yếu'],
  ];
  it.each(agency)('agency %i tenths → %s', (tenths, code, label) => {
    expect(classify(scheme.agencyGrades, tenths)).toEqual({ code, label });
  });
});

describe('aggregateOfficial — indicators 1, 2, 3, 4, 7 (Điều 15 khoản 1–3)', () => {
  it('5,0 from five indicators is "Hoàn thành 100% nhiệm vụ"; 4,9 is 70% to under 100%', () => {
    const five = aggregateOfficial(scheme, {
      cs1: acc(10),
      cs2: acc(10),
      cs3: acc(10),
      cs4: acc(10),
      cs7: acc(10),
    });
    expect(five).toMatchObject({ total: 50, classifiedTotal: 50, scored: 5, outOf: 5 });
    expect(five.class).toEqual({ code: 'hoan_thanh_100', label: 'Hoàn thành 100% nhiệm vụ' });
    const under = aggregateOfficial(scheme, {
      cs1: acc(10),
      cs2: acc(10),
      cs3: acc(10),
      cs4: acc(10),
      cs7: acc(9),
    });
    expect(under.total).toBe(49);
    expect(under.class.code).toBe('hoan_thanh_70_100');
  });

  it('rounds each indicator before summing (2 dossiers 1 + 2 → 1,5; 3 dossiers 2, 2, 1 → 1,7)', () => {
    const r = aggregateOfficial(scheme, { cs1: { sum: 3, count: 2 }, cs3: { sum: 5, count: 3 } });
    expect(r.indicators).toEqual({ cs1: 15, cs2: null, cs3: 17, cs4: null, cs7: null });
    expect(r.basis.cs1).toEqual({ sum: 3, count: 2 });
    expect(r.total).toBe(32);
  });

  it('missing indicators are left out (Điều 15 khoản 4 b): literal keeps the thresholds; rescale scales to 5 indicators', () => {
    const three = { cs1: acc(15), cs2: acc(15), cs3: acc(15) };
    const literal = aggregateOfficial(scheme, three);
    expect(literal).toMatchObject({ total: 45, classifiedTotal: 45, scored: 3, policy: 'literal' });
    expect(literal.class.code).toBe('hoan_thanh_70_100');
    expect(literal.rule).toMatch(/3\/5 chỉ số được chấm/);
    const scaled = aggregateOfficial(rescale, three);
    expect(scaled).toMatchObject({ total: 45, classifiedTotal: 75, scored: 3, policy: 'rescale' });
    expect(scaled.class.code).toBe('hoan_thanh_100');
  });

  it('a zero count is not scored', () => {
    const r = aggregateOfficial(scheme, { cs1: { sum: 0, count: 0 } });
    expect(r).toMatchObject({ total: 0, scored: 0 });
    expect(r.indicators.cs1).toBeNull();
  });
});

describe('aggregateAgency — 9 indicators, max 18 (Điều 15 khoản 1–4)', () => {
  const allDossiers = { cs1: acc(20), cs2: acc(20), cs3: acc(20), cs4: acc(20), cs6: acc(20), cs7: acc(20) };

  it('15,0 is Xuất sắc, 14,9 is Tốt (end to end)', () => {
    const level = { cs5: { data: value(1) }, cs8: { data: value(2) }, cs9: { data: value(2) } };
    const r150 = aggregateAgency(scheme, { ...allDossiers, cs7: acc(0) }, level);
    expect(r150).toMatchObject({ total: 150, scored: 9, outOf: 9 });
    expect(r150.grade).toEqual({ code: 'xuat_sac', label: 'Xuất sắc' });
    const r149 = aggregateAgency(scheme, { ...allDossiers, cs4: acc(19), cs7: acc(0) }, level);
    expect(r149.total).toBe(149);
    expect(r149.grade.code).toBe('tot');
  });

  it('indicators 5, 8, 9: appraisal, then data, then self by default; all candidates kept side by side', () => {
    const r = aggregateAgency(
      scheme,
      {},
      {
        cs5: {
          self: value(2, 'tự đánh giá'),
          data: value(1, 'dữ liệu'),
          appraisal: value(0, 'thẩm định: thiếu hồ sơ'),
        },
        cs8: { self: value(2), data: value(1) },
        cs9: { self: value(2) },
      },
    );
    expect(r.indicators.cs5).toMatchObject({ score: 0, source: 'appraisal' });
    expect(r.indicators.cs5.candidates.map((c) => [c.source, c.score, c.note])).toEqual([
      ['appraisal', 0, 'thẩm định: thiếu hồ sơ'],
      ['data', 10, 'dữ liệu'],
      ['self', 20, 'tự đánh giá'],
    ]);
    expect(r.indicators.cs8).toMatchObject({ score: 10, source: 'data' });
    expect(r.indicators.cs9).toMatchObject({ score: 20, source: 'self' });
  });

  it('a scheme that trusts only appraisals ignores the other sources but still shows them', () => {
    const onlyAppraisal: Tt01Scheme = { ...scheme, agencyIndicatorPrecedence: ['appraisal'] };
    const r = aggregateAgency(onlyAppraisal, {}, { cs8: { self: value(2) } });
    expect(r.indicators.cs8).toMatchObject({ score: null, source: null });
    expect(r.indicators.cs8.candidates).toHaveLength(1);
  });

  it('indicator 6: an agency-level value wins over the per-dossier average; without one the average is used', () => {
    const withAudit = aggregateAgency(
      scheme,
      { cs6: { sum: 3, count: 2 } },
      { cs6: { appraisal: value(1) } },
    );
    expect(withAudit.indicators.cs6).toMatchObject({ score: 10, source: 'appraisal' });
    expect(withAudit.indicators.cs6.candidates.map((c) => c.source)).toEqual(['dossiers', 'appraisal']);
    const averageOnly = aggregateAgency(scheme, { cs6: { sum: 3, count: 2 } }, {});
    expect(averageOnly.indicators.cs6).toMatchObject({ score: 15, source: 'dossiers' });
  });

  it('missing indicators: literal 7/9 at 2,0 each = 14,0 Tốt; rescale 14 × 18 / 14 = 18,0 Xuất sắc (§9.5)', () => {
    const dossiers = { cs1: acc(20), cs2: acc(20), cs3: acc(20), cs4: acc(20), cs7: acc(20) };
    const level = { cs5: { data: value(2) }, cs9: { data: value(2) } };
    const literal = aggregateAgency(scheme, dossiers, level);
    expect(literal).toMatchObject({ total: 140, classifiedTotal: 140, scored: 7 });
    expect(literal.grade.code).toBe('tot');
    expect(literal.indicators.cs6).toMatchObject({ score: null, source: null, candidates: [] });
    expect(literal.rule).toMatch(/7\/9 chỉ số được chấm/);
    const scaled = aggregateAgency(rescale, dossiers, level);
    expect(scaled).toMatchObject({ total: 140, classifiedTotal: 180, scored: 7 });
    expect(scaled.grade.code).toBe('xuat_sac');
  });

  it('rescale rounds half up: 6 indicators summing to 9,1 → 9,1 × 18 / 12 = 13,65 → 13,7', () => {
    const r = aggregateAgency(
      rescale,
      { cs1: acc(20), cs2: acc(20), cs3: acc(20), cs4: acc(11), cs7: acc(10) },
      { cs5: { data: value(1) } },
    );
    expect(r.total).toBe(91);
    expect(r.classifiedTotal).toBe(137);
  });

  it('nothing scored: 0/9, total 0, the lowest grade', () => {
    expect(aggregateAgency(scheme, {}, {})).toMatchObject({ total: 0, scored: 0, grade: { code: 'yeu' } });
  });
});

describe('rankAgencies — ties (Điều 15 khoản 4 "xếp hạng"; tie rule is a design choice)', () => {
  const rows = [
    { id: '4', name: 'UBND xã Bình Lục', total: 140 },
    { id: '1', name: 'Sở Tư pháp', total: 150 },
    { id: '3', name: 'UBND xã Ân Thi', total: 140 },
    { id: '5', name: 'UBND xã Đông Hà', total: 120 },
    { id: '2', name: 'UBND xã Ân Thi', total: 140 },
  ];

  it('shared_rank: equal totals share a rank and the next rank is skipped (1, 2, 2, 2, 5)', () => {
    const ranked = rankAgencies(rows, 'shared_rank');
    expect(ranked.map((r) => [r.rank, r.id])).toEqual([
      [1, '1'],
      // Vietnamese order inside a tie: "Ân" sorts before "Bình" (code points would not), then by id.
      [2, '2'],
      [2, '3'],
      [2, '4'],
      [5, '5'],
    ]);
  });

  it('dense_rank: 1, 2, 2, 2, 3', () => {
    expect(rankAgencies(rows, 'dense_rank').map((r) => r.rank)).toEqual([1, 2, 2, 2, 3]);
  });

  it('keeps the row fields and does not mutate the input', () => {
    const copy = structuredClone(rows);
    const ranked = rankAgencies(rows, 'shared_rank');
    expect(ranked[0]).toEqual({ id: '1', name: 'Sở Tư pháp', total: 150, rank: 1 });
    expect(rows).toEqual(copy);
  });
});
