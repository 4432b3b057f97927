import { shareBp } from './rounding.ts';
import type { Tt01Scheme } from './scheme-spec.ts';
import type { SatisfactionLevel, SatisfactionSummary, ThreeLevel } from './types.ts';

export const SATISFACTION_LEVELS = [5, 4, 3, 2, 1] as const satisfies readonly SatisfactionLevel[];
export const THREE_LEVELS = [
  'rat_hai_long',
  'hai_long',
  'chua_hai_long',
] as const satisfies readonly ThreeLevel[];

/** The five stored levels, as provincial software shows them (legal-rules §6, decision 7). */
export const SATISFACTION_LEVEL_LABELS: Readonly<Record<SatisfactionLevel, string>> = {
  5: 'Rất hài lòng',
  4: 'Hài lòng',
  3: 'Bình thường',
  2: 'Không hài lòng',
  1: 'Rất không hài lòng',
};

/** The three levels of Thông tư 32/2017/TT-BTTTT Điều 12. */
export const THREE_LEVEL_LABELS: Readonly<Record<ThreeLevel, string>> = {
  rat_hai_long: 'Rất hài lòng',
  hai_long: 'Hài lòng',
  chua_hai_long: 'Chưa hài lòng',
};

/**
 * Counts and shares of 5-level ratings and their 3-level view (Thông tư 32/2017 Điều 12; decision
 * 7; the mapping is the scheme's `satisfactionThreeLevel`). Each share is rounded half up on its
 * own (one rounding function), so shares may sum to 10000 ± 2 basis points.
 */
export function summarizeSatisfaction(
  scheme: Tt01Scheme,
  counts: Record<SatisfactionLevel, number>,
): SatisfactionSummary {
  const total = counts[1] + counts[2] + counts[3] + counts[4] + counts[5];
  const three: Record<ThreeLevel, number> = { rat_hai_long: 0, hai_long: 0, chua_hai_long: 0 };
  for (const level of SATISFACTION_LEVELS) {
    const target = scheme.satisfactionThreeLevel[`${level}`];
    three[target] += counts[level];
  }
  return {
    total,
    counts: { 1: counts[1], 2: counts[2], 3: counts[3], 4: counts[4], 5: counts[5] },
    sharesBp: {
      1: shareBp(counts[1], total),
      2: shareBp(counts[2], total),
      3: shareBp(counts[3], total),
      4: shareBp(counts[4], total),
      5: shareBp(counts[5], total),
    },
    threeLevel: {
      counts: three,
      sharesBp: {
        rat_hai_long: shareBp(three.rat_hai_long, total),
        hai_long: shareBp(three.hai_long, total),
        chua_hai_long: shareBp(three.chua_hai_long, total),
      },
    },
  };
}
