import { classify } from './classify.ts';
import { viHundredths, viPercent } from './format.ts';
import { percentToBp, roundHalfUp } from './rounding.ts';
import type { Qd766Indicator, Qd766Scheme } from './scheme-spec.ts';
import type {
  BasisPoints,
  Hundredths,
  Qd766GroupResult,
  Qd766IndicatorResult,
  Qd766Result,
} from './types.ts';

/** A rate as counted: numerator / denominator (legal-rules §5.3); null when there is no data. */
export type Qd766Rate = { numerator: number; denominator: number } | null;

const toHundredths = (points: number): Hundredths => Math.round(points * 100);

/**
 * Points of one sub-indicator in hundredths (legal-rules §9.7): the rate is first rounded to two
 * decimals of a percent (§5.3 "làm tròn 2 chữ số"), then rate ≥ threshold → max, below →
 * rate × max / threshold; without a threshold → rate × max. Capped at max (a rate above 100%
 * is bad data, shown as is but never worth more than the maximum).
 */
export function qd766Points(rateBp: BasisPoints, max: Hundredths, threshold: BasisPoints | null): Hundredths {
  if (threshold === null) return Math.min(max, roundHalfUp(rateBp * max, 10_000));
  if (rateBp >= threshold) return max;
  return roundHalfUp(rateBp * max, threshold);
}

function ruleOf(indicator: Qd766Indicator, max: Hundredths, threshold: BasisPoints | null): string {
  const scoring =
    threshold === null
      ? `Điểm = tỷ lệ × ${viHundredths(max)} (chưa có ngưỡng trong tài liệu kỹ thuật).`
      : `Điểm tối đa ${viHundredths(max)} khi tỷ lệ từ ${viPercent(threshold)}; dưới ngưỡng: tỷ lệ × ${viHundredths(max)} / ${viPercent(threshold)}.`;
  return `Quyết định 766/QĐ-TTg, chỉ số ${indicator.id}: ${indicator.formula} ${scoring} Không có dữ liệu hoặc mẫu số bằng 0: N/A, tính 0 điểm.`;
}

/**
 * The Quyết định 766/QĐ-TTg index of one unit and period (legal-rules §5, §9.7): each
 * sub-indicator's rate (basis points, half up) and points (hundredths, half up), group sums, the
 * total out of 100 and its class. A missing rate or a zero denominator is N/A and counts 0.
 */
export function scoreQd766(scheme: Qd766Scheme, rates: Readonly<Record<string, Qd766Rate>>): Qd766Result {
  const indicators: Qd766IndicatorResult[] = [];
  const groups: Qd766GroupResult[] = [];
  const known = new Set<string>();
  for (const group of scheme.groups) {
    let groupPoints = 0;
    let available = 0;
    for (const indicator of group.indicators) {
      known.add(indicator.id);
      const max = toHundredths(indicator.max);
      const threshold = indicator.thresholdPercent === null ? null : percentToBp(indicator.thresholdPercent);
      const rate = rates[indicator.id] ?? null;
      const rateBp =
        rate === null || rate.denominator === 0
          ? null
          : roundHalfUp(rate.numerator * 10_000, rate.denominator);
      const points = rateBp === null ? null : qd766Points(rateBp, max, threshold);
      if (points !== null) {
        groupPoints += points;
        available += 1;
      }
      indicators.push({
        id: indicator.id,
        groupId: group.id,
        name: indicator.name,
        numerator: rate?.numerator ?? null,
        denominator: rate?.denominator ?? null,
        rateBp,
        points,
        max,
        threshold,
        rule: ruleOf(indicator, max, threshold),
        confidence: indicator.confidence,
      });
    }
    groups.push({
      id: group.id,
      name: group.name,
      points: groupPoints,
      max: toHundredths(group.max),
      available,
      indicators: group.indicators.length,
    });
  }
  const total = groups.reduce((sum, group) => sum + group.points, 0);
  const bounds = scheme.classes.map((c) => ({ ...c, min: toHundredths(c.min) }));
  return {
    schemeId: scheme.id,
    schemeVersion: scheme.version,
    indicators,
    groups,
    total,
    max: toHundredths(scheme.total),
    class: classify(bounds, total),
    ignoredRateIds: Object.keys(rates)
      .filter((id) => !known.has(id))
      .sort(),
  };
}
