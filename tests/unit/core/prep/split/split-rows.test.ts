import { describe, expect, it } from 'vitest';
import { splitRows } from '../../../../../src/lib/core/prep/split/index.ts';
import { BenchtopError } from '../../../../../src/lib/core/errors.ts';
import { readLabels } from '../../../../../src/lib/core/table/read-column.ts';
import { loadSample } from '../../data/profile/load-sample.ts';
import { expectPartition, makeTable } from './make-table.ts';

const iris = loadSample('iris.csv'); // columns: sepal_length … species
const penguins = loadSample('penguins.csv');

function messageOf(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(BenchtopError);
		return (error as BenchtopError).message;
	}
	throw new Error('expected a BenchtopError');
}

function numbered(n: number) {
	return makeTable({ id: { type: 'integer', values: Int32Array.from({ length: n }, (_, i) => i) } });
}

describe('splitRows: random', () => {
	it('partitions every row, with the counts of the rule', () => {
		const split = splitRows(numbered(1000), { seed: 1 });
		expectPartition([split.train, split.validation, split.test], 1000);
		expect(split.record.counts).toEqual({ train: 700, validation: 150, test: 150 });
		expect(split.record).toMatchObject({
			method: 'random',
			train: 0.7,
			validation: 0.15,
			test: 0.15,
			seed: 1
		});
		expect(split.record.excludedRows).toBe(0);
		expect(split.record.warnings).toEqual([]);
		expect(split.record.column).toBeUndefined();
	});

	it('is the same for the same seed and different for another', () => {
		const a = splitRows(numbered(500), { seed: 9 });
		const b = splitRows(numbered(500), { seed: 9 });
		const c = splitRows(numbered(500), { seed: 10 });
		expect(b).toEqual(a);
		expect(b.record.indicesHash).toBe(a.record.indicesHash);
		expect(c.record.indicesHash).not.toBe(a.record.indicesHash);
		expect(Array.from(c.test)).not.toEqual(Array.from(a.test));
	});

	it('actually shuffles: test rows come from the whole table', () => {
		const { test } = splitRows(numbered(10_000), { seed: 5 });
		const firstHalf = Array.from(test).filter((row) => row < 5000).length;
		expect(firstHalf / test.length).toBeGreaterThan(0.45);
		expect(firstHalf / test.length).toBeLessThan(0.55);
	});

	it('warns when the table is too small for every split', () => {
		const split = splitRows(numbered(2), {});
		expect(split.record.counts).toEqual({ train: 1, validation: 0, test: 1 });
		expect(split.record.warnings).toEqual([
			'The validation split is empty: 2 rows are too few to give every split one.'
		]);
	});
});

