// The row path (runtime/row-path.ts) gives exactly the features the column path gives (readColumns, the
// recipe's STEPS, the gather in predict.ts) for every row it accepts, on a plan using every step it
// covers; it accepts ordinary rows, hands odd ones to the column path, and gives no reader for plans with
// categories or dates in play. Rows are drawn at random (fast-check) from numbers, gaps, infinities,
// numeric and other text, booleans and dates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readColumns } from '../../../src/lib/runtime/columns.ts';
import type { RuntimePlan } from '../../../src/lib/runtime/plan.ts';
import { createModel } from '../../../src/lib/runtime/predict.ts';
import { rowReader } from '../../../src/lib/runtime/row-path.ts';
import { STEPS } from '../../../src/lib/runtime/steps.ts';

const col = (name: string) => ({ type: 'column' as const, name });

/** Numeric inputs through every step the row path covers; a category, a boolean and a date left unread. */
const PLAN: RuntimePlan = {
	format: 'benchtop-runtime',
	version: 1,
	task: 'regression',
	inputs: [
		{ name: 'id', type: 'integer', required: false },
		{ name: 'a', type: 'number', required: true },
		{ name: 'b', type: 'integer', required: false },
		{ name: 'c', type: 'number', required: false },
		{ name: 'kind', type: 'category', required: false },
		{ name: 'flag', type: 'boolean', required: false },
		{ name: 'when', type: 'date', required: false },
		{ name: 'y', type: 'number', required: false }
	],
	targets: ['y'],
	classes: null,
	features: ['a', 'b', 'c', 'c_missing', 'ratio', 'd'],
	steps: [
		{ op: 'drop', params: { columns: ['id'] }, state: null },
		{
			op: 'impute',
			params: { columns: ['b', 'c'], strategy: 'median', indicator: true },
			state: {
				fills: [
					{ column: 'b', value: 3 },
					{ column: 'c', value: 0.5 }
				]
			}
		},
		{
			op: 'derive',
			params: { name: 'ratio', formula: 'round(a / b, 2) + log1p(max(c, 1))' },
			state: {
				tree: {
					type: 'binary',
					op: '+',
					left: {
						type: 'call',
						fn: 'round',
						args: [
							{ type: 'binary', op: '/', left: col('a'), right: col('b') },
							{ type: 'number', value: 2 }
						]
					},
					right: {
						type: 'call',
						fn: 'log1p',
						args: [{ type: 'call', fn: 'max', args: [col('c'), { type: 'number', value: 1 }] }]
					}
				}
			}
		},
		{
			op: 'derive',
			params: { name: 'd', formula: 'a * 2' },
			state: { tree: { type: 'binary', op: '*', left: col('a'), right: { type: 'number', value: 2 } } }
		},
		{
			op: 'clip',
			params: { columns: ['b'], lower: 0, upper: 10 },
			state: { columns: [{ column: 'b', lower: 0, upper: 10 }] }
		},
		{
			op: 'transform',
			params: { columns: ['a'], method: 'yeo-johnson' },
			state: { columns: [{ column: 'a', lambda: 0.7 }] }
		},
		{ op: 'transform', params: { columns: ['c'], method: 'log1p' }, state: { columns: [{ column: 'c' }] } },
		{
			op: 'bin',
			params: { columns: ['d'], bins: 3 },
			state: { columns: [{ column: 'd', edges: [-5, 0, 4, 20] }] }
		},
		{
			op: 'scale',
			params: { columns: ['a', 'b'], method: 'standard' },
			state: {
				columns: [
					{ column: 'a', center: 1.5, scale: 2 },
					{ column: 'b', center: 4, scale: 0.25 }
				]
			}
		}
	],
	model: { kind: 'centroids', centroids: { offset: 0, shape: [1, 6], dtype: 'float32' } },
	weightBytes: 24
};

/** The column path's features for one row, or null where it leaves the row without a prediction. */
function columnPath(plan: RuntimePlan, row: unknown): number[] | null {
	const { columns, errors } = readColumns([row], plan.inputs);
	for (const step of plan.steps) STEPS[step.op]!(step.params as never, step.state as never, columns, 1);
	if (errors[0] !== null) return null;
	const out: number[] = [];
	for (const name of plan.features) {
		const v = columns.get(name)!.values[0];
		const value = typeof v === 'number' ? v : typeof v === 'boolean' ? +v : NaN;
		if (!Number.isFinite(value)) return null;
		out.push(value);
	}
	return out;
}

// Mostly plain numbers (so many rows pass), and every odd kind of value too.
const value = fc.oneof(
	{ arbitrary: fc.double({ min: -50, max: 50, noNaN: true }), weight: 8 },
	{ arbitrary: fc.integer({ min: -20, max: 20 }), weight: 8 },
	fc.constantFrom(NaN, Infinity, -Infinity, -0, null, undefined, '', 'NA', ' 4.5 ', '7', 'inf', 'abc'),
	fc.constantFrom(true, false, 'yes', new Date(Date.UTC(2024, 0, 31)), '2024-01-31', 1.7e12)
);
const row = fc.record(
	Object.fromEntries(PLAN.inputs.map((c) => [c.name, value])) as Record<string, typeof value>,
	{ requiredKeys: [] }
);

