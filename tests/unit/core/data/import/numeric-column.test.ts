import { describe, expect, it } from 'vitest';
import { ColumnBuilder } from '../../../../../src/lib/core/data/import/column-builder.ts';
import { NumericColumn } from '../../../../../src/lib/core/data/import/numeric-column.ts';
import { importTable } from '../../../../../src/lib/core/data/import/index.ts';
import { isMissingValue } from '../../../../../src/lib/core/data/missing-values.ts';

// inferColumnType's own grammar, to check the hand-written scanner against.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const LEADING_ZERO = /^[+-]?0\d/;
/** A whole number a double cannot hold exactly (a 19-digit ID): text, so no digit changes. */
const isUnsafeInteger = (raw: string) =>
	/^[+-]?\d+$/.test(raw.trim()) && !Number.isSafeInteger(Number(raw.trim()));
const isNumber = (raw: string) =>
	NUMBER.test(raw.trim()) && !LEADING_ZERO.test(raw.trim()) && !isUnsafeInteger(raw);

function check(tokens: string[]): void {
	const column = new NumericColumn();
	const kept: string[] = [];
	for (const token of tokens) {
		const accepted = column.push(token);
		expect(accepted, JSON.stringify(token)).toBe(isMissingValue(token) || isNumber(token));
		if (accepted) kept.push(token);
	}
	// The text comes back exactly, and each number is what Number() reads.
	expect(column.materialize()).toEqual(kept);
	const raw = column.finish();
	if (raw.kind !== 'numeric') throw new Error('expected a numeric column');
	kept.forEach((token, i) => {
		const expected = isMissingValue(token) ? Number.NaN : Number(token.trim());
		const value = raw.values[i]!;
		if (Number.isFinite(expected)) expect(Object.is(value, expected), `${token} → ${value}`).toBe(true);
		else expect(value).toBeNaN();
	});
}

describe('NumericColumn', () => {
	it('reads numbers as Number() does and gives back their exact text', () => {
		check([
			'0',
			'-0',
			'+0',
			'12',
			'-12',
			'+12',
			'1.50',
			'-0.50',
			'0.000',
			'5.',
			'.5',
			'-.5',
			'+.5',
			'1e3',
			'1.e5',
			'2E-7',
			' 7 ',
			'\t8',
			'123456789012345',
			'1234567890123456',
			'0.1234567890123456789',
			'9007199254740991',
			'-9007199254740991',
			'99999999999999999999.5',
			'0.0000001',
			'1e999',
			'NA',
			'',
			'null',
			'?',
			'-',
			'3.14159',
			'100.000000000001'
		]);
	});

	it('refuses what inferColumnType would not call a number', () => {
		for (const token of [
			'0123',
			'-01',
			'00.5',
			'1,5',
			'1.2.3',
			'e5',
			'.',
			'+',
			'-',
			'1e',
			'1e+',
			'0x10',
			'9007199254740992',
			'99999999999999999999',
			'-12345678901234567890',
			' 12345678901234567 ',
			'infinite',
			'١٢'
		]) {
			const column = new NumericColumn();
			expect(column.push(token), token).toBe(isMissingValue(token));
		}
	});

	it('agrees with the grammar and with Number() on random number-like text', () => {
		let seed = 42;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		const alphabet = '0123456789012345678901234567890123456789..--+eE ';
		const tokens: string[] = [];
		for (let i = 0; i < 20_000; i++) {
			const length = 1 + Math.floor(random() * 18);
			let token = '';
			for (let j = 0; j < length; j++) token += alphabet[Math.floor(random() * alphabet.length)];
			tokens.push(token);
		}
		check(tokens.filter((t) => isMissingValue(t) || isNumber(t)));
		for (const token of tokens)
			expect(new NumericColumn().push(token), token).toBe(isMissingValue(token) || isNumber(token));
	});

	it('reads inf and Infinity spellings as numbers (not finite), keeping the column numeric', () => {
		const column = new NumericColumn();
		for (const token of ['1', 'inf', '-Infinity', '+INF', 'NaN', '2'])
			expect(column.push(token), token).toBe(true);
		const raw = column.finish();
		if (raw.kind !== 'numeric') throw new Error('expected a numeric column');
		expect(Array.from(raw.values)).toEqual([1, Infinity, -Infinity, Infinity, NaN, 2]);
		expect(raw.integer).toBe(false);
		expect(raw.present).toBe(5);
		expect(raw.text()).toEqual(['1', 'inf', '-Infinity', '+INF', 'NaN', '2']);
	});

	it('takes back popped values', () => {
		const column = new NumericColumn();
		for (const t of ['1', 'NA', '1e999', '2.50']) column.push(t);
		column.pop();
		column.pop();
		expect(column.materialize()).toEqual(['1', 'NA']);
		expect(column.present).toBe(1);
		expect(column.lost).toBe(0);
	});
});

