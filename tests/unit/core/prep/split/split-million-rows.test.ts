// A million rows split into the right counts. How long it takes is timed in bench/core-timings.ts
// (`npm run bench`), not asserted here: a shared machine's load would make a bound flaky.
import { describe, expect, it } from 'vitest';
import { splitRows } from '../../../../../src/lib/core/prep/split/index.ts';
import { makeTable } from './make-table.ts';

const N = 1_000_000;
const CLASSES = ['setosa', 'versicolor', 'virginica', 'rare'];
const table = makeTable({
	x: { type: 'number', values: Float64Array.from({ length: N }, (_, i) => i * 0.5) },
	y: { type: 'category', values: Array.from({ length: N }, (_, i) => CLASSES[i % 97 === 0 ? 3 : i % 3]!) }
});

describe('splitRows on 1,000,000 rows', () => {
	it('random split', () => {
		const split = splitRows(table, { seed: 1 });
		expect(split.record.counts).toEqual({ train: 700_000, validation: 150_000, test: 150_000 });
	});

	it('stratified split', () => {
		const split = splitRows(table, { method: 'stratified', column: 'y', seed: 1 });
		expect(split.record.counts).toEqual({ train: 700_000, validation: 150_000, test: 150_000 });
		expect(split.record.warnings).toEqual([]);
	});
});
