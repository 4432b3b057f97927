import { describe, expect, it } from 'vitest';
import type { DashboardView } from '#shared/dashboard.view.ts';
import { heatmapOption, rankingOption, rowsHeight, trendOption } from './dashboard-charts.ts';

const indicators = {
  cs1: 1.3,
  cs2: null,
  cs3: 2,
  cs4: 1,
  cs5: null,
  cs6: null,
  cs7: 0.5,
  cs8: null,
  cs9: 0,
};

function view(agencies: number): DashboardView {
  return {
    period: '2025-Q3',
    months: ['2025-07', '2025-08', '2025-09'],
    scheme: { id: 'tt01-2018', version: '1', name: 'TT 01/2018' },
    ratings: { received: 0, counting: 0, latestAt: null },
    timeliness: [
      { month: '2025-07', early: 2, onTime: 1, late: 1 },
      { month: '2025-08', early: 1, onTime: 0, late: 0 },
      { month: '2025-09', early: 0, onTime: 0, late: 0 },
    ],
    satisfaction: {
      total: 0,
      counts: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
      sharesPercent: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
      threeLevel: {
        counts: { rat_hai_long: 0, hai_long: 0, chua_hai_long: 0 },
        sharesPercent: { rat_hai_long: 0, hai_long: 0, chua_hai_long: 0 },
      },
    },
    agencies: Array.from({ length: agencies }, (_, index) => ({
      rank: index + 1,
      agency: { id: `id-${index}`, code: `A${index}`, name: `Cơ quan ${index}`, level: 'department' },
      dossiers: 1,
      total: 10 - index,
      scored: 5,
      grade: { code: 'kha', label: 'Khá' },
      indicators,
    })),
    integrity: null,
  };
}

const format = (value: number) => value.toFixed(1);

describe('dashboard chart options', () => {
  it('stacks early, on time and late per month, in that order', () => {
    const option = trendOption(view(0), { month: (m) => m, early: 'E', onTime: 'O', late: 'L' });
    expect(option.series).toMatchObject([
      { name: 'E', stack: 'finished', data: [2, 1, 0] },
      { name: 'O', stack: 'finished', data: [1, 0, 0] },
      { name: 'L', stack: 'finished', data: [1, 0, 0] },
    ]);
  });

  it('ranks top-down: bar i is agency i of the view (the click handler relies on it)', () => {
    const option = rankingOption(view(3), { total: 'Total', format });
    expect(option.yAxis).toMatchObject({
      inverse: true,
      data: ['1. Cơ quan 0', '2. Cơ quan 1', '3. Cơ quan 2'],
    });
    expect(option.series).toMatchObject([{ data: [10, 9, 8] }]);
  });

  it('leaves not-scored indicators out of the heatmap; a cell is [indicator, agency row, points]', () => {
    const option = heatmapOption(view(2), { indicator: (i) => i.toUpperCase(), format });
    const series = Array.isArray(option.series) ? option.series[0] : option.series;
    const cells = (series as { data: [number, number, number][] }).data;
    // 5 scored indicators per agency: cs1, cs3, cs4, cs7, cs9 (x = 0, 2, 3, 6, 8).
    expect(cells).toHaveLength(10);
    expect(cells.filter((cell) => cell[1] === 1).map((cell) => cell[0])).toEqual([0, 2, 3, 6, 8]);
    expect(cells).toContainEqual([8, 0, 0]);
  });

  it('grows a one-row-per-agency chart with its rows, never below a readable height', () => {
    expect(rowsHeight(0)).toBe(160);
    expect(rowsHeight(20)).toBeGreaterThan(rowsHeight(10));
  });
});
