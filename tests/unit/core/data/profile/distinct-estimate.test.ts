import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { profileTable } from '../../../../../src/lib/core/data/profile/index.ts';
import { HyperLogLog } from '../../../../../src/lib/core/data/profile/hyperloglog.ts';
import { hashString } from '../../../../../src/lib/core/data/profile/hash.ts';

describe('distinct counts', () => {
	it('estimates within 3% with HyperLogLog', () => {
		for (const n of [100, 5_000, 300_000]) {
			const hll = new HyperLogLog();
			for (let i = 0; i < n; i++) hll.add(hashString(`value ${i}`));
			expect(Math.abs(hll.estimate() - n) / n).toBeLessThan(0.03);
		}
	});

	it('is exact up to 100,000 distinct text values and marked approximate beyond', () => {
		const rows = 150_000;
		const text = Array.from({ length: rows }, (_, i) => `id-${i}`);
		const half = Array.from({ length: rows }, (_, i) => `id-${i % 90_000}`);
		const profile = profileTable(aq.table({ text, half }), [
			{ name: 'text', type: 'text' },
			{ name: 'half', type: 'text' }
		]);
		const [all, exact] = profile.columns;
		expect(exact).toMatchObject({ unique: 90_000, uniqueApprox: false });
		expect(all!.uniqueApprox).toBe(true);
		expect(Math.abs(all!.unique - rows) / rows).toBeLessThan(0.03);
		expect(profile.duplicateRows).toBe(0);
	});
});
