// A model ready to predict raw rows: the plan's inputs read as typed columns, the fitted recipe applied,
// the features gathered into one row-major batch, the forward pass (or nearest centroid), and one answer
// per row: { label, probabilities } for a classifier, { <target>: value } for regression, { cluster,
// distance } for clustering, or { error: "<column>: <why>" } for a row that cannot be predicted.
import { isGap, readColumns } from './columns.ts';
import { network, type Forward } from './layers.ts';
import type { RuntimePlan } from './plan.ts';
import { STEPS } from './steps.ts';
import { readTensor } from './weights.ts';

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

export function createModel(plan: RuntimePlan, bytes: Uint8Array): RuntimeModel {
	if (plan.format !== 'benchtop-runtime' || plan.version !== 1)
		throw new Error('not a Benchtop runtime plan');
	if (bytes.byteLength !== plan.weightBytes)
		throw new Error(`the weights are ${bytes.byteLength} bytes; the model needs ${plan.weightBytes}`);
	for (const step of plan.steps) if (!STEPS[step.op]) throw new Error(`recipe step ${step.op} is unknown`);
	const forward =
		plan.model.kind === 'network'
			? network(plan.model.layers, plan.features.length, bytes)
			: centroidsForward(plan, bytes);
	const width = plan.features.length;
	const outputs =
		plan.task === 'classification'
			? plan.classes!.length
			: plan.task === 'clustering'
				? 2
				: plan.targets.length;
	const required = plan.inputs.filter((c) => c.required);

	function predictRaw(rows: readonly unknown[]): RawPredictions {
		if (!Array.isArray(rows)) throw new TypeError('predict(rows) takes an array of row objects');
		const n = rows.length;
		const { columns, errors } = readColumns(rows, plan.inputs);
		const raw = required.map((c) => columns.get(c.name)!.values);
		for (const step of plan.steps) STEPS[step.op]!(step.params as never, step.state as never, columns, n);
		const x = new Float64Array(n * width);
		const features = plan.features.map((name) => {
			const column = columns.get(name);
			if (!column) throw new Error(`the recipe gave no column ${name}, which the model reads`);
			return column.values;
		});
		const good: number[] = [];
		for (let i = 0; i < n; i++) {
			let ok = errors[i] === null;
			for (let j = 0; ok && j < width; j++) {
				const v = features[j]![i];
				const value = typeof v === 'number' ? v : typeof v === 'boolean' ? +v : NaN;
				if (Number.isFinite(value)) x[good.length * width + j] = value;
				else ok = false;
			}
			if (ok) good.push(i);
			else if (errors[i] === null) {
				const empty = required.filter((_, c) => isGap(raw[c]![i])).map((c) => `${c.name}: missing`);
				errors[i] =
					empty.length > 0
						? empty.join('; ')
						: plan.features
								.filter((_, j) => !Number.isFinite(Number(features[j]![i] ?? NaN)))
								.map((name) => `${name}: no value after the recipe`)
								.join('; ');
			}
		}
		const y = good.length ? forward(x.subarray(0, good.length * width), good.length) : new Float64Array(0);
		if (y.length !== good.length * outputs)
			throw new Error(`the model gives ${y.length / good.length} outputs per row; its plan says ${outputs}`);
		const result: (Float64Array | null)[] = new Array(n).fill(null);
		good.forEach((row, i) => {
			const out = y.subarray(i * outputs, (i + 1) * outputs);
			if (out.every(Number.isFinite)) result[row] = out;
			else errors[row] = NON_FINITE;
		});
		return { outputs: result, errors };
	}

	return {
		predictRaw,
		predict(rows) {
			const { outputs: out, errors } = predictRaw(rows);
			return out.map((o, i): Prediction => {
				if (!o) return { error: errors[i]! };
				if (plan.task === 'clustering') return { cluster: o[0]!, distance: o[1]! };
				if (plan.task !== 'classification') {
					const values: Record<string, number> = {};
					plan.targets.forEach((t, j) => (values[t] = o[j]!));
					return values;
				}
				const classes = plan.classes!;
				let best = 0;
				const probabilities: Record<string, number> = {};
				classes.forEach((c, j) => {
					probabilities[c] = o[j]!;
					if (o[j]! > o[best]!) best = j;
				});
				return { label: classes[best]!, probabilities };
			});
		}
	};
}

/** model.bin's bytes from the single-file variant's base64 text (atob is in every runtime the bundle targets). */
export function fromBase64(text: string): Uint8Array {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}
