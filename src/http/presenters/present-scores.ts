import type { getAgencyScoreDetail } from '#app/scoring/get-agency-score-detail.ts';
import type { getAgencyScores } from '#app/scoring/get-agency-scores.ts';
import type { getDossierScore } from '#app/scoring/get-dossier-score.ts';
import type { getOfficialScores } from '#app/scoring/get-official-scores.ts';
import type { getQd766Scores } from '#app/scoring/get-qd766-scores.ts';
import type { getSatisfaction } from '#app/scoring/get-satisfaction.ts';
import type { listScoredDossiers } from '#app/scoring/list-scored-dossiers.ts';
import type { Scheme } from '#domain/scoring/load-scheme.ts';
import type { AgencyIndicatorResult, SatisfactionSummary, Tenths } from '#domain/scoring/types.ts';
import type {
  AgencyScoresView,
  DossierScoreView,
  OfficialScoresView,
  SatisfactionView,
  ScoredDossiersView,
} from '#shared/score.view.ts';

/** Tenths of a point → the one-decimal number shown (the only place scores become decimals). */
function points(value: Tenths | null): number | null {
  return value === null ? null : value / 10;
}

function schemeRef(scheme: Scheme) {
  return { id: scheme.id, version: scheme.version, name: scheme.name };
}

function agencyIndicator(result: AgencyIndicatorResult) {
  return {
    score: points(result.score),
    source: result.source,
    candidates: result.candidates.map((candidate) => ({
      source: candidate.source,
      points: candidate.points ?? candidate.score / 10,
      note: candidate.note,
      facts: candidate.facts,
    })),
  };
}

/** The agency table of a period. */
export function presentAgencyScores(data: Awaited<ReturnType<typeof getAgencyScores>>): AgencyScoresView {
  return {
    period: data.period.key,
    scheme: schemeRef(data.scheme),
    rows: data.rows.map((row) => {
      const i = row.result.indicators;
      return {
        rank: row.rank,
        agency: { id: row.id, code: row.code, name: row.name, level: row.level },
        dossiers: row.dossiers,
        indicators: {
          cs1: agencyIndicator(i.cs1),
          cs2: agencyIndicator(i.cs2),
          cs3: agencyIndicator(i.cs3),
          cs4: agencyIndicator(i.cs4),
          cs5: agencyIndicator(i.cs5),
          cs6: agencyIndicator(i.cs6),
          cs7: agencyIndicator(i.cs7),
          cs8: agencyIndicator(i.cs8),
          cs9: agencyIndicator(i.cs9),
        },
        total: row.result.total / 10,
        scored: row.result.scored,
        rescaledTotal: row.result.policy === 'rescale' ? row.result.classifiedTotal / 10 : null,
        grade: { code: row.result.grade.code, label: row.result.grade.label },
      };
    }),
  };
}

/** The official table of a period. */
export function presentOfficialScores(
  data: Awaited<ReturnType<typeof getOfficialScores>>,
): OfficialScoresView {
  return {
    period: data.period.key,
    scheme: schemeRef(data.scheme),
    rows: data.rows.map((row) => ({
      official: { id: row.id, code: row.code, name: row.name },
      agency: { id: row.agencyId, name: row.agencyName },
      indicators: {
        cs1: points(row.result.indicators.cs1),
        cs2: points(row.result.indicators.cs2),
        cs3: points(row.result.indicators.cs3),
        cs4: points(row.result.indicators.cs4),
        cs7: points(row.result.indicators.cs7),
      },
      total: row.result.total / 10,
      scored: row.result.scored,
      class: { code: row.result.class.code, label: row.result.class.label },
    })),
  };
}

