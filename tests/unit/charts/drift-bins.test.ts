// The drift chart's rows and spec from a real comparison: shares per bin for both sides, in bin order.
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { driftBinRows, driftBinsSpec } from '../../../src/lib/core/charts/drift-bins.ts';
import { compareCategories } from '../../../src/lib/core/drift/drift-report.ts';
import { profileCategories } from '../../../src/lib/core/drift/training-profile.ts';

const drift = compareCategories(profileCategories('colour', ['red', 'red', 'red', 'blue']), [
	'red',
	'blue',
	'blue',
	'green'
]);

describe('driftBinsSpec', () => {
	it('has one row per bin and side, the shares of each side summing to 1', () => {
		const rows = driftBinRows(drift);
		expect(rows.map((r) => `${r.bin}/${r.side}`)).toEqual([
			'red/training',
			'red/new data',
			'blue/training',
			'blue/new data',
			'(not in training)/training',
			'(not in training)/new data'
		]);
		expect(rows.filter((r) => r.side === 'training').reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
		expect(rows.find((r) => r.bin === 'red' && r.side === 'new data')!.share).toBeCloseTo(0.25, 12);
	});
	it('names the feature and its PSI, and keeps the bin order', () => {
		const spec = driftBinsSpec(drift, { reference: 'test split' }) as unknown as {
			title: { text: string; subtitle: string };
			encoding: { y: { sort: unknown }; color: { scale: { domain: string[] } } };
		};
		expect(spec.title.text).toBe('colour');
		expect(spec.title.subtitle).toBe(`Rows per category · PSI ${drift.psi.toFixed(3)}`);
		expect(spec.encoding.color.scale.domain).toEqual(['test split', 'new data']);
	});
	it('compiles with vega-lite', () => {
		const warnings: string[] = [];
		const logger = {
			level: () => logger,
			warn: (...m: unknown[]) => (warnings.push(m.join(' ')), logger),
			info: () => logger,
			debug: () => logger,
			error: (...m: unknown[]) => {
				throw new Error(m.join(' '));
			}
		};
		expect(compile(driftBinsSpec(drift), { logger: logger as never }).spec).toBeTruthy();
		expect(warnings).toEqual([]);
	});
});
