import type { IsoDate } from '#domain/calendar/types.ts';
import type { Timeliness } from '#domain/dossiers/timeliness.ts';

/**
 * Scores are integers: points per dossier are 0/1/2, period scores are kept in tenths of a
 * point (Thông tư 01/2018 Điều 15 rounds to one decimal) and 766 rates in basis points
 * (two decimals of a percentage). Display values are made only in presenters.
 */
export type Tenths = number;
export type BasisPoints = number;
export type Points = 0 | 1 | 2;

/** The nine indicators of Thông tư 01/2018 Điều 13. */
export const TT01_INDICATORS = ['cs1', 'cs2', 'cs3', 'cs4', 'cs5', 'cs6', 'cs7', 'cs8', 'cs9'] as const;
export type Tt01Indicator = (typeof TT01_INDICATORS)[number];
/** Indicators scored per dossier (Điều 14 khoản 1). */
export const TT01_DOSSIER_INDICATORS = ['cs1', 'cs2', 'cs3', 'cs4', 'cs6', 'cs7'] as const;
export type Tt01DossierIndicator = (typeof TT01_DOSSIER_INDICATORS)[number];
/** Indicators scored per agency and period (Điều 14 khoản 1). */
export const TT01_AGENCY_INDICATORS = ['cs5', 'cs6', 'cs8', 'cs9'] as const;
export type Tt01AgencyIndicator = (typeof TT01_AGENCY_INDICATORS)[number];
/** Indicators that evaluate officials (Điều 15 khoản 1). */
export const TT01_OFFICIAL_INDICATORS = ['cs1', 'cs2', 'cs3', 'cs4', 'cs7'] as const;

/** The citizen's own answers on the slip / device / online form, per indicator they can answer. */
export interface CitizenAnswers {
  cs1?: Points;
  cs3?: Points;
  cs4?: Points;
  cs7?: Points;
}

/** Everything the per-dossier rules look at; built by the shell from stored dossier data. */
export interface DossierFacts {
  dossierId: string;
  code: string;
  agencyId: string;
  sector: string;
  receivedDate: IsoDate;
  /** Local date the dossier was finished (null while open or when refused / stopped). */
  finishedDate: IsoDate | null;
  /** The legal due date the timeliness was measured against; optional, only used to explain. */
  legalDueDate?: IsoDate | null;
  channel: 'in_person' | 'post' | 'online';
  status: string;
  /** Against the legal due date (Nghị định 61 Điều 19 khoản 4 restart applied). */
  timeliness: Timeliness | null;
  steps: readonly { unitAgencyId: string; officialId: string | null; timeliness: Timeliness | null }[];
  /** Display names of agencies and officials by id, for explanations (optional: ids are shown otherwise). */
  names?: Readonly<Record<string, string>>;
  supplementsNotAtFault: number;
  supplementsAtFault: number;
  receivingOfficialId: string | null;
  /** Official on the "finished" event, else the last step's official. */
  handlingOfficialId: string | null;
  /** Bodies the law makes the applicant attend besides the desk (site inspection, appraisal council). */
  extraOrganisationsContacted: number;
  /** A conduct complaint verified as substantiated (false until feedback handling exists). */
  hasSubstantiatedConductComplaint: boolean;
  /** Publication of the procedure on the notice board and electronically; null when unknown. */
  procedurePublication: { noticeBoard: boolean; electronic: boolean } | null;
  citizenAnswers: CitizenAnswers | null;
}

/** How one indicator of one dossier came out, with what produced it. */
export interface IndicatorOutcome {
  indicator: Tt01DossierIndicator;
  /** The points used (null: not scored for this dossier). */
  points: Points | null;
  source: 'system' | 'citizen' | null;
  systemPoints: Points | null;
  citizenPoints: Points | null;
  disagreement: boolean;
  /** The legal rule, e.g. "Thông tư 01/2018/TT-VPCP Điều 13, chỉ số 1". */
  rule: string;
  /** Vietnamese sentences naming the facts used. */
  facts: string[];
  /** Who the points count for (scheme attribution rule). */
  officialIds: string[];
  /** Agencies the points count for (cs2: each participating unit). */
  agencyIds: string[];
}

/** A dossier's score under one scheme version. */
export interface DossierScore {
  schemeId: string;
  schemeVersion: string;
  indicators: IndicatorOutcome[];
  /** cs2 per participating unit (one row per step; the receiving agency when there are no steps). */
  unitPoints: { agencyId: string; officialId: string | null; points: Points; timeliness: Timeliness }[];
}

/** Hundredths of a point (Quyết định 766 points; the index is shown with two decimals). */
export type Hundredths = number;

export type Tt01OfficialIndicator = (typeof TT01_OFFICIAL_INDICATORS)[number];

/** A class or grade as shown to people: a stable code and its Vietnamese label. */
export interface ClassResult {
  code: string;
  label: string;
}

/** Sum of points and number of dossiers scored on one indicator (Thông tư 01/2018 Điều 15 khoản 2). */
export interface IndicatorAccumulator {
  sum: number;
  count: number;
}

/** Where an agency-level indicator value comes from: computed from data, self-assessed, or appraised (thẩm định). */
export type AgencyAssessmentSource = 'data' | 'self' | 'appraisal';

