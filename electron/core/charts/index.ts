/**
 * Charts in the core: a shared chart definition (shared/charts) drawn server-side by ECharts' SVG
 * renderer, then into a pdfkit document by svg-to-pdfkit, as vector graphics with the PDF
 * engine's embedded DejaVu faces. One definition, the same picture as on screen.
 *
 * ECharts is imported piece by piece (echarts/core plus the charts and components the
 * definitions use), so the worker loads only those.
 */
import SVGtoPDF from 'svg-to-pdfkit';
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Chart } from '../../../shared/charts';
import { BOLD, REGULAR, textWidth, type Doc } from '../pdf/fonts';

echarts.use([
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
  AriaComponent,
  SVGRenderer,
]);

/** "bold 14px DejaVu Sans, …" → the face and size the PDF will draw it in. */
function parseFont(font: string | undefined): { face: typeof REGULAR | typeof BOLD; size: number } {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
  const face = /\bbold(er)?\b|\b[6-9]00\b/.test(font ?? '') ? BOLD : REGULAR;
  return { face, size };
}

let measuring = false;
/** ECharts measures label widths with the embedded fonts (it has no canvas here). */
function measureWithEmbeddedFonts(): void {
  if (measuring) return;
  measuring = true;
  echarts.setPlatformAPI({
    measureText(text: string, font?: string) {
      const { face, size } = parseFont(font);
      return { width: textWidth(face, size, text) };
    },
  });
}

export interface ChartSize {
  width: number;
  height: number;
}

/** The chart as an SVG document (one unit = one PDF point when drawn by drawChart). */
export function chartToSvg(chart: Chart, size: ChartSize): string {
  measureWithEmbeddedFonts();
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    instance.setOption(chart.option);
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

/**
 * Draws a chart into a pdfkit document at (x, y), `size` in points. The SVG's text is drawn with
 * the document's embedded DejaVu faces (bold when the SVG asks for bold), whatever family it
 * names. Leaves the document's current font as the regular face.
 */
export function drawChart(doc: Doc, chart: Chart, x: number, y: number, size: ChartSize): void {
  const svg = chartToSvg(chart, size);
  SVGtoPDF(doc, svg, x, y, {
    width: size.width,
    height: size.height,
    assumePt: true,
    fontCallback: (_family, bold) => (bold ? BOLD : REGULAR),
    warningCallback: () => {},
  });
  doc.font(REGULAR);
}
