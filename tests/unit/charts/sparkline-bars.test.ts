import { describe, expect, it } from 'vitest';
import { sparklineBars } from '../../../src/lib/core/charts/sparkline-bars.ts';
import { profileTable } from '../../../src/lib/core/data/profile/index.ts';
import { parseDelimitedText } from '../../../src/lib/core/data/parse-delimited-text.ts';

describe('sparklineBars', () => {
	const { table, schema } = parseDelimitedText('n,label,empty\n1,a,\n2,a,\n2,b,\n3,a,\n10,c,\n');
	const profile = profileTable(table, schema);
	const column = (name: string) => profile.columns.find((c) => c.name === name)!;

	it('draws a numeric column from its histogram, the tallest bin at full height', () => {
		const bars = sparklineBars(column('n'));
		expect(bars.length).toBe(column('n').histogram!.bins.length);
		expect(Math.max(...bars.map((b) => b.height))).toBe(1);
		expect(bars.reduce((sum, b) => sum + b.width, 0)).toBeCloseTo(1);
		expect(bars[0]!.x).toBe(0);
	});

	it('draws a category from its most frequent values, in order', () => {
		const bars = sparklineBars(column('label'));
		expect(bars.map((b) => b.label)).toEqual(['a: 3', 'b: 1', 'c: 1']);
		expect(bars.map((b) => b.height)).toEqual([1, 1 / 3, 1 / 3]);
	});

	it('draws nothing for a column with no values', () => {
		expect(sparklineBars(column('empty'))).toEqual([]);
	});
});
