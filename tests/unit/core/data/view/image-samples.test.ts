// The image preview's rows: digits' first rows as pixels in column order, their labels, and the table's range.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { imageSamples } from '../../../../../src/lib/core/data/view/image-samples.ts';
import { loadSample } from '../profile/load-sample.ts';

const digits = loadSample('digits.csv');
const pixels = digits.schema.map((c) => c.name).filter((name) => name.startsWith('px_'));
const csv = readFileSync(new URL('../../../../../sample-datasets/digits.csv', import.meta.url), 'utf8').split(
	'\n'
);
const header = csv[0]!.split(',');

describe('imageSamples', () => {
	it('gives the first rows’ pixels in column order, their targets, and the range over every row', () => {
		const samples = imageSamples(digits.table, pixels, 'digit', 12);
		expect(pixels).toHaveLength(64);
		expect(samples.pixels).toHaveLength(12);
		for (const row of [0, 11]) {
			const line = csv[row + 1]!.split(',');
			expect(Array.from(samples.pixels[row]!)).toEqual(
				pixels.map((name) => Number(line[header.indexOf(name)]))
			);
			expect(samples.labels[row]).toBe(line[header.indexOf('digit')]);
		}
		expect(samples.labels.slice(0, 3)).toEqual(['0', '1', '2']);
		expect([samples.min, samples.max]).toEqual([0, 16]);
	});

	it('shows no labels without a target, at most the rows there are, and names a missing column', () => {
		const few = { table: digits.table.slice(0, 3), schema: digits.schema };
		const samples = imageSamples(few.table, pixels, null, 12);
		expect(samples.pixels).toHaveLength(3);
		expect(samples.labels).toEqual([null, null, null]);
		expect(() => imageSamples(digits.table, [...pixels, 'px_9_9'], 'digit', 4)).toThrow(/no column px_9_9/);
	});
});
