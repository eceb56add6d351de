// One self-contained HTML file for a run: no scripts, no external fonts, images or styles, charts as
// inline SVG, every piece of text escaped. Readable on screen, printable to PDF one section per page.
import { dataSection, qualitySection, recipeSection } from './data-sections.ts';
import { escapeHtml } from './html.ts';
import { isolated } from '../phrase.ts';
import { modelSection, settingsSection } from './model-sections.ts';
import type { ReportInput } from './report-input.ts';
import { REPORT_CSS } from './report-style.ts';
import { reproducibilitySection } from './reproducibility-section.ts';
import { chartsSection, importanceSection, metricsSection } from './results-sections.ts';

/** The sections in order: id and heading. Tests and the print stylesheet rely on every one being there. */
export const REPORT_SECTIONS = [
	{ id: 'data', title: 'Data' },
	{ id: 'quality', title: 'Quality findings' },
	{ id: 'recipe', title: 'Recipe' },
	{ id: 'model', title: 'Model' },
	{ id: 'settings', title: 'Training settings' },
	{ id: 'metrics', title: 'Metrics and baseline' },
	{ id: 'charts', title: 'Charts' },
	{ id: 'importance', title: 'Permutation importance' },
	{ id: 'reproducibility', title: 'Reproducibility' }
] as const;

export type ReportSectionId = (typeof REPORT_SECTIONS)[number]['id'];

function sectionBodies(input: ReportInput): Record<ReportSectionId, string> {
	return {
		data: dataSection(input),
		quality: qualitySection(input),
		recipe: recipeSection(input),
		model: modelSection(input.run),
		settings: settingsSection(input.run),
		metrics: metricsSection(input),
		charts: chartsSection(input.charts),
		importance: importanceSection(input.importance),
		reproducibility: reproducibilitySection(input)
	};
}

export function buildReportHtml(input: ReportInput): string {
	const bodies = sectionBodies(input);
	const generatedAt = input.generatedAt ?? new Date().toISOString();
	const title = `${input.run.name} — Benchtop report`;
	const nav = `<nav aria-label="Sections"><ol>${REPORT_SECTIONS.map(
		(s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`
	).join('')}</ol></nav>`;
	const sections = REPORT_SECTIONS.map(
		(s) => `<section id="${s.id}"><h2>${escapeHtml(s.title)}</h2>${bodies[s.id]}</section>`
	).join('\n');
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Benchtop">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(input.run.name)}</h1><p class="muted">${escapeHtml(
		`Benchtop report · data set ${isolated(input.dataset.name)} · run ${input.run.id} · written ${generatedAt}`
	)}</p></header>
${nav}
<main>
${sections}
</main>
<footer>${escapeHtml(`Written by Benchtop on ${generatedAt}. Everything in this file was computed in the browser or on the command line; it loads nothing from the network.`)}</footer>
</body>
</html>
`;
}
