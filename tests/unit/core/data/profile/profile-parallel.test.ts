import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import {
	profileTable,
	profileTableInParallel,
	type ColumnRunner
} from '../../../../../src/lib/core/data/profile/index.ts';
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
