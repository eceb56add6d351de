// What quantising costs, measured: each variant's weights are planned, run through the edge runtime itself
// on the test split's raw rows, and scored against the true targets (classification: accuracy and log
// loss; regression: RMSE and R² averaged over the targets; clustering: the share of rows kept in the same
// cluster as float32, and the mean distance to the centre). `change` is the variant's metric minus float32's.
import type { ModelBundle } from '../predict/model-bundle.ts';
import { createModel } from '../../runtime/image-index.ts';
import { runtimePlan } from './runtime-plan.ts';
import { QUANTIZATIONS, type Quantization } from './weight-writer.ts';

export type TestRows = readonly Record<string, unknown>[];

export interface VariantReport {
	quantize: Quantization;
	weightBytes: number;
	/** Rows scored (those with a prediction and a true value); 0 without test rows. */
	rows: number;
	metrics: Record<string, number> | null;
	change: Record<string, number> | null;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

function score(
	model: ModelBundle,
	rows: TestRows,
	outputs: (Float64Array | null)[],
	reference: (Float64Array | null)[]
): { rows: number; metrics: Record<string, number> } {
	const truth = (i: number, target: string) => {
		const v = rows[i]![target];
		return typeof v === 'string' ? v.trim() : v;
	};
	const scored = outputs.map((_, i) => i).filter((i) => outputs[i] !== null);
	if (model.task === 'clustering') {
		const same = scored.filter((i) => reference[i] && reference[i]![0] === outputs[i]![0]).length;
		return {
			rows: scored.length,
			metrics: { agreement: same / scored.length, meanDistance: mean(scored.map((i) => outputs[i]![1]!)) }
		};
	}
	if (model.task === 'classification') {
		const classes = model.classes ?? [];
		const known = scored.filter((i) => classes.includes(String(truth(i, model.targets[0]!))));
		const probability = (i: number) => outputs[i]![classes.indexOf(String(truth(i, model.targets[0]!)))]!;
		const correct = known.filter((i) => {
			const o = outputs[i]!;
			return o.indexOf(Math.max(...o)) === classes.indexOf(String(truth(i, model.targets[0]!)));
		});
		return {
			rows: known.length,
			metrics: {
				accuracy: correct.length / known.length,
				logLoss: mean(known.map((i) => -Math.log(Math.min(1 - 1e-15, Math.max(1e-15, probability(i))))))
			}
		};
	}
	const perTarget = model.targets.map((target, j) => {
		const pairs = scored
			.map((i) => [Number(truth(i, target)), outputs[i]![j]!] as const)
			.filter(([y]) => Number.isFinite(y));
		const average = mean(pairs.map(([y]) => y));
		const sse = pairs.reduce((s, [y, p]) => s + (y - p) ** 2, 0);
		const sst = pairs.reduce((s, [y]) => s + (y - average) ** 2, 0);
		return { rows: pairs.length, rmse: Math.sqrt(sse / pairs.length), r2: sst > 0 ? 1 - sse / sst : NaN };
	});
	return {
		rows: Math.min(...perTarget.map((t) => t.rows)),
		metrics: { rmse: mean(perTarget.map((t) => t.rmse)), r2: mean(perTarget.map((t) => t.r2)) }
	};
}

export async function measureVariants(model: ModelBundle, rows?: TestRows): Promise<VariantReport[]> {
	const reports: VariantReport[] = [];
	let reference: (Float64Array | null)[] = [];
	let base: Record<string, number> | null = null;
	for (const quantize of QUANTIZATIONS) {
		const { plan, weights } = await runtimePlan(model, quantize);
		if (!rows || rows.length === 0) {
			reports.push({ quantize, weightBytes: weights.byteLength, rows: 0, metrics: null, change: null });
			continue;
		}
		const outputs = createModel(plan, weights).predictRaw(rows).outputs;
		if (quantize === 'none') reference = outputs;
		const scored = score(model, rows, outputs, reference);
		base ??= scored.metrics;
		const change = Object.fromEntries(Object.entries(scored.metrics).map(([k, v]) => [k, v - base![k]!]));
		reports.push({
			quantize,
			weightBytes: weights.byteLength,
			rows: scored.rows,
			metrics: scored.metrics,
			change
		});
	}
	return reports;
}