/** One value of an agency-level indicator (5, 6, 8, 9) with its evidence. */
export interface AgencyIndicatorValue {
  points: Points;
  /** Short Vietnamese note: the evidence (for self / appraisal) or the summary (for data). */
  note: string;
  /** Vietnamese sentences naming the facts used. */
  facts?: string[];
  /** The legal rule, e.g. "Thông tư 01/2018/TT-VPCP Điều 13, chỉ số 8 …". */
  rule?: string;
}

/** The values of one agency-level indicator, all kept side by side; the scheme says which is used. */
export interface AgencyIndicatorSources {
  data?: AgencyIndicatorValue;
  self?: AgencyIndicatorValue;
  appraisal?: AgencyIndicatorValue;
}

/** Where an agency's indicator score came from: the dossier average or one of the agency-level values. */
export type AgencyScoreSource = 'dossiers' | AgencyAssessmentSource;

/** One candidate value of an agency indicator, shown next to the others. */
export interface AgencyCandidate {
  source: AgencyScoreSource;
  score: Tenths;
  /** The points of an agency-level value (null for the dossier average). */
  points: Points | null;
  /** The dossier accumulator behind a dossier average (null for agency-level values). */
  basis: IndicatorAccumulator | null;
  note: string;
  facts: string[];
}

/** One indicator of an agency's period result. */
export interface AgencyIndicatorResult {
  indicator: Tt01Indicator;
  /** Tenths of a point (0–20); null when not scored in the period. */
  score: Tenths | null;
  source: AgencyScoreSource | null;
  candidates: AgencyCandidate[];
}

/** An agency's Thông tư 01/2018 result for a period (Điều 15 khoản 2–4). */
export interface AgencyResult {
  indicators: Record<Tt01Indicator, AgencyIndicatorResult>;
  /** Sum of the scored indicators, tenths (0–180). */
  total: Tenths;
  /** The total the grade is read from: `total` (literal policy) or the rescaled total. */
  classifiedTotal: Tenths;
  /** Number of indicators scored ("n/9"). */
  scored: number;
  outOf: 9;
  policy: 'literal' | 'rescale';
  grade: ClassResult;
  /** The legal rule of the grade. */
  rule: string;
}

/** An official's Thông tư 01/2018 result for a period (Điều 15 khoản 1–3). */
export interface OfficialResult {
  indicators: Record<Tt01OfficialIndicator, Tenths | null>;
  /** The accumulators behind each indicator (null when none). */
  basis: Record<Tt01OfficialIndicator, IndicatorAccumulator | null>;
  /** Sum of the scored indicators, tenths (0–100). */
  total: Tenths;
  /** The total the class is read from: `total` (literal policy) or the rescaled total. */
  classifiedTotal: Tenths;
  /** Number of indicators scored ("n/5"). */
  scored: number;
  outOf: 5;
  policy: 'literal' | 'rescale';
  class: ClassResult;
  /** The legal rule of the class. */
  rule: string;
}

/** The five-level rating (5 = Rất hài lòng … 1 = Rất không hài lòng). */
export type SatisfactionLevel = 1 | 2 | 3 | 4 | 5;
/** The three-level view of Thông tư 32/2017/TT-BTTTT Điều 12. */
export type ThreeLevel = 'rat_hai_long' | 'hai_long' | 'chua_hai_long';

/** Counts and shares of ratings for one subject and period (legal-rules §9.6). */
export interface SatisfactionSummary {
  total: number;
  counts: Record<SatisfactionLevel, number>;
  /** Each share rounded half up on its own, so they may sum to 10000 ± 2. 0 when there is no rating. */
  sharesBp: Record<SatisfactionLevel, BasisPoints>;
  threeLevel: {
    counts: Record<ThreeLevel, number>;
    sharesBp: Record<ThreeLevel, BasisPoints>;
  };
}

/** One Quyết định 766 sub-indicator with the rate behind its points. */
export interface Qd766IndicatorResult {
  id: string;
  groupId: string;
  name: string;
  numerator: number | null;
  denominator: number | null;
  /** The rate in basis points (percent × 100), rounded half up; null when N/A (no data or denominator 0). */
  rateBp: BasisPoints | null;
  /** Hundredths of a point; null when N/A (counted as 0 in the group and the total). */
  points: Hundredths | null;
  /** Maximum, hundredths of a point. */
  max: Hundredths;
  /** Full points from this rate (basis points); null: points = rate × max. */
  threshold: BasisPoints | null;
  /** The formula of the rate and of the points, in Vietnamese. */
  rule: string;
  confidence: 'confirmed' | 'secondary' | 'unconfirmed';
}

/** One displayed group of the 766 index. */
export interface Qd766GroupResult {
  id: string;
  name: string;
  /** Hundredths of a point. */
  points: Hundredths;
  max: Hundredths;
  /** Sub-indicators with a rate (not N/A). */
  available: number;
  indicators: number;
}

/** The 766 index of one unit and period. */
export interface Qd766Result {
  schemeId: string;
  schemeVersion: string;
  indicators: Qd766IndicatorResult[];
  groups: Qd766GroupResult[];
  /** Hundredths of a point (0–10000 for a 100-point index). */
  total: Hundredths;
  max: Hundredths;
  class: ClassResult;
  /** Rate ids given that the scheme does not know (ignored). */
  ignoredRateIds: string[];
}