/** The dossiers behind a number. */
export function presentScoredDossiers(
  data: Awaited<ReturnType<typeof listScoredDossiers>>,
): ScoredDossiersView {
  return {
    items: data.rows.map((row) => ({
      id: row.id,
      code: row.code,
      finishedAt: row.finished_at === null ? null : row.finished_at.toISOString(),
      timeliness: row.timeliness,
      scheme: { id: row.scheme_id, version: row.scheme_version },
      points: { cs1: row.cs1, cs2: row.cs2, cs3: row.cs3, cs4: row.cs4, cs6: row.cs6, cs7: row.cs7 },
    })),
    total: data.total,
    page: data.page,
    pageSize: data.pageSize,
  };
}

const NOT_SCORED_REASON: Record<string, string> = {
  received: 'Hồ sơ đang giải quyết: chỉ chấm điểm khi đã có kết quả.',
  processing: 'Hồ sơ đang giải quyết: chỉ chấm điểm khi đã có kết quả.',
  awaiting_supplement: 'Hồ sơ đang chờ bổ sung: chỉ chấm điểm khi đã có kết quả.',
  refused: 'Hồ sơ bị từ chối: không chấm các chỉ số về thời gian giải quyết.',
  stopped: 'Hồ sơ đã dừng hoặc rút: không chấm điểm.',
};

/** A dossier's explained score. */
export function presentDossierScore(data: Awaited<ReturnType<typeof getDossierScore>>): DossierScoreView {
  const { dossier, scored, stored } = data;
  return {
    dossier: { id: dossier.id, code: dossier.code, status: dossier.status },
    scored: scored !== null,
    reason:
      scored !== null
        ? null
        : (NOT_SCORED_REASON[dossier.status] ??
          'Không có bộ chỉ số Thông tư 01/2018 có hiệu lực vào ngày tiếp nhận.'),
    scheme: scored === null ? null : schemeRef(scored.scheme),
    period: scored?.contributions[0]?.period ?? null,
    indicators:
      scored?.score.indicators.map((outcome) => ({
        indicator: outcome.indicator,
        points: outcome.points,
        source: outcome.source,
        systemPoints: outcome.systemPoints,
        citizenPoints: outcome.citizenPoints,
        disagreement: outcome.disagreement,
        rule: outcome.rule,
        facts: outcome.facts,
      })) ?? [],
    units:
      scored?.score.unitPoints.map((unit) => ({
        agencyId: unit.agencyId,
        officialId: unit.officialId,
        points: unit.points,
        timeliness: unit.timeliness,
      })) ?? [],
    stored:
      stored === undefined
        ? null
        : {
            schemeVersion: stored.scheme_version,
            period: stored.period,
            computedAt: stored.computed_at.toISOString(),
          },
  };
}

/** One agency's result with candidates, the grade rule and the per-sector breakdown. */
export function presentAgencyScoreDetail(data: Awaited<ReturnType<typeof getAgencyScoreDetail>>) {
  const table = presentAgencyScores({ scheme: data.scheme, period: data.period, rows: [data.row] });
  const tenths = (value: number | null | undefined) =>
    value === null || value === undefined ? null : value / 10;
  return {
    ...table.rows[0]!,
    period: data.period.key,
    scheme: schemeRef(data.scheme),
    agencyCount: data.agencyCount,
    rule: data.row.result.rule,
    policy: data.row.result.policy,
    basis: Object.fromEntries(
      Object.entries(data.row.result.indicators).map(([indicator, result]) => [
        indicator,
        result.candidates.map((candidate) => ({
          source: candidate.source,
          score: candidate.score / 10,
          sum: candidate.basis?.sum ?? null,
          count: candidate.basis?.count ?? null,
        })),
      ]),
    ),
    sectors: data.sectors.map((sector) => ({
      sector: sector.sector,
      indicators: Object.fromEntries(
        (['cs1', 'cs2', 'cs3', 'cs4', 'cs6', 'cs7'] as const).map((indicator) => {
          const cell = sector.indicators[indicator];
          return [
            indicator,
            cell === undefined ? null : { score: tenths(cell.score), sum: cell.sum, count: cell.count },
          ];
        }),
      ),
    })),
  };
}

