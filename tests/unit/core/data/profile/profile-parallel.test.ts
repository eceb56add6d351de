import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import {
	profileTable,
	profileTableInParallel,
	type ColumnRunner,
	type CorrelationRunner
} from '../../../../../src/lib/core/data/profile/index.ts';
import {
	correlationMatrix,
	correlationRows,
	matrixFromRows,
	pairRowRanges
} from '../../../../../src/lib/core/data/profile/correlations.ts';
import { profileColumns } from '../../../../../src/lib/core/data/profile/column-profile.ts';
import { readColumn } from '../../../../../src/lib/core/data/profile/column-data.ts';
import { splitColumns } from '../../../../../src/lib/core/data/profile/split-columns.ts';
import type { ColumnSchema } from '../../../../../src/lib/core/table/column-types.ts';

/** A wide seeded table: 18 numeric columns (some with gaps), a date, two categories. */
function wide(rows: number) {
	let s = 42;
	const random = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
	const columns: Record<string, unknown[] | Float64Array> = {};
	const schema: ColumnSchema[] = [];
	for (let c = 0; c < 18; c++) {
		const integer = c % 3 === 0;
		columns[`x${c}`] = Array.from({ length: rows }, () => {
			const u = random();
			if (c % 4 === 1 && u < 0.05) return null;
			return integer ? Math.floor(u * 50) : (u - 0.3) * 10 ** (c % 5);
		});
		schema.push({ name: `x${c}`, type: integer ? 'integer' : 'number' });
	}
	columns.day = Array.from({ length: rows }, (_, i) => new Date(Date.UTC(2020, 0, 1 + (i % 400))));
	schema.push({ name: 'day', type: 'date' });
	columns.kind = Array.from({ length: rows }, (_, i) => ['a', 'b', 'c'][i % 3]);
	schema.push({ name: 'kind', type: 'category' });
	columns.label = Array.from({ length: rows }, () => (random() < 0.4 ? 'yes' : 'no'));
	schema.push({ name: 'label', type: 'category' });
	return { table: aq.table(columns), schema };
}

/** Runs each part as a worker would: the columns and the answers cross a structured clone. */
const clonedRunner: ColumnRunner = async (parts, settings) =>
	structuredClone(parts.map((part) => profileColumns(structuredClone(part), settings)));

describe('profileTableInParallel', () => {
	it('gives exactly the single-threaded profile of a wide table, target relations included', async () => {
		const { table, schema } = wide(120_000);
		let calls = 0;
		const counting: ColumnRunner = (parts, settings) => {
			calls += parts.length;
			return clonedRunner(parts, settings);
		};
		const parallel = await profileTableInParallel(table, schema, 3, counting, { target: 'label' });
		expect(calls).toBe(3);
		expect(parallel).toEqual(profileTable(table, schema, { target: 'label' }));
	}, 30_000);

	it('profiles narrow or small tables on the calling thread', async () => {
		const { table, schema } = wide(1_000);
		const never: ColumnRunner = () => Promise.reject(new Error('no worker should be asked'));
		expect(await profileTableInParallel(table, schema, 4, never)).toEqual(profileTable(table, schema));
	});

	it('says so when a worker answers for other columns', async () => {
		const { table, schema } = wide(120_000);
		const short: ColumnRunner = async (parts, settings) =>
			parts.map((part) => profileColumns(part.slice(1), settings));
		await expect(profileTableInParallel(table, schema, 2, short)).rejects.toThrow(/different set of columns/);
	}, 30_000);
});

/** Correlation parts as a worker computes them: the columns and the answers cross a structured clone. */
const clonedCorrelations: CorrelationRunner = async (parts) =>
	structuredClone(
		parts.map((part) => {
			const copy = structuredClone(part);
			return correlationRows(copy.columns, copy.shifts, 0, copy.rows);
		})
	);

