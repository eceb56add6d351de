// Wall-clock times of core operations that must stay fast on big inputs: one-hot with 100,000 categories,
// dedupe, the 70/15/15 split and the evaluation metrics on a million rows, the recipe preview. The unit
// tests check that these give the right answers; here they are timed and printed, not asserted, since a
// shared machine's load moves them. Sizes are a tenth with --quick.
import * as aq from 'arquero';
import type { ColumnType } from '../src/lib/core/table/column-types.ts';
import {
	accuracyScore,
	f1Score,
	logLoss,
	probabilityColumn,
	rocAucOvr,
	rocAucScore
} from '../src/lib/core/evaluate/index.ts';
import { previewRecipe } from '../src/lib/core/prep/preview/preview-recipe.ts';
import { validateStepParams } from '../src/lib/core/prep/recipe/index.ts';
import { type PrepTable } from '../src/lib/core/table/prep-table.ts';
import { splitRows } from '../src/lib/core/prep/split/index.ts';
import { dedupe } from '../src/lib/core/prep/steps/dedupe/index.ts';
import { encode } from '../src/lib/core/prep/steps/encode/index.ts';
import { createRandom } from '../src/lib/core/random/seeded-random.ts';
import type { Benchmark, Figure } from './types.ts';

/** Runs per figure; the fastest is reported, since on a shared machine the others measure the neighbours. */
const REPEATS = 3;

function table(columns: Record<string, { type: ColumnType; values: ArrayLike<unknown> }>): PrepTable {
	return {
		table: aq.table(new Map(Object.entries(columns).map(([name, column]) => [name, column.values]))),
		schema: Object.entries(columns).map(([name, { type }]) => ({ name, type }))
	};
}

function fastestMs(repeats: number, work: () => unknown): number {
	let best = Infinity;
	for (let i = 0; i < repeats; i++) {
		const started = performance.now();
		work();
		best = Math.min(best, performance.now() - started);
	}
	return best;
}

function encodeWork(values: string[]): () => unknown {
	const params = validateStepParams('encode', { columns: ['code'], unseen: 'ignore' }, 0) as Parameters<
		typeof encode.fit
	>[0];
	const input = table({ code: { type: 'category', values } });
	return () => encode.apply(params, encode.fit(params, input), input, 'evaluate');
}

/** Seeded three-class labels with a signal on the true class, and their probabilities. */
function scoredLabels(n: number): { yTrue: Int32Array; yPred: Int32Array; proba: Float32Array } {
	const random = createRandom(42);
	const yTrue = new Int32Array(n);
	const yPred = new Int32Array(n);
	const proba = new Float32Array(n * 3);
	for (let i = 0; i < n; i++) {
		const label = random.int(3);
		yTrue[i] = label;
		const logits = [random.normal(), random.normal(), random.normal()];
		logits[label]! += 1.5;
		const exps = logits.map(Math.exp);
		const total = exps[0]! + exps[1]! + exps[2]!;
		let best = 0;
		for (let j = 0; j < 3; j++) {
			proba[i * 3 + j] = exps[j]! / total;
			if (exps[j]! > exps[best]!) best = j;
		}
		yPred[i] = best;
	}
	return { yTrue, yPred, proba };
}

export const coreTimings: Benchmark = {
	name: 'core-timings',
	description: 'milliseconds for core operations on big inputs (encode, dedupe, split, metrics, preview)',
	async run({ quick }) {
		const repeats = quick ? 1 : REPEATS;
		const small = quick ? 10_000 : 100_000;
		const large = quick ? 100_000 : 1_000_000;
		const rowsNote = (n: number, what: string) =>
			`${n.toLocaleString('en')} rows, ${what}; fastest of ${repeats}`;
		const figures: Record<string, Figure> = {};
		const time = (key: string, note: string, work: () => unknown) => {
			figures[key] = { value: fastestMs(repeats, work), unit: 'ms', note };
		};

		const unique = Array.from({ length: small }, (_, i) => `u-${i}`);
		time('encode-distinct', rowsNote(small, 'one-hot fit + apply, every category distinct, cap 20'), () =>
			encodeWork(unique)()
		);
		const longTail = Array.from({ length: small }, (_, i) =>
			i < small / 2 ? `common-${i % 30}` : `id-${i}`
		);
		time('encode-long-tail', rowsNote(small, 'one-hot fit + apply, 30 common categories then singles'), () =>
			encodeWork(longTail)()
		);

		const dedupeParams = validateStepParams('dedupe', {}, 0) as Parameters<typeof dedupe.fit>[0];
		const repeated = table({
			x: { type: 'number', values: Array.from({ length: small }, (_, i) => i % (small / 2)) },
			y: { type: 'category', values: Array.from({ length: small }, (_, i) => `c${i % 7}`) }
		});
		time('dedupe', rowsNote(small, 'two columns, fit + apply'), () =>
			dedupe.apply(dedupeParams, dedupe.fit(dedupeParams, repeated), repeated, 'train')
		);

		const classes = ['setosa', 'versicolor', 'virginica', 'rare'];
		const splitTable = table({
			x: { type: 'number', values: Float64Array.from({ length: large }, (_, i) => i * 0.5) },
			y: {
				type: 'category',
				values: Array.from({ length: large }, (_, i) => classes[i % 97 === 0 ? 3 : i % 3]!)
			}
		});
		time('split-random', rowsNote(large, '70/15/15'), () => splitRows(splitTable, { seed: 1 }));
		time('split-stratified', rowsNote(large, '70/15/15 stratified on 4 classes'), () =>
			splitRows(splitTable, { method: 'stratified', column: 'y', seed: 1 })
		);

		const { yTrue, yPred, proba } = scoredLabels(large);
		const labels = ['a', 'b', 'c'];
		time('metric-accuracy', rowsNote(large, '3 classes'), () => accuracyScore(yTrue, yPred));
		time('metric-f1-macro', rowsNote(large, '3 classes'), () => f1Score(yTrue, yPred, labels));
		const scores = probabilityColumn(proba, 3, 1);
		time('metric-roc-auc', rowsNote(large, 'binary, one class against the rest'), () =>
			rocAucScore(yTrue, scores, 1)
		);
		time('metric-roc-auc-ovr', rowsNote(large, 'one-vs-rest macro, 3 classes'), () =>
			rocAucOvr(yTrue, proba, labels)
		);
		time('metric-log-loss', rowsNote(large, '3 classes'), () => logLoss(yTrue, proba, labels));

		const previewInput = {
			table: aq.table({
				id: Array.from({ length: small }, (_, i) => `user-${i}`),
				x: Float64Array.from({ length: small }, (_, i) => i % 10)
			}),
			schema: [
				{ name: 'id', type: 'category' as const },
				{ name: 'x', type: 'number' as const }
			]
		};
		time('preview-one-hot', rowsNote(small, 'recipe preview of one-hot on distinct ids, cap 20'), () =>
			previewRecipe(
				{
					version: 1,
					steps: [
						{ op: 'encode', params: { columns: ['id'], method: 'one-hot', maxLevels: 20 }, enabled: true }
					]
				},
				previewInput
			)
		);
		return figures;
	}
};
