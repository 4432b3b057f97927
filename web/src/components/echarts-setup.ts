/**
 * The parts of ECharts the back office uses, registered once: the core, the chart kinds and
 * components below, and the SVG renderer (crisp at any zoom, text stays text). Loaded on demand
 * by chart.tsx, so pages without charts never download it. Add a kind here when a page needs it.
 */
import { init, use } from 'echarts/core';
import { BarChart, HeatmapChart } from 'echarts/charts';
import {
  GridComponent,
  LegendPlainComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([
  BarChart,
  HeatmapChart,
  GridComponent,
  LegendPlainComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  SVGRenderer,
]);

export { init };
