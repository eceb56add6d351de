// A model ready to predict raw rows: the plan's inputs read as typed columns, the fitted recipe applied,
// the features gathered into one row-major batch, the forward pass (or nearest centroid), and one answer
// per row: { label, probabilities } for a classifier, { <target>: value } for regression, { cluster,
// distance } for clustering, or { error: "<column>: <why>" } for a row that cannot be predicted.
import { isGap, readColumns } from './columns.ts';
import type { imagePixels } from './image.ts';
import { network, type Forward } from './layers.ts';
import type { RuntimePlan } from './plan.ts';
import { rowReader } from './row-path.ts';
import { STEPS } from './steps.ts';
import { readTensor } from './weights.ts';

export { fromBase64 } from './weights.ts';

export type Prediction =
	| { label: string; probabilities: Record<string, number> }
	| { cluster: number; distance: number }
	| Record<string, number>
	| { error: string };

/** The model's raw outputs per row (probabilities, target values, or [cluster, distance]), null on error. */
export interface RawPredictions {
	outputs: (Float64Array | null)[];
	errors: (string | null)[];
}

export interface RuntimeModel {
	/** Where the forward pass runs: WebAssembly SIMD (dense networks, where allowed) or plain JS. */
	engine: 'wasm' | 'js';
	predictRaw(rows: readonly unknown[]): RawPredictions;
	predict(rows: readonly unknown[]): Prediction[];
}

const NON_FINITE = 'prediction: the model gave no finite output for this row (NaN or ±Infinity)';

function centroidsForward(plan: RuntimePlan, bytes: Uint8Array): Forward {
	if (plan.model.kind !== 'centroids') throw new Error('not a centroid model');
	const [k, width] = plan.model.centroids.shape as [number, number];
	const centres = readTensor(bytes, plan.model.centroids);
	if (width !== plan.features.length || centres.length !== k * width)
		throw new Error('the centroids do not have one number per feature');
	return (x, n) => {
		const out = new Float64Array(n * 2);
		for (let r = 0; r < n; r++) {
			let best = 0;
			let bestDistance = Infinity;
			for (let c = 0; c < k; c++) {
				let d = 0;
				for (let j = 0; j < width; j++) d += (x[r * width + j]! - centres[c * width + j]!) ** 2;
				if (d < bestDistance) [best, bestDistance] = [c, d];
			}
			out[r * 2] = best;
			out[r * 2 + 1] = Math.sqrt(bestDistance);
		}
		return out;
	};
}

/** How a row's image is read: set by graph-ops.ts where the runtime carries image input. */
export const IMAGE_INPUT: { read?: typeof imagePixels } = {};

export interface ModelOptions {
	/** false keeps the forward pass in JS (float64), as where WebAssembly cannot be compiled. */
	wasm?: boolean;
}

