// The row path (runtime/row-path.ts) gives exactly the features the column path gives (readColumns, the
// recipe's STEPS, the gather in predict.ts) for every row it accepts, on a plan using every numeric step
// and on plans of categories (impute, one-hot and ordinal encoding with every `unseen` rule, folded
// levels, numbers encoded as categories); it accepts ordinary rows, hands odd ones to the column path,
// and gives no reader for plans with dates or booleans in play. Rows are drawn at random (fast-check)
// from numbers, gaps, infinities, numeric and other text, booleans, dates and category values. A model's
// answer for a lone row (the row path) is bit-identical to its answer in a batch the column path takes.
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

	it('gives no reader where dates or booleans are in play, or a category reaches the model unencoded', () => {
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
		const booleanFill = {
			...PLAN,
			features: ['a'],
			steps: [
				{ op: 'impute', params: { columns: ['flag'] }, state: { fills: [{ column: 'flag', value: true }] } }
			]
		};
		expect(rowReader(booleanFill)).toBeNull();
		const scaledCategory = {
			...PLAN,
			features: ['a'],
			steps: [
				{
					op: 'scale',
					params: { columns: ['kind'] },
					state: { columns: [{ column: 'kind', center: 0, scale: 1 }] }
				}
			]
		};
		expect(rowReader(scaledCategory)).toBeNull();
		expect(rowReader({ ...PLAN, features: ['a', 'kind'] })).toBeNull();
	});
});

/** A penguins-like plan: categories with gaps filled (one with an indicator), encoded one-hot and ordinal
 * under each `unseen` rule, an integer encoded as a category, and numbers beside them, some scaled. */
function categoryPlan(method: 'one-hot' | 'ordinal', unseen: 'other' | 'ignore' | 'missing'): RuntimePlan {
	const levels = (name: string, kept: string[], folded: string[]) => ({
		name,
		levels: kept,
		foldedCount: folded.length,
		folded: unseen === 'other' ? [] : folded
	});
	const encoded = (name: string, kept: string[], folded: string[]) =>
		method === 'ordinal'
			? [name]
			: [...kept.map((l) => `${name}=${l}`), ...(folded.length ? [`${name}_other`] : [])];
	const island = ['Biscoe', 'Dream'];
	const sex = ['FEMALE', 'MALE'];
	const code = ['1', '2', '3'];
	return {
		format: 'benchtop-runtime',
		version: 1,
		task: 'classification',
		inputs: [
			{ name: 'Island', type: 'category', required: true },
			{ name: 'Sex', type: 'category', required: false },
			{ name: 'Bill', type: 'number', required: false },
			{ name: 'Mass', type: 'integer', required: true },
			{ name: 'Code', type: 'integer', required: false },
			{ name: 'Note', type: 'text', required: false },
			{ name: 'Species', type: 'category', required: false }
		],
		targets: ['Species'],
		classes: ['Adelie', 'Gentoo'],
		features: [
			'Bill',
			'Mass',
			...encoded('Island', island, ['Torgersen']),
			...encoded('Sex', sex, []),
			'Sex_missing',
			...encoded('Code', code, ['4']),
			...encoded('Note', ['x'], [])
		],
		steps: [
			{ op: 'drop', params: { columns: ['Species'] }, state: null },
			{
				op: 'impute',
				params: { columns: ['Bill', 'Note'], strategy: 'most-frequent', indicator: false },
				state: {
					fills: [
						{ column: 'Bill', value: 44.5 },
						{ column: 'Note', value: 'x' }
					]
				}
			},
			{
				op: 'impute',
				params: { columns: ['Sex'], strategy: 'most-frequent', indicator: true },
				state: { fills: [{ column: 'Sex', value: 'MALE' }] }
			},
			{
				op: 'encode',
				params: { columns: ['Island', 'Sex', 'Code', 'Note'], method, maxLevels: 20, unseen },
				state: {
					columns: [
						levels('Island', island, ['Torgersen']),
						levels('Sex', sex, []),
						levels('Code', code, ['4']),
						levels('Note', ['x'], [])
					]
				}
			},
			{
				op: 'scale',
				params: { columns: ['Bill', 'Mass'], method: 'standard' },
				state: {
					columns: [
						{ column: 'Bill', center: 43.9, scale: 5.4 },
						{ column: 'Mass', center: 4200, scale: 800 }
					]
				}
			}
		],
		model: { kind: 'centroids', centroids: { offset: 0, shape: [1, 1], dtype: 'float32' } },
		weightBytes: 4
	};
}

const categoryValue = fc.oneof(
	{
		arbitrary: fc.constantFrom('Biscoe', 'Dream', 'Torgersen', 'FEMALE', 'MALE', '1', '2', '3', '4', 'x'),
		weight: 10
	},
	fc.constantFrom(1, 2, 3, 4, 2.5, -0, ' Dream ', 'dream', 'Atlantis', ' x', 'X', '', 'NA', 'null', '?'),
	fc.constantFrom(null, undefined, NaN, Infinity, true, new Date(0), '3.0', '1e0', 40, '4200', 4150)
);

