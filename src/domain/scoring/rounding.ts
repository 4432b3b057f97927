import type { BasisPoints, Tenths } from './types.ts';

/**
 * The one rounding function of every score (project decision 3): `numerator / denominator`
 * rounded half up, in integers. Thông tư 01/2018 Điều 15 khoản 2 rounds indicator scores
 * "đến một chữ số thập phân"; the text does not say how, so half up (the everyday reading)
 * is used everywhere. Integer arithmetic only: 0.45 is 9 / 20 and never a binary float.
 */
export function roundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || numerator < 0) {
    throw new RangeError(`roundHalfUp: numerator must be a non-negative safe integer, got ${numerator}`);
  }
  if (!Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`roundHalfUp: denominator must be a positive safe integer, got ${denominator}`);
  }
  const quotient = Math.floor(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  // Exactly half goes up: 2r ≥ d.
  return remainder * 2 >= denominator ? quotient + 1 : quotient;
}

/** Score of an indicator in tenths: sum of points / number of dossiers, half up to one decimal (TT 01/2018 Điều 15 khoản 2). */
export function indicatorScore(sumPoints: number, count: number): Tenths | null {
  if (count === 0) return null;
  return roundHalfUp(sumPoints * 10, count);
}

/** A share in basis points (percent × 100, two decimals), half up; 0 when the whole is 0 (QĐ 766 §5.3: "làm tròn 2 chữ số"). */
export function shareBp(part: number, whole: number): BasisPoints {
  if (whole === 0) return 0;
  return roundHalfUp(part * 10_000, whole);
}

/** Basis points of a percentage written with at most two decimals in a scheme file (e.g. 80 → 8000, 12.5 → 1250). */
export function percentToBp(percent: number): BasisPoints {
  return Math.round(percent * 100);
}

/** True when `part / whole` ≥ `thresholdBp` / 10000, compared exactly (no rounding at a legal threshold). */
export function reachesShare(part: number, whole: number, thresholdBp: BasisPoints): boolean {
  return part * 10_000 >= thresholdBp * whole;
}
