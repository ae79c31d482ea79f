/**
 * ECharts for the screen, imported piece by piece (echarts/core, the four chart types and the
 * components shared/charts uses, the SVG renderer). Only Chart.tsx imports this module, and only
 * dynamically: it is its own chunk, loaded when a screen first shows a chart.
 */
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import { init, use as register } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

register([
  LineChart,
  BarChart,
  ScatterChart,
  HeatmapChart,
  GridComponent,
  TitleComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  VisualMapPiecewiseComponent,
  TooltipComponent,
  AriaComponent,
  SVGRenderer,
]);

export { init };
