import { describe, expect, it } from 'vitest';
import { parseDelimitedText } from '../../../../src/lib/core/data/parse-delimited-text.ts';
import { retypeColumn } from '../../../../src/lib/core/data/retype-column.ts';

describe('retypeColumn', () => {
	const { table, schema } = parseDelimitedText('zip,score,label\n02139,1,a\n10001,2.5,b\n,x,a\n');

	it('reads a code column as a category and keeps the other columns as they were', () => {
		const result = retypeColumn(table, schema, 'zip', 'category');
		expect(result.schema.find((c) => c.name === 'zip')?.type).toBe('category');
		expect(result.table.array('zip')).toEqual(['02139', '10001', null]);
		expect(result.table.array('label')).toEqual(['a', 'b', 'a']);
		expect(result.lost).toBe(0);
	});

	it('turns values that do not fit the new type into missing values and counts them', () => {
		const result = retypeColumn(table, schema, 'score', 'number');
		expect(result.table.array('score')).toEqual([1, 2.5, null]);
		expect(result.lost).toBe(1);
	});

	it('reads a number column as text without losing anything', () => {
		const numeric = parseDelimitedText('a\n1.5\n2\n');
		const result = retypeColumn(numeric.table, numeric.schema, 'a', 'text');
		expect(result.table.array('a')).toEqual(['1.5', '2']);
	});
});

describe('retypeColumn with hostile column names', () => {
	it('keeps a column named constructor as it is, and __proto__ under a name that cannot break an object', () => {
		const { table, schema } = parseDelimitedText('__proto__,constructor\n1,2\n3,4\n');
		const result = retypeColumn(table, schema, '__proto___', 'text');
		expect(result.table.columnNames()).toEqual(['__proto___', 'constructor']);
		expect(result.table.array('__proto___')).toEqual(['1', '3']);
		expect(result.table.array('constructor')).toEqual([2, 4]);
		const again = retypeColumn(result.table, result.schema, 'constructor', 'text');
		expect(again.table.array('constructor')).toEqual(['2', '4']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});
