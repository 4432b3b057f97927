import type { getDashboard } from '#app/dashboard/get-dashboard.ts';
import type { DashboardView } from '#shared/dashboard.view.ts';
import { presentSatisfactionStats } from './present-scores.ts';

/** Tenths of a point → the one-decimal number shown; null stays "not scored". */
function points(value: number | null): number | null {
  return value === null ? null : value / 10;
}

/** The back-office overview of a period. */
export function presentDashboard(data: Awaited<ReturnType<typeof getDashboard>>): DashboardView {
  return {
    period: data.period.key,
    months: data.timeliness.map((month) => month.month),
    scheme: { id: data.scheme.id, version: data.scheme.version, name: data.scheme.name },
    ratings: {
      received: data.ratings.received,
      counting: data.ratings.counting,
      latestAt: data.ratings.latestAt === null ? null : data.ratings.latestAt.toISOString(),
    },
    timeliness: data.timeliness,
    satisfaction: presentSatisfactionStats(data.satisfaction),
    agencies: data.agencies.map((row) => {
      const i = row.result.indicators;
      return {
        rank: row.rank,
        agency: { id: row.id, code: row.code, name: row.name, level: row.level },
        dossiers: row.dossiers,
        total: row.result.total / 10,
        scored: row.result.scored,
        grade: { code: row.result.grade.code, label: row.result.grade.label },
        indicators: {
          cs1: points(i.cs1.score),
          cs2: points(i.cs2.score),
          cs3: points(i.cs3.score),
          cs4: points(i.cs4.score),
          cs5: points(i.cs5.score),
          cs6: points(i.cs6.score),
          cs7: points(i.cs7.score),
          cs8: points(i.cs8.score),
          cs9: points(i.cs9.score),
        },
      };
    }),
    integrity: data.integrity,
  };
}
