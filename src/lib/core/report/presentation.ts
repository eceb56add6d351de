// What the presentation mode says at each of its steps (data → recipe → model → training → evaluation), in
// plain words for a room: the step order and how Next/Back move through it, the recipe as one line per
// step, the model as one line per layer, and the two or three figures that sum up a run. Pure: the
// presentation page (PresentView.svelte) shows these with big type.
import type { ModelSpec } from '../models/types.ts';
import { nameList, phrase, type Phrase } from '../phrase.ts';
import type { Recipe } from '../prep/recipe/types.ts';
import { findStep } from '../prep/steps/index.ts';
import { fragmentParam } from '../share/codec.ts';
import type { Task } from '../models/types.ts';

export const PRESENT_STEPS = [
	{ id: 'data', title: 'The data' },
	{ id: 'recipe', title: 'The recipe' },
	{ id: 'model', title: 'The model' },
	{ id: 'training', title: 'Training' },
	{ id: 'evaluation', title: 'Evaluation' }
] as const;

export type PresentStep = (typeof PRESENT_STEPS)[number]['id'];

/** The step `delta` away from `index`, kept within the steps (Back on the first stays there). */
export function stepAfter(index: number, delta: number): number {
	return Math.min(PRESENT_STEPS.length - 1, Math.max(0, index + delta));
}

/** The step a URL names (`step=recipe`, or its number from 1); the first step for anything else. */
export function stepFromParam(value: string | null | undefined): number {
	if (!value) return 0;
	const byName = PRESENT_STEPS.findIndex((s) => s.id === value);
	if (byName >= 0) return byName;
	const n = Number(value);
	return Number.isInteger(n) && n >= 1 && n <= PRESENT_STEPS.length ? n - 1 : 0;
}

function valueText(value: unknown): string {
	if (Array.isArray(value)) return value.map(valueText).join(', ');
	if (value !== null && typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/** Each step the recipe runs, in order, with the columns it touches (names the page isolates) and its
 * other settings. */
export function recipeLines(recipe: Recipe): { step: string; detail: Phrase; reason?: string }[] {
	return recipe.steps
		.filter((s) => s.enabled)
		.map((s) => {
			const { columns, ...rest } = s.params as { columns?: unknown } & Record<string, unknown>;
			const parts: Phrase[] = [];
			if (Array.isArray(columns) && columns.length > 0 && columns.every((c) => typeof c === 'string'))
				parts.push(nameList(columns));
			else if (columns !== undefined) parts.push([valueText(columns) || 'no columns']);
			for (const [key, value] of Object.entries(rest))
				if (value !== undefined && value !== null && value !== '') parts.push([`${key} ${valueText(value)}`]);
			return {
				step: findStep(s.op)?.label ?? s.op,
				detail: parts.flatMap((part, i) => (i === 0 ? part : [' · ', ...part])),
				...(s.reason ? { reason: s.reason } : {})
			};
		});
}

/** The model as a room reads it: inputs, one line per hidden layer, and what comes out (class and
 * target names kept as names, for the page to isolate). */
export function modelLines(
	spec: ModelSpec,
	shape: { features: number; classes: string[]; targets: string[] }
): Phrase[] {
	if (spec.family === 'kmeans')
		return [[`${shape.features} features in`], [`${spec.k} clusters: each row goes to its nearest centre`]];
	const lines: Phrase[] = [];
	const text = (line: string) => lines.push([line]);
	text(`${shape.features} features in`);
	for (const layer of spec.layers) {
		if (layer.type === 'dense') text(`dense layer of ${layer.units} units, ${layer.activation}`);
		else if (layer.type === 'dropout') text(`dropout, ${layer.rate * 100}% of units off while training`);
		else if (layer.type === 'conv2d')
			text(`convolution: ${layer.filters} filters of ${layer.kernel} × ${layer.kernel}, ${layer.activation}`);
		else if (layer.type === 'max-pool') text(`max-pool ${layer.size} × ${layer.size}`);
		else text(layer.type);
	}
	if (spec.task === 'classification')
		lines.push(
			phrase`softmax: a probability for each of ${shape.classes.length} classes (${nameList(shape.classes)})`
		);
	else
		lines.push(
			phrase`${shape.targets.length === 1 ? 'one number' : `${shape.targets.length} numbers`} out: ${nameList(shape.targets)}`
		);
	return lines;
}

const HEADLINES: Record<Task, { key: string; label: string }[]> = {
	classification: [
		{ key: 'accuracy', label: 'Accuracy' },
		{ key: 'balanced_accuracy', label: 'Balanced accuracy' },
		{ key: 'f1_macro', label: 'F1 (macro)' }
	],
	regression: [
		{ key: 'r2', label: 'R²' },
		{ key: 'mae', label: 'Mean absolute error' },
		{ key: 'rmse', label: 'RMSE' }
	],
	'multi-output': [{ key: 'r2', label: 'R² (mean)' }],
	clustering: [
		{ key: 'silhouette', label: 'Silhouette' },
		{ key: 'inertia', label: 'Inertia' }
	]
};

/** The run's few headline figures on some rows (its test metrics, say), those it has, in a fixed order. */
export function headlineMetrics(
	task: Task,
	metrics: Record<string, unknown> | undefined
): { key: string; label: string; value: number }[] {
	if (!metrics) return [];
	return HEADLINES[task].flatMap(({ key, label }) => {
		const value = metrics[key];
		return typeof value === 'number' && Number.isFinite(value) ? [{ key, label, value }] : [];
	});
}

/** Whether a share link asks to open in presentation mode: `#share=…&view=present` (any order). */
export function wantsPresentation(link: string): boolean {
	return fragmentParam(link, 'view') === 'present';
}