describe('splitRows: stratified', () => {
	it('keeps iris species shares equal across splits', () => {
		const split = splitRows(iris, { method: 'stratified', column: 'species', seed: 3 });
		expectPartition([split.train, split.validation, split.test], 150);
		expect(split.record.counts).toEqual({ train: 104, validation: 23, test: 23 });
		const species = readLabels(iris.table, 'species');
		for (const name of ['train', 'validation', 'test'] as const) {
			const rows = split[name];
			for (const label of new Set(species)) {
				const count = Array.from(rows).filter((row) => species[row] === label).length;
				// Each class: within one row of 50 × (split size / 150).
				expect(Math.abs(count - (50 * rows.length) / 150), `${name} ${label}`).toBeLessThan(1);
			}
		}
	});

	it('keeps unbalanced class shares within one row per class, over many seeds', () => {
		const labels = Array.from({ length: 997 }, (_, i) => (i % 13 === 0 ? 'rare' : i % 3 === 0 ? 'b' : 'a'));
		const table = makeTable({ y: { type: 'category', values: labels } });
		const totals = { a: 0, b: 0, rare: 0 } as Record<string, number>;
		labels.forEach((l) => totals[l]!++);
		for (let seed = 0; seed < 20; seed++) {
			const split = splitRows(table, {
				method: 'stratified',
				column: 'y',
				seed,
				train: 0.6,
				validation: 0.2,
				test: 0.2
			});
			for (const name of ['train', 'validation', 'test'] as const) {
				for (const label of Object.keys(totals)) {
					const count = Array.from(split[name]).filter((row) => labels[row] === label).length;
					expect(Math.abs(count - (totals[label]! * split[name].length) / 997)).toBeLessThan(1);
				}
			}
		}
	});

	it('leaves rows with no class out of every split, and counts them', () => {
		const split = splitRows(penguins, { method: 'stratified', column: 'Sex', seed: 1 });
		const sex = readLabels(penguins.table, 'Sex');
		const missing = new Set(sex.flatMap((value, row) => (value === null ? [row] : [])));
		expect(missing.size).toBeGreaterThan(0);
		expectPartition([split.train, split.validation, split.test], sex.length, missing);
		expect(split.record.excludedRows).toBe(missing.size);
		expect(split.record.column).toBe('Sex');
		expect(split.record.warnings).toContain(
			`Left out of every split: ${missing.size} rows with no value in “Sex”.`
		);
	});

	it('puts a single-row class in train and says so', () => {
		const labels = [...new Array<string>(20).fill('a'), ...new Array<string>(20).fill('b'), 'lonely'];
		const split = splitRows(makeTable({ y: { type: 'category', values: labels } }), {
			method: 'stratified',
			column: 'y'
		});
		expect(Array.from(split.train)).toContain(40);
		expect(split.record.warnings).toEqual([
			'One class of “y” has a single row (“lonely”), which went to train.'
		]);
	});

	it('refuses a column with nothing to stratify by, or no classes, or numbers', () => {
		const empty = makeTable({
			y: { type: 'integer', values: [null, null, null] },
			x: { type: 'number', values: [1.5, 2.5, 3.5] }
		});
		expect(messageOf(() => splitRows(empty, { method: 'stratified', column: 'y' }))).toBe(
			'Column “y” has no values to stratify by: every row is missing.'
		);
		const ids = makeTable({ id: { type: 'text', values: ['a', 'b', 'c', 'd'] } });
		expect(messageOf(() => splitRows(ids, { method: 'stratified', column: 'id' }))).toBe(
			'Every value of “id” appears only once, so there are no classes to stratify by; choose a class column or a random split.'
		);
		expect(messageOf(() => splitRows(empty, { method: 'stratified', column: 'x' }))).toBe(
			'Column “x” is number; a stratified split needs a class column (category, boolean, text or whole numbers).'
		);
		expect(messageOf(() => splitRows(empty, { method: 'stratified', column: 'nope' }))).toMatch(
			/^Column “nope” is not in the table/
		);
	});
});

describe('splitRows: time', () => {
	it('puts the earliest rows in train, then validation, then test, strictly in time', () => {
		const table = loadSample('seattle-weather.csv');
		expect(table.schema.find((c) => c.name === 'date')?.type).toBe('date');
		const split = splitRows(table, { method: 'time', column: 'date' });
		const n = table.table.numRows();
		expectPartition([split.train, split.validation, split.test], n);
		const times = (table.table.array('date') as Date[]).map((d) => d.getTime());
		const span = (rows: Uint32Array) => {
			const values = Array.from(rows, (r) => times[r]!);
			return [Math.min(...values), Math.max(...values)];
		};
		expect(span(split.train)[1]).toBeLessThan(span(split.validation)[0]!);
		expect(span(split.validation)[1]).toBeLessThan(span(split.test)[0]!);
	});

	it('sends rows that tie at a boundary to the later split, and leaves out missing times', () => {
		// 10 rows; 7 would go to train but rows 5–7 share time 5, so train stops at 5 rows.
		const t = [0, 1, 2, 3, 4, 5, 5, 5, 8, 9, null];
		const split = splitRows(makeTable({ t: { type: 'number', values: t } }), {
			method: 'time',
			column: 't',
			train: 0.7,
			validation: 0.1,
			test: 0.2
		});
		expect(Array.from(split.train)).toEqual([0, 1, 2, 3, 4]);
		expect(Array.from(split.validation)).toEqual([5, 6, 7]);
		expect(Array.from(split.test)).toEqual([8, 9]);
		expect(split.record.excludedRows).toBe(1);
		expect(split.record.warnings).toEqual(['Left out of every split: 1 row with no value in “t”.']);
	});

	it('orders by value, not by row', () => {
		const t = [9, 3, 7, 1, 5, 0, 8, 2, 6, 4];
		const split = splitRows(makeTable({ t: { type: 'integer', values: t } }), {
			method: 'time',
			column: 't',
			train: 0.6,
			validation: 0.2,
			test: 0.2
		});
		expect(Array.from(split.train, (r) => t[r]).sort()).toEqual([0, 1, 2, 3, 4, 5]);
		expect(Array.from(split.test, (r) => t[r]).sort()).toEqual([8, 9]);
	});

	it('gives train the whole first run of equal times rather than nothing', () => {
		const t = [1, 1, 1, 1, 1, 1, 1, 1, 2, 3];
		const split = splitRows(makeTable({ t: { type: 'integer', values: t } }), {
			method: 'time',
			column: 't'
		});
		// Counts asked: 6 / 2 / 2. Train grows to 8, test keeps its 2, validation (least important) is empty.
		expect(split.record.counts).toEqual({ train: 8, validation: 0, test: 2 });
		expect(split.record.warnings).toEqual([
			'The earliest time in “t” is shared by 8 rows; all of them went to train, so train is larger than asked.',
			'The validation split is empty: “t” has too few distinct times to give it any rows.'
		]);
	});

	it('refuses a category column', () => {
		const table = makeTable({ c: { type: 'category', values: ['a', 'b'] } });
		expect(messageOf(() => splitRows(table, { method: 'time', column: 'c' }))).toBe(
			'Column “c” is category; a time split needs a date or number column.'
		);
	});
});

