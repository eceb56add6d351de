import { describe, expect, it } from 'vitest';
import { allocateClasses } from '../../../../../src/lib/core/prep/split/index.ts';
import { createRandom } from '../../../../../src/lib/core/random/seeded-random.ts';

function expectControlledRounding(classCounts: number[], totals: number[], counts: number[][]) {
	const n = classCounts.reduce((a, b) => a + b, 0);
	counts.forEach((row, c) => {
		expect(row.reduce((a, b) => a + b, 0)).toBe(classCounts[c]);
		row.forEach((count, s) => {
			const ideal = (classCounts[c]! * totals[s]!) / n;
			expect(count, `class ${c} split ${s}`).toBeGreaterThanOrEqual(Math.floor(ideal));
			expect(count, `class ${c} split ${s}`).toBeLessThanOrEqual(Math.ceil(ideal));
		});
	});
	totals.forEach((total, s) => expect(counts.reduce((sum, row) => sum + row[s]!, 0)).toBe(total));
}

describe('allocateClasses', () => {
	it('gives exact shares when they divide evenly', () => {
		expect(allocateClasses([50, 50, 50], [90, 30, 30])).toEqual([
			[30, 10, 10],
			[30, 10, 10],
			[30, 10, 10]
		]);
	});

	it('keeps every cell within one of its ideal and every total exact, on many random tables', () => {
		const random = createRandom(3);
		for (let trial = 0; trial < 400; trial++) {
			const classes = 1 + random.int(40);
			const classCounts = Array.from({ length: classes }, () => 2 + random.int(trial % 2 ? 5 : 300));
			const n = classCounts.reduce((a, b) => a + b, 0);
			const test = random.int(n);
			const validation = random.int(n - test);
			const totals = [n - test - validation, validation, test];
			expectControlledRounding(classCounts, totals, allocateClasses(classCounts, totals));
		}
	});

	it('solves tables the greedy pass alone gets wrong (many two-row classes)', () => {
		// 2-row classes with a 1/3 split each: every class needs two of three cells rounded up.
		const classCounts = new Array<number>(30).fill(2);
		const totals = [20, 20, 20];
		expectControlledRounding(classCounts, totals, allocateClasses(classCounts, totals));
	});
});
