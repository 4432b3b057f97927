import type { getSectorScores, SectorFigures } from '#app/reports/get-sector-scores.ts';
import type {
  TimelinessCounts,
  TimelinessMonth,
  TimelinessRates,
  TimelinessReport,
} from '#app/reports/get-timeliness-rates.ts';
import type { getUnitReport } from '#app/reports/get-unit-report.ts';
import type { listUnitReports } from '#app/reports/list-unit-reports.ts';
import type { Period } from '#domain/periods/period.ts';
import type { Tenths } from '#domain/scoring/types.ts';
import type {
  SectorFiguresView,
  SectorScoresView,
  TimelinessCountsView,
  TimelinessMonthView,
  TimelinessRatesView,
  TimelinessView,
  UnitReportFiguresView,
  UnitReportListView,
  UnitReportRevisionView,
  UnitReportView,
} from '#shared/report.view.ts';
import {
  presentAgencyScores,
  presentOfficialScores,
  presentQd766Scores,
  presentSatisfaction,
} from './present-scores.ts';

/** Per-mille → the percentage with one decimal shown (the only place rates become decimals). */
function percent(perMille: number | null): number | null {
  return perMille === null ? null : perMille / 10;
}

function points(value: Tenths | null): number | null {
  return value === null ? null : value / 10;
}

function presentCounts(counts: TimelinessCounts): TimelinessCountsView {
  return { ...counts };
}

function presentRates(rates: TimelinessRates): TimelinessRatesView {
  return {
    earlyPercent: percent(rates.earlyPerMille),
    onTimePercent: percent(rates.onTimePerMille),
    latePercent: percent(rates.latePerMille),
    earlyOrOnTimePercent: percent(rates.earlyOrOnTimePerMille),
  };
}

function presentMonths(months: TimelinessMonth[] | null): TimelinessMonthView[] | null {
  return (
    months?.map((month) => ({
      month: month.month,
      from: month.from,
      to: month.to,
      counts: presentCounts(month.counts),
      rates: presentRates(month.rates),
    })) ?? null
  );
}

/** Early / on-time / late counts and rates per agency (and month) of a period. */
export function presentTimeliness(period: Period, report: TimelinessReport): TimelinessView {
  return {
    period: period.key,
    from: report.from,
    to: report.to,
    agencies: report.agencies.map((row) => ({
      agency: row.agency,
      counts: presentCounts(row.counts),
      rates: presentRates(row.rates),
      months: presentMonths(row.months),
    })),
    total: {
      counts: presentCounts(report.total.counts),
      rates: presentRates(report.total.rates),
      months: presentMonths(report.total.months),
    },
  };
}

function presentSectorFigures(figures: SectorFigures): SectorFiguresView {
  const cell = (indicator: keyof SectorFigures['indicators']) => ({
    score: points(figures.indicators[indicator].score),
    sum: figures.indicators[indicator].sum,
    count: figures.indicators[indicator].count,
  });
  return {
    indicators: { cs1: cell('cs1'), cs2: cell('cs2'), cs3: cell('cs3'), cs4: cell('cs4'), cs7: cell('cs7') },
    total: figures.total / 10,
    scored: figures.scored,
    dossiers: figures.dossiers,
  };
}

/** The per-sector table of a period. */
export function presentSectorScores(data: Awaited<ReturnType<typeof getSectorScores>>): SectorScoresView {
  return {
    period: data.period.key,
    sectors: data.sectors.map((row) => ({
      sector: row.sector,
      figures: presentSectorFigures(row.figures),
      agencies: row.agencies.map((entry) => ({
        agency: { id: entry.agency.id, code: entry.agency.code, name: entry.agency.name },
        figures: presentSectorFigures(entry.figures),
      })),
    })),
  };
}

/** The units' reports of a period with their state. */
export function presentUnitReportList(data: Awaited<ReturnType<typeof listUnitReports>>): UnitReportListView {
  return {
    period: data.period.key,
    rows: data.rows.map((row) => ({
      agency: { ...row.agency, parentCode: row.parentCode },
      status: row.status,
      revision: row.revision,
      submittedAt: row.submittedAt?.toISOString() ?? null,
    })),
  };
}

/** One unit's report: its figures for the period and every revision of its remedies, newest first. */
export function presentUnitReport(data: Awaited<ReturnType<typeof getUnitReport>>): UnitReportView {
  const revisions: UnitReportRevisionView[] = data.revisions.map((revision) => ({
    revision: revision.revision,
    status: revision.status,
    remedies: revision.remedies,
    notes: revision.notes,
    correctionReason: revision.correction_reason,
    updatedAt: revision.updated_at.toISOString(),
    updatedBy: revision.updatedBy,
    submittedAt: revision.submitted_at?.toISOString() ?? null,
    submittedBy: revision.submittedBy,
  }));
  // The level above reads what was sent: the latest sent revision's frozen figures, if any.
  const sent = data.revisions.find(
    (revision) => revision.status === 'submitted' && revision.figures !== null,
  );
  const frozen = sent?.figures ?? null;
  return {
    period: data.period.key,
    from: data.period.from,
    to: data.period.to,
    agency: data.agency,
    status: revisions[0]?.status ?? null,
    revisions,
    figuresAsOf: frozen === null ? null : (sent?.submitted_at?.toISOString() ?? null),
    ...(frozen ?? presentUnitReportFigures(data)),
  };
}

/** The figures part of a unit report as they stand now (frozen into a revision when it is sent). */
export function presentUnitReportFigures(
  data: Awaited<ReturnType<typeof getUnitReport>>,
): UnitReportFiguresView {
  return {
    agencies: presentAgencyScores(data.agencyTable),
    officials: presentOfficialScores(data.officials),
    satisfaction: presentSatisfaction(data.satisfaction),
    timeliness: presentTimeliness(data.period, data.timeliness),
    qd766: presentQd766Scores(data.qd766),
  };
}