describe('splitRows: group', () => {
	const groups = Array.from({ length: 2000 }, (_, i) => (i % 11 === 0 ? null : `patient-${(i * 37) % 150}`));
	const table = makeTable({ patient: { type: 'text', values: groups } });

	it('never puts one group in two splits, and keeps near the asked shares', () => {
		for (const seed of [1, 2, 3]) {
			const split = splitRows(table, { method: 'group', column: 'patient', seed });
			expectPartition([split.train, split.validation, split.test], groups.length);
			const owner = new Map<string | null, string>();
			for (const name of ['train', 'validation', 'test'] as const) {
				for (const row of split[name]) {
					const group = groups[row]!;
					expect(owner.get(group) ?? name, `group ${group}`).toBe(name);
					owner.set(group, name);
				}
			}
			expect(Math.abs(split.record.counts.train / 2000 - 0.7)).toBeLessThan(0.05);
			expect(Math.abs(split.record.counts.test / 2000 - 0.15)).toBeLessThan(0.05);
			expect(split.record.warnings).toContain(
				'Kept together as one group: 182 rows with no value in “patient”.'
			);
		}
		const a = splitRows(table, { method: 'group', column: 'patient', seed: 1 });
		const b = splitRows(table, { method: 'group', column: 'patient', seed: 2 });
		expect(a.record.indicesHash).not.toBe(b.record.indicesHash);
	});

	it('gives every split a group when there are enough groups, even a huge one', () => {
		const values = [...new Array<string>(95).fill('big'), 'a', 'b', 'c', 'd', 'e'];
		const split = splitRows(makeTable({ g: { type: 'category', values } }), {
			method: 'group',
			column: 'g',
			seed: 4
		});
		expect(split.record.counts.train).toBeGreaterThan(0);
		expect(split.record.counts.validation).toBeGreaterThan(0);
		expect(split.record.counts.test).toBeGreaterThan(0);
		expect(split.record.warnings.some((w) => w.includes('groups in “g” are large'))).toBe(true);
	});

	it('says when there are too few groups', () => {
		const table = makeTable({ g: { type: 'category', values: ['a', 'a', 'b'] } });
		for (let seed = 0; seed < 10; seed++) {
			const split = splitRows(table, { method: 'group', column: 'g', seed });
			// Two groups for three splits: train gets one, then test; validation, least important, gets none.
			expect(split.record.counts.train).toBeGreaterThan(0);
			expect(split.record.counts.test).toBeGreaterThan(0);
			expect(split.record.counts.validation).toBe(0);
			expect(split.record.warnings).toContain(
				'The validation split is empty: “g” has too few groups to give every split one.'
			);
		}
	});
});

describe('splitRows: record', () => {
	it('is identical for the same data and spec, and plain JSON', () => {
		const spec = { method: 'stratified', column: 'species', seed: 11 };
		const a = splitRows(iris, spec).record;
		expect(splitRows(iris, spec).record).toEqual(a);
		expect(JSON.parse(JSON.stringify(a))).toEqual(a);
		expect(a.indicesHash).toMatch(/^[0-9a-f]{16}$/);
		expect(splitRows(iris, { ...spec, seed: 12 }).record.indicesHash).not.toBe(a.indicesHash);
	});

	it('checks the spec it is given', () => {
		expect(messageOf(() => splitRows(iris, { method: 'group' }))).toBe(
			'A group split needs a column: the column whose values keep rows together.'
		);
	});
});
