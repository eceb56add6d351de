// Wall-clock times of core operations that must stay fast on big inputs: one-hot with 100,000 categories,
// dedupe, the 70/15/15 split and the evaluation metrics on a million rows, the recipe preview, a 5 MB CSV
// field and an 8 MB JSON line, the data view's sort of a million rows, k-means on 100,000 rows. The unit
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
import { importTable } from '../src/lib/core/data/import/import-table.ts';
import { viewOrder } from '../src/lib/core/data/view/view-order.ts';
import type { Points } from '../src/lib/core/metrics/clustering.ts';
import { fitKMeans } from '../src/lib/core/models/kmeans/kmeans.ts';
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

async function fastestAsyncMs(repeats: number, work: () => Promise<unknown>): Promise<number> {
	let best = Infinity;
	for (let i = 0; i < repeats; i++) {
		const started = performance.now();
		await work();
		best = Math.min(best, performance.now() - started);
	}
	return best;
}

/** Seeded points around `centres` centres, row-major, for the k-means figure. */
function clusteredPoints(rows: number, width: number, centres: number): Points {
	const random = createRandom(21);
	const middles = Array.from({ length: centres * width }, () => random.normal() * 10);
	const data = new Float64Array(rows * width);
	for (let i = 0; i < rows; i++) {
		const c = i % centres;
		for (let j = 0; j < width; j++) data[i * width + j] = middles[c * width + j]! + random.normal();
	}
	return { data, width };
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
	description:
		'milliseconds for core operations on big inputs (encode, dedupe, split, metrics, preview, long fields, sort, k-means)',
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

		// Inputs that a quadratic parser or sort would choke on; the unit tests check the answers.
		const field = 'x'.repeat(quick ? 500_000 : 5_000_000);
		figures['parse-long-field'] = {
			value: await fastestAsyncMs(repeats, () =>
				importTable(`a,b\n1,"${field}"\n2,y\n`, { fileName: 'a.csv' })
			),
			unit: 'ms',
			note: `a CSV with one quoted field of ${field.length.toLocaleString('en')} characters; fastest of ${repeats}`
		};
		const line = JSON.stringify({ id: 1, note: 'x'.repeat(quick ? 800_000 : 8_000_000) });
		figures['jsonl-long-line'] = {
			value: await fastestAsyncMs(repeats, () =>
				importTable(`${line}\n{"id": 2, "note": "y"}\n`, { fileName: 'a.jsonl' })
			),
			unit: 'ms',
			note: `JSON Lines with one line of ${line.length.toLocaleString('en')} characters; fastest of ${repeats}`
		};
		const sortValues = Float64Array.from({ length: large }, (_, i) => (i * 7919) % 1000);
		time('view-order', rowsNote(large, 'the data view sorted on one number column'), () =>
			viewOrder(large, { v: sortValues }, { sort: { column: 'v', descending: false } })
		);
		const points = clusteredPoints(small, 10, 8);
		time('kmeans', rowsNote(small, '10 columns, k = 8, 10 restarts'), () =>
			fitKMeans(points, { k: 8, restarts: 10, maxIterations: 300 }, 1)
		);
		return figures;
	}
};