describe('ColumnBuilder', () => {
	it('keeps a few distinct values as a dictionary', () => {
		const builder = new ColumnBuilder();
		for (let i = 0; i < 10_000; i++) builder.push(['a', 'b', 'c'][i % 3]!);
		expect(builder.finish()).toMatchObject({ kind: 'dictionary', entries: ['a', 'b', 'c'] });
		expect(builder.materialize().slice(0, 4)).toEqual(['a', 'b', 'c', 'a']);
	});

	it('goes on as numbers past the dictionary, and back to exact text when a word turns up', () => {
		const builder = new ColumnBuilder();
		const values = Array.from({ length: 6000 }, (_, i) => (i % 7 === 0 ? `${i}.50` : String(i)));
		for (const v of values) builder.push(v);
		expect(builder.finish().kind).toBe('numeric');
		builder.push('oops');
		expect(builder.finish().kind).toBe('text');
		expect(builder.materialize()).toEqual([...values, 'oops']);
	});

	it('gives strings when the values were not all numbers before the dictionary filled', () => {
		const builder = new ColumnBuilder();
		for (let i = 0; i < 5000; i++) builder.push(`id-${i}`);
		expect(builder.finish().kind).toBe('text');
		expect(builder.length).toBe(5000);
	});
});

describe('importing a large numeric column', () => {
	it('types it like the text path would, and keeps a late word’s column as exact text', async () => {
		const lines = ['n,m'];
		for (let i = 0; i < 10_000; i++) lines.push(`${i}.${i % 10}0,${i}`);
		const numbers = await importTable(`${lines.join('\n')}\n`);
		expect(numbers.schema.map((c) => c.type)).toEqual(['number', 'integer']);
		expect(numbers.table.get('n', 1234)).toBe(1234.4);

		lines.push('n/a,1e3', 'unknown,7');
		const text = await importTable(`${lines.join('\n')}\n`);
		expect(text.schema.map((c) => c.type)).toEqual(['text', 'number']);
		expect(text.table.get('n', 1234)).toBe('1234.40');
		expect(text.table.get('n', 10_000)).toBeNull();
		expect(text.table.get('m', 10_000)).toBe(1000);
	});

	it('keeps IDs too long for a double as their exact text, whichever reader and column stage', async () => {
		for (const rows of [50, 10_000]) {
			// Past 4096 distinct values a column is read as numbers; below, as a dictionary.
			const lines = ['id,n'];
			for (let i = 0; i < rows; i++) lines.push(`${1234567890123456789n + BigInt(i) * 2n},${i}`);
			const csv = `${lines.join('\n')}\n`;
			for (const source of [csv, new TextEncoder().encode(csv)]) {
				const result = await importTable(source);
				expect(result.schema.map((c) => c.type)).toEqual(['text', 'integer']);
				expect(result.table.get('id', 1)).toBe('1234567890123456791');
				expect(result.table.get('id', rows - 1)).toBe(String(1234567890123456789n + BigInt(rows - 1) * 2n));
			}
		}
	});

	it('honours a text override on a column read as numbers, with the exact text', async () => {
		const lines = ['n'];
		for (let i = 0; i < 5000; i++) lines.push(`${i}.10`);
		const result = await importTable(lines.join('\n'), { typeOverrides: { n: 'text' } });
		expect(result.table.get('n', 42)).toBe('42.10');
	});
});
