import type { BarSeriesOption, HeatmapSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { DashboardView } from '#shared/dashboard.view.ts';
import { INDICATOR_ORDER, SATISFACTION_LEVELS } from '../../i18n.ts';

/**
 * The dashboard's chart options, built from the API's view and the words to show (pure: the
 * page passes the language's labels and number format). Colours keep ≥ 3:1 against white.
 */
export type DashboardChartOption = ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

export const TIMELINESS_COLORS = { early: '#1a7f37', onTime: '#0a58a8', late: '#b42318' } as const;
const LEVEL_COLORS: Readonly<Record<(typeof SATISFACTION_LEVELS)[number], string>> = {
  '5': '#1a7f37',
  '4': '#4d8a2a',
  '3': '#6b7685',
  '2': '#c2570c',
  '1': '#b42318',
};
const RANK_COLOR = '#0a58a8';
const INTEGRITY_COLOR = '#7a3e9d';
/** One row of a horizontal chart (agencies, kinds), in pixels. */
const ROW_PX = 34;

/** Height of a chart with one row per item. */
export function rowsHeight(rows: number): number {
  return Math.max(160, rows * ROW_PX + 72);
}

const axisLabel = { width: 200, overflow: 'truncate' as const };

/** Finished dossiers per month, stacked early / on time / late. */
export function trendOption(
  view: DashboardView,
  labels: { month: (key: string) => string; early: string; onTime: string; late: string },
): DashboardChartOption {
  const series = (name: string, key: 'early' | 'onTime' | 'late'): BarSeriesOption => ({
    name,
    type: 'bar',
    stack: 'finished',
    barMaxWidth: 48,
    itemStyle: { color: TIMELINESS_COLORS[key] },
    data: view.timeliness.map((month) => month[key]),
  });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: view.timeliness.map((month) => labels.month(month.month)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [series(labels.early, 'early'), series(labels.onTime, 'onTime'), series(labels.late, 'late')],
  };
}

/** Counted ratings per level, best first. */
export function satisfactionOption(
  view: DashboardView,
  labels: { level: (level: (typeof SATISFACTION_LEVELS)[number]) => string; count: string },
): DashboardChartOption {
  return {
    tooltip: { trigger: 'item' },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: SATISFACTION_LEVELS.map((level) => labels.level(level)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: labels.count,
        type: 'bar',
        barMaxWidth: 56,
        label: { show: true, position: 'top' },
        data: SATISFACTION_LEVELS.map((level) => ({
          value: view.satisfaction.counts[level],
          itemStyle: { color: LEVEL_COLORS[level] },
        })),
      },
    ],
  };
}

/** Totals out of 18 by rank, rank 1 on top; a bar's index is its row in `view.agencies`. */
export function rankingOption(
  view: DashboardView,
  labels: { total: string; format: (value: number) => string },
): DashboardChartOption {
  return {
    tooltip: { trigger: 'item' },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 18, interval: 3 },
    yAxis: {
      type: 'category',
      inverse: true,
      axisLabel,
      data: view.agencies.map((row) => `${row.rank}. ${row.agency.name}`),
    },
    series: [
      {
        name: labels.total,
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: RANK_COLOR },
        label: { show: true, position: 'right', formatter: (item) => labels.format(Number(item.value)) },
        data: view.agencies.map((row) => row.total),
      },
    ],
  };
}

/** Agencies (rows, by rank) × the 9 indicators (columns), 0–2 points; a missing cell is "not scored". */
export function heatmapOption(
  view: DashboardView,
  labels: { indicator: (indicator: string) => string; format: (value: number) => string },
): DashboardChartOption {
  const cells: [number, number, number][] = [];
  view.agencies.forEach((row, y) => {
    INDICATOR_ORDER.forEach((indicator, x) => {
      const value = row.indicators[indicator];
      if (value !== null) cells.push([x, y, value]);
    });
  });
  return {
    tooltip: { trigger: 'item' },
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    xAxis: {
      type: 'category',
      position: 'top',
      data: INDICATOR_ORDER.map((indicator) => labels.indicator(indicator)),
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      axisLabel,
      data: view.agencies.map((row) => row.agency.name),
      splitArea: { show: true },
    },
    visualMap: {
      min: 0,
      max: 2,
      calculable: false,
      text: [labels.format(2), labels.format(0)],
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#f4b6ae', '#fde68a', '#86c99a'] },
    },
    series: [
      {
        type: 'heatmap',
        data: cells,
        label: {
          show: true,
          color: '#1b2430',
          formatter: (item) => (Array.isArray(item.value) ? labels.format(Number(item.value[2])) : ''),
        },
        emphasis: { itemStyle: { borderColor: '#1b2430', borderWidth: 1 } },
      },
    ],
  };
}

/** Integrity signals per kind; a bar's index is its row in `view.integrity.summary`. */
export function integrityOption(
  summary: NonNullable<DashboardView['integrity']>['summary'],
  labels: { kind: (kind: (typeof summary)[number]['kind']) => string; signals: string },
): DashboardChartOption {
  return {
    tooltip: { trigger: 'item' },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      axisLabel,
      data: summary.map((entry) => labels.kind(entry.kind)),
    },
    series: [
      {
        name: labels.signals,
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: INTEGRITY_COLOR },
        label: { show: true, position: 'right' },
        data: summary.map((entry) => entry.signals),
      },
    ],
  };
}
