import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDelimitedText } from '../../../../src/lib/core/data/parse-delimited-text.ts';
import { BenchtopError } from '../../../../src/lib/core/errors.ts';

const sample = (file: string) =>
	readFileSync(new URL(`../../../../sample-datasets/${file}`, import.meta.url), 'utf8');

describe('parseDelimitedText', () => {
	it('types the cars sample column by column, with missing values as null', () => {
		const { table, schema } = parseDelimitedText(sample('cars.csv'));
		expect(table.numRows()).toBe(406);
		expect(Object.fromEntries(schema.map((c) => [c.name, c.type]))).toEqual({
			Name: 'text',
			Miles_per_Gallon: 'number',
			Cylinders: 'integer',
			Displacement: 'number',
			Horsepower: 'number',
			Weight_in_lbs: 'integer',
			Acceleration: 'number',
			Year: 'date',
			Origin: 'category'
		});
		const mpg = table.array('Miles_per_Gallon') as (number | null)[];
		expect(mpg.filter((v) => v === null).length).toBe(8);
		expect(table.get('Year', 0)).toEqual(new Date('1970-01-01'));
	});

	it('strips a byte-order mark from the first column name', () => {
		const { schema } = parseDelimitedText('\ufeffa,b\n1,2\n');
		expect(schema.map((c) => c.name)).toEqual(['a', 'b']);
	});

	it('takes the delimiter from Excel’s “sep=” line and counts that line in messages', () => {
		const { table } = parseDelimitedText('\ufeffsep=|\na|b\n1|x\n');
		expect(table.columnNames()).toEqual(['a', 'b']);
		expect(table.array('a')).toEqual([1]);
		expect(() => parseDelimitedText('sep=|\na|b\n1|x|y\n')).toThrow(/line 3\./);
	});

	it('rejects an empty file with a message a person understands', () => {
		expect(() => parseDelimitedText('  \n')).toThrow(BenchtopError);
		expect(() => parseDelimitedText('')).toThrow(/empty/);
	});
});
