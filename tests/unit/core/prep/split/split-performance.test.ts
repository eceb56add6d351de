// A million rows must split well inside a second: splitting runs before every training run in the browser.
import { describe, expect, it } from 'vitest';
import { splitRows } from '../../../../../src/lib/core/prep/split/index.ts';
import { makeTable } from './make-table.ts';

const N = 1_000_000;
const CLASSES = ['setosa', 'versicolor', 'virginica', 'rare'];
const table = makeTable({
	x: { type: 'number', values: Float64Array.from({ length: N }, (_, i) => i * 0.5) },
	y: { type: 'category', values: Array.from({ length: N }, (_, i) => CLASSES[i % 97 === 0 ? 3 : i % 3]!) }
});

function timed<T>(label: string, run: () => T): T {
	const start = performance.now();
	const result = run();
	const ms = performance.now() - start;
	console.log(`${label}: ${ms.toFixed(0)} ms`);
	// Well under a second on a laptop; 2 s leaves room for a slow CI machine.
	expect(ms).toBeLessThan(2000);
	return result;
}

describe('splitRows on 1,000,000 rows', () => {
	it('random split', () => {
		const split = timed('random split, 1M rows', () => splitRows(table, { seed: 1 }));
		expect(split.record.counts).toEqual({ train: 700_000, validation: 150_000, test: 150_000 });
	});

	it('stratified split', () => {
		const split = timed('stratified split, 1M rows', () =>
			splitRows(table, { method: 'stratified', column: 'y', seed: 1 })
		);
		expect(split.record.counts).toEqual({ train: 700_000, validation: 150_000, test: 150_000 });
		expect(split.record.warnings).toEqual([]);
	});
});
