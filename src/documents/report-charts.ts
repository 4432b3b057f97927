/**
 * The charts of an exported report as SVG (issue 6: "charts embedded as SVG"): ECharts renders
 * on the server without a canvas (`ssr: true`, SVG renderer) and report-pdf.ts draws the SVG
 * into the PDF as vectors, its text in the embedded Be Vietnam Pro (so it stays selectable and
 * searchable, and Vietnamese renders alike everywhere).
 */
import * as echarts from 'echarts';
import type { ReportChart } from './report-table.ts';

/** The font family the SVG names; report-pdf.ts maps it to the embedded font. */
export const CHART_FONT = 'Be Vietnam Pro';

/** Height of one category's bar band, and the room for the title, legend and axis. */
const BAND = 22;
const CHROME = 96;
/** Palette for the stacked series when the chart gives none (readable in greyscale print too). */
const PALETTE = ['#1b5e20', '#43a047', '#9e9e9e', '#ef6c00', '#b71c1c', '#1565c0', '#6a1b9a'];

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

/** The narrowest bar band: below it the category names no longer fit. */
const MIN_BAND = 11;

/**
 * The chart as an SVG string of the given width; its height follows the number of categories,
 * the bands narrowed so that it stays within `maxHeight` (one page).
 */
export function renderChartSvg(chart: ReportChart, width: number, maxHeight = Infinity): ChartSvg {
  const count = Math.max(chart.categories.length, 1);
  const band = Math.max(MIN_BAND, Math.min(BAND, Math.floor((maxHeight - CHROME) / count)));
  const height = CHROME + band * count;
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption({
      animation: false,
      textStyle: { fontFamily: CHART_FONT, fontSize: 10, color: '#000000' },
      title: { text: chart.title, left: 'center', top: 4, textStyle: { fontSize: 12, fontWeight: 'bold' } },
      legend:
        chart.kind === 'stacked'
          ? { top: 26, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 9 } }
          : { show: false },
      grid: { left: 8, right: 40, top: chart.kind === 'stacked' ? 52 : 32, bottom: 24, containLabel: true },
      xAxis: {
        type: 'value',
        min: 0,
        ...(chart.max === undefined ? {} : { max: chart.max }),
        axisLabel: { fontSize: 9 },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: [...chart.categories],
        axisLabel: { fontSize: 9, width: Math.round(width * 0.3), overflow: 'truncate' },
      },
      series: chart.series.map((series, index) => ({
        type: 'bar',
        name: series.name,
        data: [...series.values],
        barMaxWidth: 14,
        itemStyle: { color: series.color ?? PALETTE[index % PALETTE.length] },
        ...(chart.kind === 'stacked'
          ? { stack: 'all' }
          : { label: { show: true, position: 'right', fontSize: 9, formatter: formatValue } }),
      })),
    });
    return { svg: instance.renderToSVGString(), width, height };
  } finally {
    instance.dispose();
  }
}

/** A bar's label in Vietnamese ("15,5"). */
function formatValue(params: { value?: unknown }): string {
  const value = typeof params.value === 'number' ? params.value : Number(params.value);
  return Number.isFinite(value)
    ? new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value)
    : '';
}