/** Hundredths of a point / basis points → the two-decimal numbers shown (QĐ 766: rates to two decimals). */
function hundredths(value: number | null): number | null {
  return value === null ? null : value / 100;
}

/** The 766 index table of a period, with the rate behind each point. */
export function presentQd766Scores(data: Awaited<ReturnType<typeof getQd766Scores>>) {
  return {
    period: data.period.key,
    scheme: schemeRef(data.scheme),
    rows: data.rows.map((row) => ({
      rank: row.rank,
      agency: row.agency,
      total: row.result.total / 100,
      max: row.result.max / 100,
      class: { code: row.result.class.code, label: row.result.class.label },
      groups: row.result.groups.map((group) => ({
        id: group.id,
        name: group.name,
        points: group.points / 100,
        max: group.max / 100,
        available: group.available,
        indicators: group.indicators,
      })),
      indicators: row.result.indicators.map((indicator) => ({
        id: indicator.id,
        group: indicator.groupId,
        name: indicator.name,
        numerator: indicator.numerator,
        denominator: indicator.denominator,
        /** Percent with two decimals; null = N/A. */
        ratePercent: hundredths(indicator.rateBp),
        points: hundredths(indicator.points),
        max: indicator.max / 100,
        thresholdPercent: hundredths(indicator.threshold),
        rule: indicator.rule,
        confidence: indicator.confidence,
      })),
    })),
  };
}

/** Counts and shares (two decimals) of one satisfaction summary; the dashboard shows the same. */
export function presentSatisfactionStats(stats: SatisfactionSummary) {
  const percent = (bp: number) => bp / 100;
  return {
    total: stats.total,
    counts: {
      '1': stats.counts[1],
      '2': stats.counts[2],
      '3': stats.counts[3],
      '4': stats.counts[4],
      '5': stats.counts[5],
    },
    sharesPercent: {
      '1': percent(stats.sharesBp[1]),
      '2': percent(stats.sharesBp[2]),
      '3': percent(stats.sharesBp[3]),
      '4': percent(stats.sharesBp[4]),
      '5': percent(stats.sharesBp[5]),
    },
    threeLevel: {
      counts: { ...stats.threeLevel.counts },
      sharesPercent: {
        rat_hai_long: percent(stats.threeLevel.sharesBp.rat_hai_long),
        hai_long: percent(stats.threeLevel.sharesBp.hai_long),
        chua_hai_long: percent(stats.threeLevel.sharesBp.chua_hai_long),
      },
    },
  };
}

/** Citizen satisfaction of a period (5 levels and the 3-level view). */
export function presentSatisfaction(data: Awaited<ReturnType<typeof getSatisfaction>>): SatisfactionView {
  return {
    period: data.period.key,
    overall: presentSatisfactionStats(data.overall),
    agencies: data.agencies.map((row) => ({
      agency: row.agency,
      stats: presentSatisfactionStats(row.stats),
    })),
    officials: data.officials.map((row) => ({
      official: { id: row.official.id, code: row.official.code, name: row.official.full_name },
      agency: { id: row.official.agency_id, name: row.official.agency_name },
      stats: presentSatisfactionStats(row.stats),
    })),
  };
}

/** One official's result with the sums and counts behind each indicator and the class rule (Điều 15). */
export function presentOfficialScoreDetail(
  data: Awaited<ReturnType<typeof getOfficialScores>>,
  officialId: string,
) {
  const row = data.rows.find((candidate) => candidate.id === officialId);
  if (!row) return null;
  const table = presentOfficialScores({ ...data, rows: [row] });
  return {
    ...table.rows[0]!,
    period: table.period,
    scheme: table.scheme,
    rule: row.result.rule,
    policy: row.result.policy,
    basis: Object.fromEntries(
      Object.entries(row.result.basis).map(([indicator, basis]) => [
        indicator,
        basis === null ? null : { sum: basis.sum, count: basis.count },
      ]),
    ),
  };
}
