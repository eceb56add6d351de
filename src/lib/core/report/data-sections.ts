// The report's first sections: the data (rows, columns, types, missing values), what the quality checks
// found, and the recipe in words.
import { qualityReport, type QualityFinding } from '../data/quality/index.ts';
import { parseStepParams } from '../prep/recipe/validate-recipe.ts';
import { findStep } from '../prep/steps/index.ts';
import type { RecipeStep } from '../prep/recipe/types.ts';
import { escapeHtml, facts, formatNumber, numberHeader, paragraph, table } from './html.ts';
import type { ReportInput } from './report-input.ts';

function columnRole(name: string, input: ReportInput): string {
	if (input.run.targets.includes(name)) return 'target';
	const used = new Set(input.run.fitted.inputSchema.map((c) => c.name));
	return used.size === 0 || used.has(name) ? 'input' : 'not used';
}

export function dataSection(input: ReportInput): string {
	const { dataset, profile } = input;
	const byName = new Map(profile?.columns.map((c) => [c.name, c]));
	const rows = dataset.schema.map((column) => {
		const stats = byName.get(column.name);
		return [
			column.name,
			column.type,
			columnRole(column.name, input),
			stats ? stats.missing : '—',
			stats ? stats.unique : '—'
		];
	});
	const summary = facts([
		['Data set', dataset.name],
		['Rows', formatNumber(dataset.rows)],
		['Columns', formatNumber(dataset.columns)],
		...(profile ? ([['Duplicate rows', formatNumber(profile.duplicateRows)]] as [string, string][]) : [])
	]);
	return `${summary}${table(['Column', 'Type', 'Role', numberHeader('Missing'), numberHeader('Distinct')], rows)}${
		profile ? '' : paragraph('Missing and distinct counts were not computed for this report.', 'muted')
	}`;
}

function findingsOf(input: ReportInput): QualityFinding[] | undefined {
	if (input.quality) return input.quality;
	if (input.profile) return qualityReport(input.profile, { target: input.run.targets[0] });
	return undefined;
}

export function qualitySection(input: ReportInput): string {
	const findings = findingsOf(input);
	if (!findings) return paragraph('The quality checks were not run for this report.', 'muted');
	if (findings.length === 0) return paragraph('The quality checks found nothing to flag.');
	const items = findings.map(
		(f) =>
			`<li><span class="severity severity-${escapeHtml(f.severity)}">${escapeHtml(f.severity)}</span>${escapeHtml(
				f.message
			)} <span class="muted">${escapeHtml(f.why)}</span>${
				f.fix ? ` <span class="muted">Fix: ${escapeHtml(f.fix.label)}.</span>` : ''
			}</li>`
	);
	return `<ul class="findings">${items.join('')}</ul>`;
}

/** A recipe step in words, as the Prepare page shows it. */
export function describeStep(step: RecipeStep): string {
	const definition = findStep(step.op);
	if (!definition) return `Unknown step “${step.op}”`;
	try {
		return definition.describe(parseStepParams(definition, step.params));
	} catch {
		return `${definition.label} (settings need attention)`;
	}
}

export function recipeSection(input: ReportInput): string {
	const { recipe, fitted, features } = input.run;
	const steps =
		recipe.steps.length === 0
			? paragraph('No recipe steps: the model saw the columns as imported.')
			: `<ol class="steps">${recipe.steps
					.map((step) =>
						step.enabled
							? `<li>${escapeHtml(describeStep(step))}</li>`
							: `<li class="disabled">${escapeHtml(describeStep(step))} (disabled)</li>`
					)
					.join('')}</ol>`;
	return `${steps}${facts([
		['Fitted on', `${formatNumber(fitted.fittedRows)} training rows`],
		['Model features', `${features.length}: ${features.join(', ')}`]
	])}`;
}
