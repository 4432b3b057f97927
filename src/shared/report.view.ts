/**
 * Shapes and limits of the report API (docs/reports.md), shared with the web. Rates are
 * per-mille integers on the server (tenths of a percent); the presenter turns them into
 * percentages with one decimal, as the score tables turn tenths into points.
 */
import type { AgencyScoresView, OfficialScoresView, Qd766View, SatisfactionView } from './score.view.ts';

/** Lengths of the unit report's free text (the web's textareas use the same numbers). */
export const UNIT_REPORT_LIMITS = {
  remedies: 8000,
  notes: 4000,
  correctionReason: 1000,
} as const;

export interface TimelinessCountsView {
  finished: number;
  early: number;
  onTime: number;
  late: number;
  openOverdue: number;
  openWithinTime: number;
}

/** Percentages with one decimal (e.g. 87.5), null when nothing finished. */
export interface TimelinessRatesView {
  earlyPercent: number | null;
  onTimePercent: number | null;
  latePercent: number | null;
  earlyOrOnTimePercent: number | null;
}

export interface TimelinessMonthView {
  month: string;
  from: string;
  to: string;
  counts: TimelinessCountsView;
  rates: TimelinessRatesView;
}

export interface TimelinessView {
  period: string;
  from: string;
  to: string;
  agencies: {
    agency: { id: string; code: string; name: string };
    counts: TimelinessCountsView;
    rates: TimelinessRatesView;
    months: TimelinessMonthView[] | null;
  }[];
  total: { counts: TimelinessCountsView; rates: TimelinessRatesView; months: TimelinessMonthView[] | null };
}

export type SectorIndicatorKey = 'cs1' | 'cs2' | 'cs3' | 'cs4' | 'cs7';

export interface SectorFiguresView {
  /** One decimal, null when no dossier was scored on it; with the sum of points and the count behind it. */
  indicators: Record<SectorIndicatorKey, { score: number | null; sum: number; count: number }>;
  total: number;
  scored: number;
  dossiers: number;
}

export interface SectorScoresView {
  period: string;
  sectors: {
    sector: string;
    figures: SectorFiguresView;
    agencies: { agency: { id: string; code: string; name: string }; figures: SectorFiguresView }[];
  }[];
}

export type UnitReportStatus = 'none' | 'draft' | 'submitted' | 'correcting';

export interface UnitReportRevisionView {
  revision: number;
  status: 'draft' | 'submitted';
  remedies: string;
  notes: string;
  correctionReason: string | null;
  updatedAt: string;
  updatedBy: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
}

export interface UnitReportListView {
  period: string;
  rows: {
    agency: { id: string; code: string; name: string; level: string; parentCode: string | null };
    /** none: not started; draft: never sent; submitted: the latest revision is sent; correcting: a sent report is being corrected. */
    status: UnitReportStatus;
    revision: number | null;
    submittedAt: string | null;
  }[];
}

/** The figures of a unit report: live for a draft, frozen in the revision when it is sent. */
export interface UnitReportFiguresView {
  agencies: AgencyScoresView;
  officials: OfficialScoresView;
  satisfaction: SatisfactionView;
  timeliness: TimelinessView;
  qd766: Qd766View;
}

/** One unit's report: the figures of the period for its subtree, and every revision of its remedies (newest first). */
export interface UnitReportView extends UnitReportFiguresView {
  /** When the figures shown were frozen (the latest submitted revision's sending time); null = as they stand now. */
  figuresAsOf: string | null;
  period: string;
  from: string;
  to: string;
  agency: { id: string; code: string; name: string; level: string };
  /** The latest revision's status; null before the first save. */
  status: 'draft' | 'submitted' | null;
  revisions: UnitReportRevisionView[];
}
