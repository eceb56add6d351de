// The report's results: metrics next to the baseline per split (per class for classifiers), the charts as
// inline SVG, and permutation importance as a table with bars.
import { metricPaths, metricValue } from '../evaluate/compare-runs.ts';
import type { SplitEvaluation } from '../evaluate/run-evaluation.ts';
import { escapeHtml, formatNumber, numberCell, numberHeader, paragraph, table, type Cell } from './html.ts';
import type { ReportChart, ReportImportance, ReportInput } from './report-input.ts';

function splitMetrics(split: SplitEvaluation): string {
	const names = Object.keys(split.metrics);
	const rows: Cell[][] = names.map((name) => {
		const baseline = split.baseline?.[name];
		return [name, numberCell(split.metrics[name]), split.baseline ? numberCell(baseline) : '—'];
	});
	let html = table(
		['Metric', numberHeader('Model'), numberHeader('Baseline')],
		rows,
		`${split.split} split · ${formatNumber(split.rows)} rows${
			split.baseline
				? ' · baseline: the majority class (classification) or the training mean (regression)'
				: ''
		}`
	);
	if (split.outputs.kind === 'classification') {
		html += table(
			['Class', ...['Precision', 'Recall', 'F1', 'Support'].map(numberHeader)],
			split.outputs.perClass.map((c) => [
				c.label,
				numberCell(c.precision),
				numberCell(c.recall),
				numberCell(c.f1),
				c.support
			]),
			`Per class, ${split.split} split`
		);
	}
	if (split.notes?.length) html += split.notes.map((note) => paragraph(note, 'muted')).join('');
	return html;
}

export function metricsSection(input: ReportInput): string {
	const splits = input.evaluation?.splits.filter((s) => s.rows > 0) ?? [];
	if (splits.length > 0)
		return splits.map((split) => `<h3>${escapeHtml(split.split)}</h3>${splitMetrics(split)}`).join('');
	// Without an evaluation, the metrics the run stored when it trained (no baseline).
	const stored = (['validation', 'test'] as const).filter((name) => input.run.metrics[name]);
	if (stored.length === 0) return paragraph('This run has no metrics.', 'muted');
	return (
		stored
			.map((name) => {
				const metrics = input.run.metrics[name];
				const rows = metricPaths(metrics).map((path) => [path, numberCell(metricValue(metrics, path))]);
				return `<h3>${escapeHtml(name)}</h3>${table(['Metric', numberHeader('Model')], rows)}`;
			})
			.join('') +
		paragraph('Stored when the run trained; the baseline needs an evaluation of the run.', 'muted')
	);
}

/** The SVG as HTML inlines it: the XML prologue and namespace declarations are not needed there. */
export function inlineSvg(svg: string): string {
	return svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/\s+xmlns(:xlink)?="[^"]*"/g, '');
}

export function chartsSection(charts: ReportChart[] | undefined): string {
	if (!charts?.length) return paragraph('No charts for this run.', 'muted');
	return charts
		.map(
			(chart) => `<figure><figcaption>${escapeHtml(chart.title)}</figcaption>${inlineSvg(chart.svg)}</figure>`
		)
		.join('');
}

export function importanceSection(importance: ReportImportance | undefined): string {
	if (!importance || importance.columns.length === 0) {
		return paragraph('Permutation importance was not computed for this report.', 'muted');
	}
	const largest = Math.max(...importance.columns.map((c) => Math.abs(c.mean)), Number.MIN_VALUE);
	const rows: Cell[][] = importance.columns.map((c) => [
		c.column,
		numberCell(c.mean),
		numberCell(c.std),
		{ html: `<span class="bar" style="width:${Math.round((Math.max(0, c.mean) / largest) * 160)}px"></span>` }
	]);
	const about = [
		`Drop in ${importance.metric} when a column's values are shuffled`,
		importance.baseline === undefined ? '' : ` (from ${formatNumber(importance.baseline)})`,
		importance.repeats === undefined ? '' : `, ${importance.repeats} repeats`,
		importance.seed === undefined ? '' : `, seed ${importance.seed}`
	].join('');
	return table(['Column', numberHeader('Mean drop'), numberHeader('Std'), ''], rows, about);
}
