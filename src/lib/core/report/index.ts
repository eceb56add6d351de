// The shareable report of a run: pick its charts, draw them to SVG, and write one self-contained HTML file.
// Imported on demand by the page (vega is large) and directly by the CLI.
import { buildReportHtml } from './build-report.ts';
import { renderChartSvg } from './render-chart.ts';
import { reportCharts } from './report-charts.ts';
import type { ReportInput } from './report-input.ts';

export { buildReportHtml, REPORT_SECTIONS, type ReportSectionId } from './build-report.ts';
export { escapeHtml } from './html.ts';
export { renderChartSvg, withFixedWidth, REPORT_CHART_WIDTH } from './render-chart.ts';
export { chartedSplit, reportCharts, type ReportChartSpec } from './report-charts.ts';
export type { ReportChart, ReportDataset, ReportImportance, ReportInput } from './report-input.ts';

/** The report with the run's charts drawn (any `charts` given come first); one chart that fails to draw
 * is left out with its title in a note rather than losing the report. */
export async function renderReport(input: ReportInput): Promise<string> {
	const charts = [...(input.charts ?? [])];
	for (const chart of reportCharts(input.run, input.evaluation)) {
		try {
			charts.push({ title: chart.title, svg: await renderChartSvg(chart.spec) });
		} catch (error) {
			charts.push({
				title: `${chart.title} (could not be drawn: ${error instanceof Error ? error.message : String(error)})`,
				svg: ''
			});
		}
	}
	return buildReportHtml({ ...input, charts });
}

/** The file name the studio downloads the report as. */
export function reportFileName(runId: string): string {
	return `benchtop-report-${runId.replace(/[^A-Za-z0-9_-]+/g, '-')}.html`;
}
