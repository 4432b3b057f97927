import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import tt01File from '../../../schemes/tt01-2018.json' with { type: 'json' };
import { parseScheme, type Tt01Scheme } from './load-scheme.ts';
import { summarizeSatisfaction } from './satisfaction.ts';

const loaded = parseScheme(tt01File, 'tt01-2018.json');
if (loaded.kind !== 'tt01') throw new Error('tt01-2018.json is not a tt01 scheme');
const scheme: Tt01Scheme = loaded;

describe('summarizeSatisfaction — 5 levels and the 3-level view of Thông tư 32/2017 Điều 12 (decision 7)', () => {
  it('counts, shares in basis points, 5 → Rất hài lòng, 4 → Hài lòng, 3–1 → Chưa hài lòng', () => {
    const s = summarizeSatisfaction(scheme, { 5: 6, 4: 3, 3: 1, 2: 1, 1: 1 });
    expect(s.total).toBe(12);
    expect(s.sharesBp).toEqual({ 5: 5000, 4: 2500, 3: 833, 2: 833, 1: 833 });
    expect(s.threeLevel.counts).toEqual({ rat_hai_long: 6, hai_long: 3, chua_hai_long: 3 });
    expect(s.threeLevel.sharesBp).toEqual({ rat_hai_long: 5000, hai_long: 2500, chua_hai_long: 2500 });
  });

  it('no rating: all shares 0', () => {
    const s = summarizeSatisfaction(scheme, { 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 });
    expect(s.total).toBe(0);
    expect(Object.values(s.sharesBp)).toEqual([0, 0, 0, 0, 0]);
  });

  it('the mapping is the scheme’s: a province may count "Bình thường" as Hài lòng', () => {
    const province: Tt01Scheme = {
      ...scheme,
      satisfactionThreeLevel: { ...scheme.satisfactionThreeLevel, '3': 'hai_long' },
    };
    expect(summarizeSatisfaction(province, { 5: 1, 4: 1, 3: 1, 2: 0, 1: 0 }).threeLevel.counts).toEqual({
      rat_hai_long: 1,
      hai_long: 2,
      chua_hai_long: 0,
    });
  });

  it('property: shares each rounded half up sum to 10000 within the rounding of 5 (resp. 3) shares', () => {
    const count = fc.nat({ max: 5000 });
    fc.assert(
      fc.property(fc.tuple(count, count, count, count, count), ([a, b, c, d, e]) => {
        const s = summarizeSatisfaction(scheme, { 1: a, 2: b, 3: c, 4: d, 5: e });
        if (s.total === 0) return;
        const five = Object.values(s.sharesBp).reduce((x, y) => x + y, 0);
        const three = Object.values(s.threeLevel.sharesBp).reduce((x, y) => x + y, 0);
        expect(Math.abs(five - 10_000)).toBeLessThanOrEqual(2);
        expect(Math.abs(three - 10_000)).toBeLessThanOrEqual(1);
        expect(
          s.threeLevel.counts.rat_hai_long + s.threeLevel.counts.hai_long + s.threeLevel.counts.chua_hai_long,
        ).toBe(s.total);
      }),
    );
  });
});
