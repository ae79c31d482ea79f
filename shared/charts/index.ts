export * from './types';
export { OKABE_ITO, SERIES_COLORS, SYMBOLS, CHART_FONT, BAND_FILLS } from './style';
export { measureChart, bandOf } from './measure';
export { adherenceChart, practiceRatio } from './adherence';
export { seriesChart } from './series';
export { lttb, DRAWN_POINTS } from './downsample';
export { ladderChart } from './ladder';
export { heatmapChart, HEAT_COLORS } from './heatmap';
