// The Train page's k scan: the data prepared as a run prepares it, one k at a time with the same results as
// one scanK call, progress per k, a seeded row sample on large tables, and the ranges it refuses.
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { scanK } from '../../../../src/lib/core/models/kmeans/scan-k.ts';
import { defaultRecipe } from '../../../../src/lib/core/prep/default-recipe.ts';
import { applyRecipe, fitRecipe } from '../../../../src/lib/core/prep/recipe/index.ts';
import { readNumbers } from '../../../../src/lib/core/table/read-column.ts';
import { takeRows } from '../../../../src/lib/core/table/take-rows.ts';
import { splitRows } from '../../../../src/lib/core/prep/split/index.ts';
import { createRandom } from '../../../../src/lib/core/random/seeded-random.ts';
import {
	scanClusters,
	SCAN_ROW_LIMIT,
	type ScanProgress
} from '../../../../src/lib/core/train/scan-clusters.ts';
import { loadSample } from '../data/profile/load-sample.ts';

const iris = loadSample('iris.csv');
const request = { targets: [] as string[], settings: { seed: 5 } };

describe('scanClusters', () => {
	it('scans iris through its default recipe, fitted on the training rows, as one scanK call would', async () => {
		const progress: ScanProgress[] = [];
		const scan = await scanClusters(iris, request, 2, 5, (p) => progress.push(p));

		// The same preparation by hand: the seeded 80/20 split, the default recipe fitted on the training rows.
		const split = splitRows(iris, { method: 'random', train: 0.8, validation: 0, test: 0.2, seed: 5 });
		const train = takeRows(iris, split.train);
		const prepared = applyRecipe(fitRecipe(defaultRecipe(iris, []).recipe, train), train, 'train');
		const features = prepared.schema.map((c) => c.name);
		const n = prepared.table.numRows();
		const data = new Float64Array(n * features.length);
		features.forEach((name, j) =>
			readNumbers(prepared.table, name).forEach((x, i) => (data[i * features.length + j] = x))
		);
		const expected = scanK({ data, width: features.length }, [2, 3, 4, 5], 5);

		expect(scan.features).toEqual(features);
		expect(scan.trainingRows).toBe(120);
		expect(scan.points).toEqual(expected.points);
		expect(scan.bestK).toBe(expected.bestK);
		expect(scan.bestK).not.toBeNull();
		expect(scan.note).toBeNull();
		expect(progress.map((p) => [p.done, p.total, p.k])).toEqual([
			[1, 4, 2],
			[2, 4, 3],
			[3, 4, 4],
			[4, 4, 5]
		]);
		for (let i = 1; i < scan.points.length; i++) {
			expect(scan.points[i]!.inertia).toBeLessThan(scan.points[i - 1]!.inertia);
		}
	});

	it('runs on a seeded sample of a large table, and says so', async () => {
		const random = createRandom(3);
		const rows = 7000;
		const x = Float64Array.from({ length: rows }, (_, i) => random.normal((i % 2) * 8, 1));
		const y = Float64Array.from({ length: rows }, () => random.normal(0, 1));
		const table = {
			table: aq.table(
				new Map<string, Float64Array>([
					['x', x],
					['y', y]
				])
			),
			schema: [
				{ name: 'x', type: 'number' as const },
				{ name: 'y', type: 'number' as const }
			]
		};
		const scan = await scanClusters(table, { targets: [], recipe: { version: 1, steps: [] } }, 2, 3);
		expect(scan.trainingRows).toBe(5600);
		expect(scan.rows).toBe(SCAN_ROW_LIMIT);
		expect(scan.note).toMatch(/sample of 5,000 of the 5,600 training rows/);
		expect(scan.bestK).toBe(2);
	});

	it('refuses a backwards range, too many k, and more clusters than rows', async () => {
		await expect(scanClusters(iris, request, 5, 2)).rejects.toThrow(/first no larger than the last/);
		await expect(scanClusters(iris, request, 0, 3)).rejects.toThrow(/at least 1/);
		await expect(scanClusters(iris, request, 2, 40)).rejects.toThrow(/at most 30 values of k/);
		const tiny = { table: iris.table.slice(0, 10), schema: iris.schema };
		await expect(scanClusters(tiny, request, 2, 9)).rejects.toThrow(/only 8 training rows/);
	});
});
