import type { AgencyLevel, MissingIndicatorPolicy, TieRule } from '#domain/scoring/scheme-spec.ts';
import type {
  AgencyAssessmentSource,
  AgencyScoreSource,
  ClassResult,
  IndicatorAccumulator,
  Points,
  Tenths,
  ThreeLevel,
  Tt01Indicator,
} from '#domain/scoring/types.ts';

/**
 * The frozen result of a published period (issue 6 point 4): what the public pages show and what
 * the CSV is made of. Scores stay in integer tenths, as computed; presenters make the decimals.
 * It holds no personal data: agencies only, no official, citizen or dossier.
 */
export interface PublishedSnapshot {
  snapshotVersion: 1;
  period: { key: string; kind: 'quarter' | 'year'; from: string; to: string; quarters: string[] };
  scheme: {
    id: string;
    version: string;
    name: string;
    /** SHA-256 (hex) of the canonical JSON of the scheme document (the one in the open data). */
    sha256: string;
    tieRule: TieRule;
    missingIndicatorPolicy: MissingIndicatorPolicy;
  };
  /** The signed audit checkpoint the result was taken at (the data is exactly as of its heads). */
  checkpoint: { id: string; createdAt: string; publicKeyId: string };
  rows: SnapshotRow[];
}

/** One indicator of one agency as published (Thông tư 01/2018 Điều 15 khoản 2). */
export interface SnapshotIndicator {
  /** Tenths of a point, null when not scored (left out of the total). */
  score: Tenths | null;
  source: AgencyScoreSource | null;
  /** The sum of points and number of dossiers behind the dossier average ("n"), when there is one. */
  dossierBasis: IndicatorAccumulator | null;
  /** Agency-level values recorded side by side (5, 6, 8, 9): data, self-assessment, appraisal. */
  agencyValues: { source: AgencyAssessmentSource; points: Points }[];
}

/** One agency of the published ranking. */
export interface SnapshotRow {
  rank: number;
  agency: { code: string; name: string; level: AgencyLevel; parentCode: string | null };
  indicators: Record<Tt01Indicator, SnapshotIndicator>;
  total: Tenths;
  /** The total the grade is read from (= total under the literal policy). */
  classifiedTotal: Tenths;
  /** Indicators scored ("n/9"). */
  scored: number;
  outOf: 9;
  grade: ClassResult;
  /** Ratings that count in the period, on the 3 levels of Thông tư 32/2017 Điều 12. */
  satisfaction: { total: number; counts: Record<ThreeLevel, number> };
  /** Dossiers received in the period, and dossiers whose points count for the agency. */
  dossiers: { received: number; scored: number };
  /** The head of the agency's own audit chain in the checkpoint (null: nothing logged for it yet). */
  checkpointHead: { seq: number; hash: string } | null;
}

/** A record over the nine indicators (Thông tư 01/2018 Điều 13), value by value. */
export function mapIndicators<T>(value: (indicator: Tt01Indicator) => T): Record<Tt01Indicator, T> {
  return {
    cs1: value('cs1'),
    cs2: value('cs2'),
    cs3: value('cs3'),
    cs4: value('cs4'),
    cs5: value('cs5'),
    cs6: value('cs6'),
    cs7: value('cs7'),
    cs8: value('cs8'),
    cs9: value('cs9'),
  };
}
