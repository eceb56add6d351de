// `benchtop profile <file> [--json]`: the studio's profile and quality report of any supported file,
// read with the same core. The JSON form is a contract for pipelines: keep its shape.
import { existsSync, openAsBlob, statSync } from 'node:fs';
import { basename } from 'node:path';
import { BenchtopError } from '../lib/core/errors.ts';
import { importTable } from '../lib/core/data/import/index.ts';
import { profileTable, type ColumnProfile } from '../lib/core/data/profile/index.ts';
import { qualityReport } from '../lib/core/data/quality/index.ts';
import { applyRecipe, fitRecipe } from '../lib/core/prep/recipe/index.ts';
import type { CommandRunner } from './commands.ts';
import { parseOptions } from './parse-options.ts';
import { readRecipeFile } from './read-recipe.ts';
import { escapeTerminal } from './terminal-text.ts';

function jsonValue(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString();
	if (typeof value === 'number' && !Number.isFinite(value)) return null;
	return value ?? null;
}

function columnJson(column: ColumnProfile) {
	return {
		name: column.name,
		type: column.type,
		count: column.count,
		missing: column.missing,
		unique: column.unique,
		// True when unique is an estimate (a HyperLogLog sketch past 100,000 distinct values), else exact.
		uniqueApprox: column.uniqueApprox,
		min: jsonValue(column.min),
		max: jsonValue(column.max),
		mean: jsonValue(column.mean),
		std: jsonValue(column.std),
		quantiles: column.quantiles ?? null,
		// True when the quantiles come from a KLL sketch (±0.25% of the rows in rank): numeric columns of
		// more than 2,097,152 present values. Else exact, as pandas computes them.
		quantilesApprox: column.quantilesApprox === true,
		top: column.top ?? null
	};
}

function summary(column: ColumnProfile): string {
	const show = (v: unknown) =>
		v instanceof Date
			? v.toISOString().slice(0, 10)
			: typeof v === 'number'
				? Number(v.toPrecision(6)).toString()
				: String(v);
	if (column.type === 'integer' || column.type === 'number' || column.type === 'date') {
		return column.min === undefined || column.min === null
			? ''
			: `${show(column.min)} … ${show(column.max)}${column.mean !== undefined && column.type !== 'date' ? `, mean ${show(column.mean)}` : ''}`;
	}
	return (column.top ?? [])
		.slice(0, 3)
		.map((t) => `${t.value} (${t.count})`)
		.join(', ');
}

export const profileCommand: CommandRunner = {
	async run(args, io) {
		const { values, positionals } = parseOptions('profile', args, {
			json: { type: 'boolean' },
			recipe: { type: 'string' }
		});
		const json = values.json === true;
		const [path, extra] = positionals;
		if (!path)
			throw new BenchtopError(
				'bad-input',
				'profile needs a file: benchtop profile <file> [--recipe <recipe.json>] [--json]'
			);
		if (extra) throw new BenchtopError('bad-input', `profile takes one file, got also ${extra}`);
		if (!existsSync(path) || !statSync(path).isFile())
			throw new BenchtopError('bad-input', `no such file: ${path}`);
		const recipe = values.recipe === undefined ? undefined : readRecipeFile(values.recipe);

		const result = await importTable(await openAsBlob(path), { fileName: basename(path) });
		// With a recipe, the profile is of the prepared table: the recipe is fitted on the whole file here,
		// since profiling holds nothing out.
		const prepared = recipe ? applyRecipe(fitRecipe(recipe, result), result, 'train') : result;
		const profile = profileTable(prepared.table, prepared.schema);
		const issues = qualityReport(profile);
		if (json) {
			io.out(
				JSON.stringify({ rows: profile.rows, columns: profile.columns.map(columnJson), issues }, null, 2)
			);
			return 0;
		}
		io.out(
			`${basename(path)}: ${profile.rows.toLocaleString('en')} rows × ${profile.columns.length} columns (${result.format})`
		);
		if (recipe)
			io.out(`prepared with ${values.recipe} (${recipe.steps.filter((s) => s.enabled).length} steps)`);
		for (const notice of result.notices) io.out(`note: ${notice.message}`);
		// Names as they will be shown (control characters escaped), so the columns line up.
		const shown = (name: string) => escapeTerminal(name);
		const width = Math.max(...profile.columns.map((c) => shown(c.name).length), 6);
		io.out(
			`\n${'column'.padEnd(width)}  ${'type'.padEnd(8)}  ${'missing'.padStart(8)}  ${'unique'.padStart(8)}  summary`
		);
		for (const c of profile.columns) {
			io.out(
				`${shown(c.name).padEnd(width)}  ${c.type.padEnd(8)}  ${String(c.missing).padStart(8)}  ${`${c.uniqueApprox ? '≈' : ''}${c.unique}`.padStart(8)}  ${summary(c)}`
			);
		}
		if (profile.columns.some((c) => c.uniqueApprox))
			io.out('\n≈ an estimate: past 100,000 distinct values, unique is counted with a HyperLogLog sketch.');
		if (profile.columns.some((c) => c.quantilesApprox))
			io.out(
				'Quantiles of columns past 2,097,152 values come from a KLL sketch, within ±0.25% of the rows in rank.'
			);
		io.out(issues.length === 0 ? '\nNo quality issues found.' : `\nQuality (${issues.length}):`);
		for (const issue of issues)
			io.out(`- [${issue.severity}] ${issue.message}${issue.fix ? ` Fix: ${issue.fix.label}.` : ''}`);
		return 0;
	}
};
