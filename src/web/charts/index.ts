/**
 * Server-rendered SVG charts with text alternatives, shared by the public results, the needs dashboard
 * and the feedback analysis. Put every chart in a ChartFigure: the same data as a real table beside it.
 */
export { BarChart, type BarChartProps, type BarDatum, HIDDEN_TEXT } from "./bar-chart.tsx";
export { barChartTable, ChartFigure, type ChartTable, lineChartTable } from "./chart-figure.tsx";
export { formatNumber } from "./format.ts";
export { LineChart, type LineChartProps, type LinePoint, type LineSeries } from "./line-chart.tsx";
