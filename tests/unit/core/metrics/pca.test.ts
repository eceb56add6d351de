// The 2-D PCA projection against scikit-learn's PCA (tests/fixtures/sklearn/make-pca-fixtures.py): the
// explained variance ratios and every projected row, signs included, on the exact (Jacobi) path and on the
// subspace-iteration path used for wide data.
import { describe, expect, it } from 'vitest';
import { pca2d } from '../../../../src/lib/core/metrics/pca.ts';
import { loadFixture } from '../evaluate/fixtures.ts';

interface PcaCase {
	name: string;
	rows: number;
	width: number;
	data: number[];
	explained_variance_ratio: number[];
	projection: number[];
	components: number;
}

const { cases } = loadFixture<{ cases: PcaCase[] }>('pca.json');

/** Relative to the data's scale: scores are sums of width products, so 1e-9 of the largest score. */
function expectProjection(actual: Float64Array, expected: PcaCase): void {
	const scale = Math.max(...expected.projection.map(Math.abs));
	for (let i = 0; i < expected.rows; i++) {
		for (let c = 0; c < 2; c++) {
			const want = c < expected.components ? expected.projection[i * expected.components + c]! : 0;
			expect(Math.abs(actual[i * 2 + c]! - want), `${expected.name} row ${i} component ${c}`).toBeLessThan(
				1e-9 * scale
			);
		}
	}
}

describe('pca2d matches scikit-learn', () => {
	for (const fixture of cases) {
		it(fixture.name, () => {
			const result = pca2d({ data: Float64Array.from(fixture.data), width: fixture.width });
			const ratios = [...fixture.explained_variance_ratio, 0].slice(0, 2);
			result.explainedVariance.forEach((ratio, c) =>
				expect(Math.abs(ratio - ratios[c]!), `${fixture.name} ratio ${c}`).toBeLessThan(1e-12)
			);
			expectProjection(result.projection, fixture);
		});
	}

	it('wide data (subspace iteration) agrees with the exact path', () => {
		// Wine's 13 features tiled 8 times: 104 columns, past the exact path's limit, same components.
		const wine = cases.find((c) => c.name === 'wine')!;
		const width = wine.width * 8;
		const data = new Float64Array(wine.rows * width);
		for (let i = 0; i < wine.rows; i++)
			for (let j = 0; j < width; j++) data[i * width + j] = wine.data[i * wine.width + (j % wine.width)]!;
		const wide = pca2d({ data, width });
		const exact = pca2d({ data: Float64Array.from(wine.data), width: wine.width });
		wide.explainedVariance.forEach((ratio, c) =>
			expect(Math.abs(ratio - exact.explainedVariance[c]!)).toBeLessThan(1e-9)
		);
		// Every score is √8 times the narrow one: the same rows, the same direction, eight copies of it.
		for (let i = 0; i < wine.rows * 2; i++)
			expect(Math.abs(wide.projection[i]! - Math.sqrt(8) * exact.projection[i]!)).toBeLessThan(1e-6);
	});

	it('fewer than two rows or constant data give zeros', () => {
		expect(pca2d({ data: Float64Array.from([1, 2]), width: 2 })).toEqual({
			projection: new Float64Array(2),
			explainedVariance: [0, 0]
		});
		const constant = pca2d({ data: new Float64Array(6).fill(3), width: 2 });
		expect(Array.from(constant.projection)).toEqual([0, 0, 0, 0, 0, 0]);
	});
});
