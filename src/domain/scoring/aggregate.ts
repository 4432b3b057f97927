import { classify } from './classify.ts';
import { viTenths } from './format.ts';
import { indicatorScore, roundHalfUp } from './rounding.ts';
import { AGENCY_GRADE_RULE, OFFICIAL_CLASS_RULE, TT01_RULES, policySentence } from './rules.ts';
import type { Tt01Scheme } from './scheme-spec.ts';
import {
  TT01_AGENCY_INDICATORS,
  TT01_DOSSIER_INDICATORS,
  TT01_INDICATORS,
  TT01_OFFICIAL_INDICATORS,
  type AgencyCandidate,
  type AgencyIndicatorResult,
  type AgencyIndicatorSources,
  type AgencyResult,
  type IndicatorAccumulator,
  type OfficialResult,
  type Tenths,
  type Tt01AgencyIndicator,
  type Tt01DossierIndicator,
  type Tt01Indicator,
  type Tt01OfficialIndicator,
} from './types.ts';

export type {
  AgencyIndicatorSources,
  AgencyIndicatorValue,
  AgencyResult,
  IndicatorAccumulator,
  OfficialResult,
} from './types.ts';

/** Maximum of an official's total: 5 indicators × 2 points, in tenths (Điều 15 khoản 3). */
export const OFFICIAL_MAX_TENTHS = 100;
/** Maximum of an agency's total: 9 indicators × 2 points, in tenths (Điều 15 khoản 3). */
export const AGENCY_MAX_TENTHS = 180;

/**
 * The total the class is read from. Literal (default, decision 4): the sum as is, thresholds
 * unchanged (Điều 15 khoản 4 điểm b leaves missing indicators out). Rescale (§9.5): the sum
 * brought to the full scale, total × (max / (20 × scored)), half up.
 */
function classifiedTotalOf(
  policy: Tt01Scheme['missingIndicatorPolicy'],
  total: Tenths,
  scored: number,
  max: Tenths,
): Tenths {
  if (policy === 'literal' || scored === 0) return total;
  return roundHalfUp(total * max, 20 * scored);
}

/** An official's indicators 1, 2, 3, 4, 7, total and class for a period (Thông tư 01/2018 Điều 15 khoản 1–3). */
export function aggregateOfficial(
  scheme: Tt01Scheme,
  acc: Partial<Record<Tt01OfficialIndicator, IndicatorAccumulator>>,
): OfficialResult {
  const basisOf = (indicator: Tt01OfficialIndicator): IndicatorAccumulator | null => {
    const a = acc[indicator];
    return a === undefined || a.count === 0 ? null : { sum: a.sum, count: a.count };
  };
  const scoreOf = (indicator: Tt01OfficialIndicator): Tenths | null => {
    const a = basisOf(indicator);
    return a === null ? null : indicatorScore(a.sum, a.count);
  };
  const indicators: Record<Tt01OfficialIndicator, Tenths | null> = {
    cs1: scoreOf('cs1'),
    cs2: scoreOf('cs2'),
    cs3: scoreOf('cs3'),
    cs4: scoreOf('cs4'),
    cs7: scoreOf('cs7'),
  };
  const basis: Record<Tt01OfficialIndicator, IndicatorAccumulator | null> = {
    cs1: basisOf('cs1'),
    cs2: basisOf('cs2'),
    cs3: basisOf('cs3'),
    cs4: basisOf('cs4'),
    cs7: basisOf('cs7'),
  };
  const present = TT01_OFFICIAL_INDICATORS.map((indicator) => indicators[indicator]).filter(
    (score): score is Tenths => score !== null,
  );
  const total = present.reduce((sum, score) => sum + score, 0);
  const scored = present.length;
  const policy = scheme.missingIndicatorPolicy;
  const classifiedTotal = classifiedTotalOf(policy, total, scored, OFFICIAL_MAX_TENTHS);
  return {
    indicators,
    basis,
    total,
    classifiedTotal,
    scored,
    outOf: 5,
    policy,
    class: classify(scheme.officialClasses, classifiedTotal),
    rule: `${OFFICIAL_CLASS_RULE} ${policySentence(policy, scored, 5)}`,
  };
}

const DOSSIER_INDICATORS = new Set<string>(TT01_DOSSIER_INDICATORS);
const AGENCY_LEVEL_INDICATORS = new Set<string>(TT01_AGENCY_INDICATORS);

function isDossierIndicator(indicator: string): indicator is Tt01DossierIndicator {
  return DOSSIER_INDICATORS.has(indicator);
}

function isAgencyLevelIndicator(indicator: string): indicator is Tt01AgencyIndicator {
  return AGENCY_LEVEL_INDICATORS.has(indicator);
}

