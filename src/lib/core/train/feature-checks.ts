// The prepared training matrix checked before a network sees it: the second line of defence behind the
// default recipe. A feature whose training mean or spread is far from 0 and 1 (a year of 1970–2015, a
// count in the thousands) makes the first epochs' steps huge and can keep a network from learning at all;
// a feature with a single value teaches nothing, and a table where every feature is constant can only
// give the baseline. A feature that nearly equals the target is too good to be true.
import type { Recipe } from '../prep/recipe/types.ts';
import { figure, type RunWarning } from './run-warnings.ts';
import type { TrainingArrays } from './training-data.ts';

/** Beyond these, the first layer's default initialisation and learning rate no longer suit the feature. */
const MAX_ABS_MEAN = 5;
const MAX_SPREAD = 5;
/** |correlation| with the target above this on the training rows: the feature may be the answer itself. */
const LEAK_CORRELATION = 0.98;
/** Columns named in one message before "and n more". */
const NAMED = 6;

export interface FeatureStats {
	name: string;
	mean: number;
	/** Population standard deviation on the training rows. */
	spread: number;
}

export function featureStats(data: TrainingArrays, features: readonly string[]): FeatureStats[] {
	const { n, featureCount: f, x } = data;
	return features.map((name, j) => {
		let sum = 0;
		for (let i = 0; i < n; i++) sum += x[i * f + j]!;
		const mean = n ? sum / n : 0;
		let squares = 0;
		for (let i = 0; i < n; i++) squares += (x[i * f + j]! - mean) ** 2;
		return { name, mean, spread: n ? Math.sqrt(squares / n) : 0 };
	});
}

function list(names: readonly string[]): string {
	return names.length <= NAMED
		? names.join(', ')
		: `${names.slice(0, NAMED).join(', ')} and ${names.length - NAMED} more`;
}

/** The recipe step that scales, as people number it (from 1), or null when there is none enabled. */
function scaleStepNumber(recipe: Recipe): number | null {
	const index = recipe.steps.findIndex((s) => s.op === 'scale' && s.enabled);
	return index < 0 ? null : index + 1;
}

/** Features far from mean 0 and spread 1 on the training rows, named with the step that fixes them. */
export function featureScaleWarning(stats: readonly FeatureStats[], recipe: Recipe): RunWarning | null {
	const far = stats.filter((s) => Math.abs(s.mean) > MAX_ABS_MEAN || s.spread > MAX_SPREAD);
	if (far.length === 0) return null;
	const step = scaleStepNumber(recipe);
	const names = far.map((s) => s.name);
	return {
		kind: 'feature-scale',
		severity: 'warning',
		message: `${far.length === 1 ? 'A feature reaches' : `${far.length} features reach`} the network unscaled: ${list(
			far.map((s) => `${s.name} (mean ${figure(s.mean)}, spread ${figure(s.spread)})`)
		)}.`,
		causes: [
			'A network learns well from features near mean 0 and spread 1; large values make its first steps huge and its loss slow to fall, or make it diverge.'
		],
		tryThis: [
			step === null
				? `Add a “Scale numbers” step (standard) at the end of the recipe for ${list(names)}.`
				: `Add ${list(names)} to step ${step} (Scale numbers) of the recipe, or add a “Scale numbers” step after the step that makes ${names.length === 1 ? 'it' : 'them'}.`
		],
		columns: names
	};
}

/** Features with a single value on the training rows; when every feature is, the run can only guess. */
export function constantFeaturesWarning(stats: readonly FeatureStats[]): RunWarning | null {
	const constant = stats.filter((s) => s.spread === 0).map((s) => s.name);
	if (constant.length === 0) return null;
	const all = constant.length === stats.length;
	return {
		kind: 'constant-features',
		// A few constant columns (a one-hot level absent from the training rows) are worth knowing, not alarming.
		severity: all ? 'warning' : 'info',
		message: all
			? `Every feature is constant on the training rows (${list(constant)}): the model can only learn the most common answer or the average, no better than guessing.`
			: `${constant.length === 1 ? 'A feature is' : `${constant.length} features are`} constant on the training rows and teach nothing: ${list(constant)}.`,
		causes: all
			? ['Nothing varies from row to row in what the model reads, so it cannot tell one row from another.']
			: [],
		tryThis: all
			? [
					'Check the recipe: a drop or filter step may have removed the columns that vary; or choose a table with informative columns.'
				]
			: [
					`Drop ${list(constant)} in the recipe, or check why ${constant.length === 1 ? 'it does' : 'they do'} not vary.`
				],
		columns: constant
	};
}

/** Pearson correlation of each feature with one numeric output (the class index for two classes). */
function correlations(data: TrainingArrays): number[] | null {
	const { n, featureCount: f, x } = data;
	let target: ArrayLike<number>;
	if (data.labels) {
		if (data.outputSize !== 2) return null;
		target = data.labels;
	} else if (data.outputSize === 1) target = data.y;
	else return null;
	let ty = 0;
	for (let i = 0; i < n; i++) ty += target[i]!;
	const my = ty / n;
	let vy = 0;
	for (let i = 0; i < n; i++) vy += (target[i]! - my) ** 2;
	return Array.from({ length: f }, (_, j) => {
		let mx = 0;
		for (let i = 0; i < n; i++) mx += x[i * f + j]!;
		mx /= n;
		let vx = 0;
		let cov = 0;
		for (let i = 0; i < n; i++) {
			const dx = x[i * f + j]! - mx;
			vx += dx * dx;
			cov += dx * (target[i]! - my);
		}
		return vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : 0;
	});
}

/** A feature that (nearly) equals the target on the training rows: it may hold the answer itself. */
export function targetLeakWarning(
	data: TrainingArrays,
	features: readonly string[],
	target: string
): RunWarning | null {
	if (data.n < 10) return null;
	const r = correlations(data);
	if (!r) return null;
	const leaks = features.filter((_, j) => Math.abs(r[j]!) >= LEAK_CORRELATION);
	if (leaks.length === 0) return null;
	return {
		kind: 'target-leak',
		severity: 'warning',
		message: `${list(leaks)} ${leaks.length === 1 ? 'moves' : 'move'} almost exactly with ${target} on the training rows (correlation ${leaks.map((name) => figure(r[features.indexOf(name)]!)).join(', ')}).`,
		causes: [
			'A feature that is known only once the answer is known (or is the answer in other units) leaks the target: the metrics look good and new rows will not have it.'
		],
		tryThis: [
			`If ${leaks.length === 1 ? 'it is' : 'they are'} not known when predicting, drop ${list(leaks)} in the recipe.`
		],
		columns: leaks
	};
}