export function createModel(plan: RuntimePlan, bytes: Uint8Array, options: ModelOptions = {}): RuntimeModel {
	if (plan.format !== 'benchtop-runtime' || plan.version !== 1)
		throw new Error('not a Benchtop runtime plan');
	if (bytes.byteLength !== plan.weightBytes)
		throw new Error(`the weights are ${bytes.byteLength} bytes; the model needs ${plan.weightBytes}`);
	for (const step of plan.steps) if (!STEPS[step.op]) throw new Error(`recipe step ${step.op} is unknown`);
	const image = plan.image;
	const readImage = IMAGE_INPUT.read;
	if (image && !readImage) throw new Error('this runtime has no image input');
	const width = image ? image.height * image.width * image.channels : plan.features.length;
	const forward =
		plan.model.kind === 'network'
			? network(plan.model.layers, width, bytes, options.wasm !== false)
			: centroidsForward(plan, bytes);
	const outputs =
		plan.task === 'classification'
			? plan.classes!.length
			: plan.task === 'clustering'
				? 2
				: plan.targets.length;
	const required = plan.inputs.filter((c) => c.required);

	/** The outputs of the rows that have them (row-major in `y`), where each row's are, and the errors. */
	function run(rows: readonly unknown[]): { y: Float64Array; at: Int32Array; errors: (string | null)[] } {
		if (!Array.isArray(rows)) throw new TypeError('predict(rows) takes an array of row objects');
		const n = rows.length;
		if (image) {
			const x = new Float64Array(n * width);
			const at = new Int32Array(n).fill(-1);
			const errors: (string | null)[] = [];
			let count = 0;
			for (const row of rows) {
				const pixels = readImage!(row, image);
				if (typeof pixels === 'string') errors.push(pixels);
				else {
					x.set(pixels, count * width);
					at[errors.length] = count++;
					errors.push(null);
				}
			}
			return finish(x, count, at, errors);
		}
		const { columns, errors } = readColumns(rows, plan.inputs);
		// Where each required column had no value, before the steps rewrite the columns.
		const gaps = required.map((c) => Array.from(columns.get(c.name)!.values, isGap));
		for (const step of plan.steps) STEPS[step.op]!(step.params as never, step.state as never, columns, n);
		const features = plan.features.map((name) => {
			const column = columns.get(name);
			if (!column) throw new Error(`the recipe gave no column ${name}, which the model reads`);
			return column.values;
		});
		const x = new Float64Array(n * width);
		const at = new Int32Array(n).fill(-1);
		let count = 0;
		for (let i = 0; i < n; i++) {
			let ok = errors[i] === null;
			for (let j = 0; ok && j < width; j++) {
				const v = features[j]![i];
				const value = typeof v === 'number' ? v : typeof v === 'boolean' ? +v : NaN;
				if (value - value === 0) x[count * width + j] = value;
				else ok = false;
			}
			if (ok) at[i] = count++;
			else if (errors[i] === null) {
				const empty = required.filter((_, c) => gaps[c]![i]).map((c) => `${c.name}: missing`);
				errors[i] =
					empty.length > 0
						? empty.join('; ')
						: plan.features
								.filter((_, j) => !Number.isFinite(Number(features[j]![i] ?? NaN)))
								.map((name) => `${name}: no value after the recipe`)
								.join('; ');
			}
		}
		return finish(x, count, at, errors);
	}

	function finish(x: Float64Array, count: number, at: Int32Array, errors: (string | null)[]) {
		const n = at.length;
		const y = count ? forward(x.subarray(0, count * width), count) : new Float64Array(0);
		if (y.length !== count * outputs)
			throw new Error(`the model gives ${y.length / count} outputs per row; its plan says ${outputs}`);
		for (let i = 0; i < n; i++) {
			if (at[i]! < 0) continue;
			const base = at[i]! * outputs;
			for (let j = 0; j < outputs; j++)
				if (!(y[base + j]! - y[base + j]! === 0)) {
					errors[i] = NON_FINITE;
					at[i] = -1;
					break;
				}
		}
		return { y, at, errors };
	}

	// Rows the row path covers skip the columns: no per-call Map, typed arrays or closures (row-path.ts).
	const reader = image ? null : rowReader(plan);
	const single = new Float64Array(width);
	/** The outputs of rows that all went through the row path with finite answers, else null. */
	function runFast(rows: readonly unknown[]): Float64Array | null {
		if (!reader || !Array.isArray(rows)) return null;
		const n = rows.length;
		const x = n === 1 ? single : new Float64Array(n * width);
		for (let i = 0; i < n; i++) if (!reader(rows[i], x, i * width)) return null;
		const y = forward(x, n);
		// A wrong output count or a non-finite output: the column path says which row, as ever.
		if (y.length !== n * outputs) return null;
		for (let i = 0; i < y.length; i++) if (!(y[i]! - y[i]! === 0)) return null;
		return y;
	}

	const classes = plan.classes ?? [];
	/** One row's answer from its outputs at y[base…]. */
	function answer(y: Float64Array, base: number): Prediction {
		if (plan.task === 'clustering') return { cluster: y[base]!, distance: y[base + 1]! };
		if (plan.task !== 'classification') {
			const values: Record<string, number> = {};
			for (let j = 0; j < outputs; j++) values[plan.targets[j]!] = y[base + j]!;
			return values;
		}
		const probabilities: Record<string, number> = {};
		let best = 0;
		for (let j = 0; j < outputs; j++) {
			probabilities[classes[j]!] = y[base + j]!;
			if (y[base + j]! > y[base + best]!) best = j;
		}
		return { label: classes[best]!, probabilities };
	}
	return {
		engine: forward.engine ?? 'js',
		predictRaw(rows) {
			const fast = runFast(rows);
			if (fast) {
				const result = Array.from(rows, (_, i) => fast.subarray(i * outputs, (i + 1) * outputs));
				return { outputs: result, errors: new Array<null>(rows.length).fill(null) };
			}
			const { y, at, errors } = run(rows);
			const result = Array.from(at, (p) => (p < 0 ? null : y.subarray(p * outputs, (p + 1) * outputs)));
			return { outputs: result, errors };
		},
		predict(rows) {
			const fast = runFast(rows);
			if (fast) {
				const answers: Prediction[] = new Array(rows.length);
				for (let i = 0; i < answers.length; i++) answers[i] = answer(fast, i * outputs);
				return answers;
			}
			const { y, at, errors } = run(rows);
			const answers: Prediction[] = new Array(at.length);
			for (let i = 0; i < at.length; i++)
				answers[i] = at[i]! < 0 ? { error: errors[i]! } : answer(y, at[i]! * outputs);
			return answers;
		}
	};
}