describe('profileTableInParallel with the correlation matrix split', () => {
	it('gives exactly the single-threaded profile, with pairs computed on the workers', async () => {
		// 153 pairs × 160,000 rows: past PARALLEL_MIN_PAIR_VALUES.
		const { table, schema } = wide(160_000);
		const asked: number[] = [];
		const run: ColumnRunner = Object.assign(
			((parts, settings) => clonedRunner(parts, settings)) as ColumnRunner,
			{
				correlate: ((parts) => {
					asked.push(...parts.map((p) => p.columns.length));
					return clonedCorrelations(parts);
				}) as CorrelationRunner
			}
		);
		const parallel = await profileTableInParallel(table, schema, 3, run, { target: 'label' });
		// 18 numeric columns (the date is left out) in 4 ranges: the 3 later ones elsewhere, each given
		// only the columns from its first row on.
		expect(asked).toHaveLength(3);
		expect(asked.every((n) => n < 18)).toBe(true);
		expect(parallel.correlations.columns).toHaveLength(18);
		expect(parallel).toEqual(profileTable(table, schema, { target: 'label' }));
	}, 30_000);

	it('says so when a correlation part answers the wrong number of pairs', async () => {
		const { table, schema } = wide(160_000);
		const run: ColumnRunner = Object.assign(
			((parts, settings) => clonedRunner(parts, settings)) as ColumnRunner,
			{
				correlate: (async (parts) =>
					(await clonedCorrelations(parts)).map((r) => r.slice(1))) as CorrelationRunner
			}
		);
		await expect(profileTableInParallel(table, schema, 2, run)).rejects.toThrow(/fewer pairs/);
	}, 30_000);
});

describe('pairRowRanges and matrixFromRows', () => {
	it('cut the upper triangle into contiguous row ranges of about equal pair counts', () => {
		const pairs = ([from, to]: [number, number], k: number) => {
			let n = 0;
			for (let a = from; a < to; a++) n += k - 1 - a;
			return n;
		};
		for (const [k, shares] of [
			[24, 2],
			[24, 8],
			[18, 4],
			[3, 5],
			[2, 2]
		] as const) {
			const ranges = pairRowRanges(k, shares);
			expect(ranges[0]![0]).toBe(0);
			expect(ranges.at(-1)![1]).toBe(k - 1);
			ranges.slice(1).forEach((r, i) => expect(r[0]).toBe(ranges[i]![1]));
			expect(ranges.length).toBeLessThanOrEqual(shares);
			const counts = ranges.map((r) => pairs(r, k));
			expect(counts.reduce((a, b) => a + b, 0)).toBe((k * (k - 1)) / 2);
			// Balanced within a row's pairs of the even share.
			if (ranges.length === shares)
				for (const n of counts) expect(Math.abs(n - (k * (k - 1)) / 2 / shares)).toBeLessThanOrEqual(k);
		}
		expect(pairRowRanges(1, 3)).toEqual([]);
		expect(pairRowRanges(24, 2)).toEqual([
			[0, 7],
			[7, 23]
		]);
	});

	it('build the same matrix from split ranges as from one, symmetric with 1 on a varying diagonal', () => {
		const { table, schema } = wide(2_000);
		const data = schema
			.map((c) => readColumn(table, c.name, c.type))
			.filter((c) => c.kind === 'numeric' && c.type !== 'date');
		const columns = data.map((c) => (c as { values: Float64Array }).values);
		const shifts = columns.map((v) => v.reduce((a, b) => (b === b ? a + b : a), 0) / v.length);
		const varies = columns.map((_, i) => i !== 2);
		const names = data.map((c) => c.name);
		const whole = correlationMatrix(data as Parameters<typeof correlationMatrix>[0], shifts, varies);
		const ranges = pairRowRanges(names.length, 5);
		const split = matrixFromRows(
			names,
			varies,
			ranges,
			ranges.map(([from, to]) => correlationRows(columns.slice(from), shifts.slice(from), 0, to - from))
		);
		expect(split).toEqual(whole);
		expect(whole.matrix[0]![0]).toBe(1);
		expect(whole.matrix[2]![2]).toBeNull();
		expect(whole.matrix[1]![4]).toBe(whole.matrix[4]![1]);
		expect(Math.abs(whole.matrix[1]![4]!)).toBeLessThan(0.2);
	});
});

describe('splitColumns', () => {
	it('sends every numeric column to exactly one share, balanced by present values, and keeps text here', () => {
		const { table, schema } = wide(120_000);
		const data = schema.map((c) => readColumn(table, c.name, c.type));
		const plan = splitColumns(data, 120_000, 3)!;
		expect(plan.parts).toHaveLength(3);
		const all = [...plan.here, ...plan.parts.flat()].sort((a, b) => a - b);
		expect(all).toEqual(data.map((_, k) => k));
		const kind = schema.findIndex((c) => c.name === 'kind');
		expect(plan.here).toContain(kind);
		// 19 numeric and date columns over 4 shares: 4 or 5 each.
		for (const part of plan.parts) expect(part.length).toBeGreaterThanOrEqual(4);
		expect(splitColumns(data.slice(0, 10), 120_000, 3)).toBeNull();
		expect(splitColumns(data, 120_000, 0)).toBeNull();
	});
});