const SOURCE_LABELS = { data: 'tính từ dữ liệu', self: 'tự đánh giá', appraisal: 'thẩm định' } as const;

function agencyIndicator(
  scheme: Tt01Scheme,
  indicator: Tt01Indicator,
  acc: IndicatorAccumulator | undefined,
  sources: AgencyIndicatorSources | undefined,
): AgencyIndicatorResult {
  const candidates: AgencyCandidate[] = [];
  if (DOSSIER_INDICATORS.has(indicator) && acc !== undefined && acc.count > 0) {
    const score = indicatorScore(acc.sum, acc.count) ?? 0;
    candidates.push({
      source: 'dossiers',
      score,
      points: null,
      basis: { sum: acc.sum, count: acc.count },
      note: `Trung bình ${acc.sum} điểm trên ${acc.count} hồ sơ = ${viTenths(score)} điểm.`,
      facts: [
        `Tổng điểm ${acc.sum}, số hồ sơ ${acc.count}, làm tròn một chữ số thập phân (Điều 15 khoản 2).`,
      ],
    });
  }
  if (AGENCY_LEVEL_INDICATORS.has(indicator) && sources !== undefined) {
    // Listed in the scheme's precedence order, then any source the scheme does not use.
    const order = [...scheme.agencyIndicatorPrecedence, ...(['appraisal', 'data', 'self'] as const)];
    for (const source of new Set(order)) {
      const value = sources[source];
      if (value === undefined) continue;
      candidates.push({
        source,
        score: value.points * 10,
        points: value.points,
        basis: null,
        note: value.note,
        facts: value.facts ?? [],
      });
    }
  }
  // Agency-level values follow the scheme's precedence; for indicator 6 an agency-level value
  // (a publication audit) wins over the per-dossier average, which only covers procedures that
  // had dossiers (docs/scoring.md).
  const chosen =
    scheme.agencyIndicatorPrecedence
      .map((source) => candidates.find((c) => c.source === source))
      .find((c) => c !== undefined) ?? candidates.find((c) => c.source === 'dossiers');
  return { indicator, score: chosen?.score ?? null, source: chosen?.source ?? null, candidates };
}

/**
 * An agency's 9 indicators, total, n/9 and grade for a period (Thông tư 01/2018 Điều 15 khoản
 * 1–4): indicators 1, 2, 3, 4, 7 (and 6 when no agency-level value) from the dossier
 * accumulators; 5, 6, 8, 9 from data, self-assessment or appraisal by the scheme's precedence.
 */
export function aggregateAgency(
  scheme: Tt01Scheme,
  dossierAcc: Partial<Record<Tt01DossierIndicator, IndicatorAccumulator>>,
  agencyLevel: Partial<Record<Tt01AgencyIndicator, AgencyIndicatorSources>>,
): AgencyResult {
  const one = (indicator: Tt01Indicator): AgencyIndicatorResult =>
    agencyIndicator(
      scheme,
      indicator,
      isDossierIndicator(indicator) ? dossierAcc[indicator] : undefined,
      isAgencyLevelIndicator(indicator) ? agencyLevel[indicator] : undefined,
    );
  const indicators: Record<Tt01Indicator, AgencyIndicatorResult> = {
    cs1: one('cs1'),
    cs2: one('cs2'),
    cs3: one('cs3'),
    cs4: one('cs4'),
    cs5: one('cs5'),
    cs6: one('cs6'),
    cs7: one('cs7'),
    cs8: one('cs8'),
    cs9: one('cs9'),
  };
  const present = TT01_INDICATORS.map((indicator) => indicators[indicator].score).filter(
    (score): score is Tenths => score !== null,
  );
  const total = present.reduce((sum, score) => sum + score, 0);
  const scored = present.length;
  const policy = scheme.missingIndicatorPolicy;
  const classifiedTotal = classifiedTotalOf(policy, total, scored, AGENCY_MAX_TENTHS);
  return {
    indicators,
    total,
    classifiedTotal,
    scored,
    outOf: 9,
    policy,
    grade: classify(scheme.agencyGrades, classifiedTotal),
    rule: `${AGENCY_GRADE_RULE} ${policySentence(policy, scored, 9)}`,
  };
}

/** The rule text of one indicator (Thông tư 01/2018 Điều 13), for presenters that explain a period score. */
export function indicatorRule(indicator: Tt01Indicator): string {
  return TT01_RULES[indicator];
}

/** Labels of the agency-level sources, for presenters. */
export const AGENCY_SOURCE_LABELS: Readonly<Record<'data' | 'self' | 'appraisal', string>> = SOURCE_LABELS;