describe('row path with categories', () => {
	const combos = (['one-hot', 'ordinal'] as const).flatMap((method) =>
		(['other', 'ignore', 'missing'] as const).map((unseen) => [method, unseen] as const)
	);
	it.each(combos)(
		'%s, unseen %s: the column path’s features exactly for every row it accepts',
		(method, unseen) => {
			const plan = categoryPlan(method, unseen);
			const reader = rowReader(plan);
			expect(reader).toBeTypeOf('function');
			// Mostly each column's own levels (so rows pass even where unseen values are gaps), and odd values.
			const known: Record<string, unknown[]> = {
				Island: ['Biscoe', 'Dream', 'Torgersen'],
				Sex: ['FEMALE', 'MALE', null],
				Code: [1, 2, 3, '4'],
				Note: ['x', '']
			};
			const rows = fc.record(
				Object.fromEntries(
					plan.inputs.map((c) => [
						c.name,
						fc.oneof(
							{ arbitrary: known[c.name] ? fc.constantFrom(...known[c.name]!) : value, weight: 12 },
							categoryValue,
							value
						)
					])
				) as Record<string, fc.Arbitrary<unknown>>,
				{ requiredKeys: [] }
			);
			let accepted = 0;
			let answered = 0;
			fc.assert(
				fc.property(rows, (r) => {
					const x = new Float64Array(plan.features.length + 1).fill(-1);
					const ok = reader!(r, x, 1);
					const expected = columnPath(plan, r);
					if (expected) answered++;
					if (ok) {
						accepted++;
						expect(expected).not.toBeNull();
						expect(Array.from(x.subarray(1))).toEqual(expected);
						expect(x[0]).toBe(-1);
					} else expect(expected).toBeNull();
				}),
				{ numRuns: 2000, seed: 16 }
			);
			// Every row the column path answers goes the row path's way (no dates or booleans here).
			expect(answered).toBeGreaterThan(100);
			expect(accepted).toBe(answered);
		}
	);

	it('reads a penguins row, fills its gap and encodes it as the column path does', () => {
		const plan = categoryPlan('one-hot', 'other');
		const reader = rowReader(plan)!;
		const x = new Float64Array(plan.features.length);
		const row = { Island: 'Torgersen', Sex: 'NA', Bill: '39.1', Mass: 3750, Code: 2, Species: 'Adelie' };
		expect(reader(row, x, 0)).toBe(true);
		expect(Array.from(x)).toEqual(columnPath(plan, row));
		// Island: Torgersen was folded into other; Sex: a gap, filled with MALE, its indicator set.
		const at = (name: string) => x[plan.features.indexOf(name)];
		expect([at('Island=Biscoe'), at('Island=Dream'), at('Island_other')]).toEqual([0, 0, 1]);
		expect([at('Sex=FEMALE'), at('Sex=MALE'), at('Sex_missing')]).toEqual([0, 1, 1]);
		expect([at('Code=1'), at('Code=2'), at('Code=3'), at('Code_other')]).toEqual([0, 1, 0, 0]);
		expect(reader({ ...row, Mass: 'heavy' }, x, 0)).toBe(false); // unreadable: the column path names it
		expect(reader({ ...row, Mass: null }, x, 0)).toBe(false); // a required gap: the column path says so
	});

	it('leaves a category no step reads unread', () => {
		const plan = categoryPlan('ordinal', 'ignore');
		const dropped = { ...plan, steps: plan.steps.filter((s) => s.op !== 'drop') };
		const read: string[] = [];
		const row = new Proxy(
			{ Island: 'Dream', Sex: 'FEMALE', Bill: 40, Mass: 4000, Code: 1, Note: 'x', Species: 'Adelie' },
			{
				has: (target, key) => (read.push(String(key)), key in target),
				getOwnPropertyDescriptor: (target, key) => (
					read.push(String(key)),
					Reflect.getOwnPropertyDescriptor(target, key)
				)
			}
		);
		expect(rowReader(dropped)!(row, new Float64Array(dropped.features.length), 0)).toBe(true);
		expect(read).not.toContain('Species');
		expect(read).toContain('Island');
	});
});

/** A dense network with random float32 weights: widths 20 and 7 are not multiples of 16 (or of 4). */
function randomNetwork(seed: number, sizes = [3, 20, 7, 3]): { plan: RuntimePlan; bytes: Uint8Array } {
	let state = seed;
	const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
	const floats: number[] = [];
	const tensor = (shape: number[]) => {
		const ref = { offset: floats.length * 4, shape, dtype: 'float32' as const };
		for (let i = 0; i < shape.reduce((a, b) => a * b, 1); i++) floats.push(random());
		return ref;
	};
	const activations = sizes
		.slice(1)
		.map(
			(_, i) => (i === sizes.length - 2 ? 'softmax' : i % 2 ? 'tanh' : 'relu') as 'relu' | 'tanh' | 'softmax'
		);
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
	it('answers a lone penguins row bit-identically to that row in a batch the column path takes', () => {
		const plan = categoryPlan('one-hot', 'other');
		const width = plan.features.length;
		const { plan: net, bytes } = randomNetwork(11, [width, 16, 2]);
		const model: RuntimePlan = { ...plan, model: net.model, weightBytes: bytes.byteLength };
		for (const wasm of [true, false]) {
			const runtime = createModel(model, bytes, { wasm });
			const rows = [
				{ Island: 'Dream', Sex: 'FEMALE', Bill: 46.5, Mass: 3800, Code: 3 },
				{ Island: 'Torgersen', Sex: null, Bill: '', Mass: '3750', Code: '4' },
				{ Island: 'Biscoe', Sex: 'MALE', Bill: 50.1, Mass: 5600 }
			];
			// A row the row path refuses (null) sends the whole batch down the column path.
			const batch = runtime.predictRaw([...rows, null]);
			expect(batch.errors[3]).toBe('row: not an object of column values');
			rows.forEach((row, i) =>
				expect(Array.from(runtime.predictRaw([row]).outputs[0]!)).toEqual(Array.from(batch.outputs[i]!))
			);
		}
	});

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
