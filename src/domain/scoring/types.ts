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
  channel: 'in_person' | 'post' | 'online';
  status: string;
  /** Against the legal due date (Nghị định 61 Điều 19 khoản 4 restart applied). */
  timeliness: Timeliness | null;
  steps: readonly { unitAgencyId: string; officialId: string | null; timeliness: Timeliness | null }[];
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
