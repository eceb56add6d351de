// A reproducible wide table for storage benchmarks: 10 columns (4 decimals, 3 integers, 3 categories)
// from a fixed seed, so every run measures the same bytes.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { ColumnSchema } from '../../src/lib/core/table/column-types.ts';

/** mulberry32: tiny, fast, and good enough to fill a benchmark table. */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const CITIES = ['Lisbon', 'Oslo', 'Lima', 'Hanoi', 'Accra', 'Quito', 'Perth', 'Cork'];
const PLANS = ['free', 'team', 'pro', 'enterprise'];
const COLOURS = ['red', 'green', 'blue', 'amber', 'violet', 'teal'];

export function seededTable(rows: number, seed: number): { table: ColumnTable; schema: ColumnSchema[] } {
	const random = mulberry32(seed);
	const decimal = () => Float64Array.from({ length: rows }, () => Math.round(random() * 1e6) / 100);
	const integer = (max: number) => Int32Array.from({ length: rows }, () => Math.floor(random() * max));
	const category = (values: string[]) =>
		Array.from({ length: rows }, () => values[Math.floor(random() * values.length)]);
	const columns = {
		amount: decimal(),
		balance: decimal(),
		latitude: decimal(),
		score: decimal(),
		age: integer(100),
		visits: integer(10_000),
		items: integer(50),
		city: category(CITIES),
		plan: category(PLANS),
		colour: category(COLOURS)
	};
	const schema: ColumnSchema[] = Object.entries(columns).map(([name, values]) => ({
		name,
		type: values instanceof Float64Array ? 'number' : values instanceof Int32Array ? 'integer' : 'category'
	}));
	return { table: aq.table(columns), schema };
}
