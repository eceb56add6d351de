// Runs side by side: only what differs between them (data version, split, recipe, model, settings, seed,
// backend) as readable paths, and their validation and test metrics with the best run marked per metric.
import type { RunRecord } from '../train/run-record.ts';

export type MetricDirection = 'higher' | 'lower';

const HIGHER = new Set([
	'accuracy',
	'balanced_accuracy',
	'matthews_corrcoef',
	'r2',
	'explained_variance',
	'silhouette',
	'silhouette_score',
	'adjusted_rand',
	'adjusted_rand_score'
]);
const LOWER = new Set([
	'log_loss',
	'loss',
	'mae',
	'mse',
	'rmse',
	'mape',
	'median_absolute_error',
	'mean_absolute_error',
	'mean_squared_error',
	'root_mean_squared_error',
	'mean_absolute_percentage_error',
	'median_ae',
	'inertia',
	'davies_bouldin',
	'davies_bouldin_score',
	'brier'
]);
// Families spelled with an averaging suffix: f1_macro, precision_weighted, roc_auc_ovr...
const HIGHER_PREFIXES = ['f1', 'precision', 'recall', 'roc_auc', 'average_precision'];

/** Which way is better, from the last part of the name ("outputs.y.rmse" is an rmse); undefined for a
 * name Benchtop does not know, which then gets no "best" mark. */
export function metricDirection(name: string): MetricDirection | undefined {
	const base = name.split('.').at(-1)!.toLowerCase();
	if (HIGHER.has(base)) return 'higher';
	if (LOWER.has(base)) return 'lower';
	if (HIGHER_PREFIXES.some((prefix) => base === prefix || base.startsWith(`${prefix}_`))) return 'higher';
	return undefined;
}

export type ComparedSplit = 'validation' | 'test';
export const COMPARED_SPLITS: readonly ComparedSplit[] = ['validation', 'test'];

/** One setting that is not the same in every run; `values[i]` belongs to `runs[i]`, '—' where a run lacks it. */
export interface DifferenceRow {
	path: string;
	values: string[];
}

export interface MetricRow {
	split: ComparedSplit;
	/** The metric's name, nested ones as a path: "accuracy", "outputs.petal_width.rmse". */
	metric: string;
	direction: MetricDirection | undefined;
	/** Null where a run has no value (undefined on its rows, or not reported). */
	values: (number | null)[];
	/** Positions of the runs holding the best value (all of them on a tie); empty without a direction. */
	best: number[];
}

export interface RunComparison {
	runs: { id: string; name: string; createdAt: string }[];
	differences: DifferenceRow[];
	/** How many compared settings are the same in every run (left out of `differences`). */
	sameCount: number;
	metrics: MetricRow[];
}

export const MISSING = '—';

type Flat = Map<string, string>;

function formatScalar(value: unknown): string {
	if (value === null || value === undefined) return 'none';
	if (typeof value === 'number')
		return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
	return String(value);
}

/** Nested objects become dotted paths, arrays of objects 1-based `[i]` entries, arrays of plain values a
 * comma-separated list (a list of columns reads best as one cell). */
function flattenInto(out: Flat, path: string, value: unknown): void {
	if (Array.isArray(value)) {
		if (value.every((item) => item === null || typeof item !== 'object')) {
			out.set(path, value.length === 0 ? 'none' : value.map(formatScalar).join(', '));
			return;
		}
		value.forEach((item, i) => flattenInto(out, `${path}[${i + 1}]`, item));
		if (value.length === 0) out.set(path, 'none');
		return;
	}
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>);
		for (const [key, inner] of entries) flattenInto(out, path ? `${path}.${key}` : key, inner);
		return;
	}
	out.set(path, formatScalar(value));
}

/** What a run was made of, as readable paths: the parts a person changes between runs. */
export function runSettings(run: RunRecord): Flat {
	const out: Flat = new Map();
	out.set('data version', run.datasetId);
	out.set('data hash', run.datasetHash.slice(0, 12));
	out.set('task', run.task);
	out.set('targets', run.targets.join(', ') || 'none');
	const { counts: _counts, indicesHash: _hash, warnings: _warnings, ...split } = run.split;
	flattenInto(out, 'split', split);
	if (run.recipe.steps.length === 0) out.set('recipe', 'no steps');
	run.recipe.steps.forEach((step, i) => {
		const at = `recipe[${i + 1}]`;
		out.set(`${at}.op`, step.op);
		if (!step.enabled) out.set(`${at}.enabled`, 'false');
		flattenInto(out, at, step.params);
	});
	flattenInto(out, 'spec', run.spec);
	flattenInto(out, 'settings', run.settings);
	out.set('seed', String(run.seed));
	out.set('backend', run.backend.name);
	return out;
}

/** The number at `path` ("outputs.y.r2") in a metrics record, or null when absent or not finite. */
export function metricValue(metrics: Record<string, unknown> | undefined, path: string): number | null {
	let value: unknown = metrics;
	for (const key of path.split('.')) {
		if (value === null || typeof value !== 'object') return null;
		value = (value as Record<string, unknown>)[key];
	}
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

// Not metrics: the row count and the notes that travel in the same record.
const NOT_METRICS = new Set(['rows', 'notes']);

/** The numeric metric paths of a metrics record, in its own order. */
export function metricPaths(metrics: Record<string, unknown> | undefined, prefix = ''): string[] {
	if (!metrics) return [];
	const paths: string[] = [];
	for (const [key, value] of Object.entries(metrics)) {
		if (!prefix && NOT_METRICS.has(key)) continue;
		const path = prefix ? `${prefix}.${key}` : key;
		if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
			paths.push(...metricPaths(value as Record<string, unknown>, path));
		} else if (typeof value === 'number' || value === null) paths.push(path);
	}
	return paths;
}

/** Positions of the best values; ties all count, nulls never do. */
export function bestPositions(
	values: readonly (number | null)[],
	direction: MetricDirection | undefined
): number[] {
	if (!direction) return [];
	let best: number | null = null;
	for (const value of values) {
		if (value === null) continue;
		if (best === null || (direction === 'higher' ? value > best : value < best)) best = value;
	}
	if (best === null) return [];
	return values.flatMap((value, i) => (value === best ? [i] : []));
}

export function compareRuns(runs: readonly RunRecord[]): RunComparison {
	const flats = runs.map(runSettings);
	const paths: string[] = [];
	const seen = new Set<string>();
	for (const flat of flats) {
		for (const path of flat.keys()) {
			if (!seen.has(path)) {
				seen.add(path);
				paths.push(path);
			}
		}
	}
	const differences: DifferenceRow[] = [];
	for (const path of paths) {
		const values = flats.map((flat) => flat.get(path) ?? MISSING);
		if (values.some((value) => value !== values[0])) differences.push({ path, values });
	}

	const metrics: MetricRow[] = [];
	for (const split of COMPARED_SPLITS) {
		const names = [...new Set(runs.flatMap((run) => metricPaths(run.metrics[split])))];
		for (const metric of names) {
			const values = runs.map((run) => metricValue(run.metrics[split], metric));
			const direction = metricDirection(metric);
			// With one run there is nothing to be best against.
			metrics.push({
				split,
				metric,
				direction,
				values,
				best: runs.length > 1 ? bestPositions(values, direction) : []
			});
		}
	}

	return {
		runs: runs.map((run) => ({ id: run.id, name: run.name, createdAt: run.createdAt })),
		differences,
		sameCount: paths.length - differences.length,
		metrics
	};
}