describe('row path', () => {
	const reader = rowReader(PLAN)!;

	it('compiles a plan of numeric steps', () => {
		expect(reader).toBeTypeOf('function');
	});

	it('gives the column path’s features exactly for every row it accepts', () => {
		let accepted = 0;
		let answered = 0;
		fc.assert(
			fc.property(row, (r) => {
				const x = new Float64Array(PLAN.features.length + 2).fill(-1);
				const ok = reader(r, x, 2);
				const expected = columnPath(PLAN, r);
				if (expected) answered++;
				if (ok) {
					accepted++;
					expect(expected).not.toBeNull();
					expect(Array.from(x.subarray(2))).toEqual(expected);
					expect(Array.from(x.subarray(0, 2))).toEqual([-1, -1]); // only its own place is written
				}
			}),
			{ numRuns: 3000, seed: 16 }
		);
		// Nearly every row the column path answers goes the fast way (dates as text are left to it).
		expect(answered).toBeGreaterThan(100);
		expect(accepted).toBeGreaterThanOrEqual(answered * 0.9);
	});

	it('accepts ordinary rows: numbers, numeric text and gaps the recipe fills', () => {
		const x = new Float64Array(PLAN.features.length);
		const ordinary = { id: 1, a: 2.5, b: '4', c: 'NA', kind: 'red', flag: true, when: new Date(0), y: 3 };
		expect(reader(ordinary, x, 0)).toBe(true);
		expect(Array.from(x)).toEqual(columnPath(PLAN, ordinary));
		expect(reader({ a: 1 }, x, 0)).toBe(true);
	});

	it('hands rows the column path must answer back to it', () => {
		const x = new Float64Array(PLAN.features.length);
		expect(reader(null, x, 0)).toBe(false);
		expect(reader([1, 2], x, 0)).toBe(false);
		expect(reader({ a: 'abc' }, x, 0)).toBe(false); // unreadable: the column path names it
		expect(reader({ a: null }, x, 0)).toBe(false); // no value after the recipe: the column path says so
		expect(reader({ a: 1, b: 2.5 }, x, 0)).toBe(false); // not a whole number
		expect(reader({ a: 1, flag: 'maybe' }, x, 0)).toBe(false); // an unread column's bad value
	});

	it('gives no reader where categories or dates are in play', () => {
		const encode = {
			...PLAN,
			features: ['a', 'kind=red'],
			steps: [{ op: 'encode', params: { method: 'one-hot' }, state: { columns: [] } }]
		};
		expect(rowReader(encode)).toBeNull();
		const dateParts = {
			...PLAN,
			steps: [{ op: 'date-parts', params: { columns: ['when'], parts: ['year'] }, state: null }]
		};
		expect(rowReader(dateParts)).toBeNull();
		const categoryFill = {
			...PLAN,
			steps: [
				{ op: 'impute', params: { columns: ['kind'] }, state: { fills: [{ column: 'kind', value: 'red' }] } }
			]
		};
		expect(rowReader(categoryFill)).toBeNull();
		expect(rowReader({ ...PLAN, features: ['a', 'kind'] })).toBeNull();
	});
});

/** A dense network with random float32 weights: widths 20 and 7 are not multiples of 16 (or of 4). */
function randomNetwork(seed: number): { plan: RuntimePlan; bytes: Uint8Array } {
	let state = seed;
	const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
	const sizes = [3, 20, 7, 3];
	const floats: number[] = [];
	const tensor = (shape: number[]) => {
		const ref = { offset: floats.length * 4, shape, dtype: 'float32' as const };
		for (let i = 0; i < shape.reduce((a, b) => a * b, 1); i++) floats.push(random());
		return ref;
	};
	const activations = ['relu', 'tanh', 'softmax'] as const;
	const layers = activations.map((activation, i) => ({
		op: 'dense' as const,
		units: sizes[i + 1]!,
		activation,
		kernel: tensor([sizes[i]!, sizes[i + 1]!]),
		bias: tensor([sizes[i + 1]!])
	}));
	const bytes = new Uint8Array(Float32Array.from(floats).buffer);
	const plan: RuntimePlan = {
		format: 'benchtop-runtime',
		version: 1,
		task: 'classification',
		inputs: ['a', 'b', 'c'].map((name) => ({ name, type: 'number' as const, required: true })),
		targets: ['y'],
		classes: ['p', 'q', 'r'],
		features: ['a', 'b', 'c'],
		steps: [],
		model: { kind: 'network', layers },
		weightBytes: bytes.byteLength
	};
	return { plan, bytes };
}

describe('one row at a time', () => {
	it('gives what the batch gives, in WebAssembly and in JS, within float32 precision', () => {
		const { plan, bytes } = randomNetwork(7);
		const wasm = createModel(plan, bytes);
		const js = createModel(plan, bytes, { wasm: false });
		expect(wasm.engine).toBe('wasm');
		const rows = Array.from({ length: 23 }, (_, i) => ({ a: i / 3 - 4, b: Math.sin(i) * 5, c: i % 4 }));
		const batch = wasm.predictRaw(rows).outputs;
		const reference = js.predictRaw(rows).outputs;
		rows.forEach((row, i) => {
			const single = wasm.predictRaw([row]).outputs[0]!;
			// The lone-row kernel sums each unit in the batch kernel's order: the same float32 numbers.
			expect(Array.from(single)).toEqual(Array.from(batch[i]!));
			Array.from(single).forEach((p, j) => expect(p).toBeCloseTo(reference[i]![j]!, 5));
			expect(js.predictRaw([row]).outputs[0]).toEqual(reference[i]);
		});
		// A kept answer is not overwritten by the next call.
		const first = wasm.predictRaw([rows[0]]).outputs[0]!;
		const copy = Array.from(first);
		wasm.predict([rows[1]]);
		expect(Array.from(first)).toEqual(copy);
	});
});
