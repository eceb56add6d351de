import { describe, expect, it } from 'vitest';
import {
	confusionCells,
	confusionMatrixSpec,
	CONFUSION_SELECTION
} from '../../../src/lib/core/charts/index.ts';
import { compileStrict, renderSvg } from './render.ts';

const IRIS = {
	classes: ['setosa', 'versicolor', 'virginica'],
	matrix: [
		[10, 0, 0],
		[0, 9, 1],
		[0, 2, 8]
	]
};

describe('confusionMatrixSpec', () => {
	it('draws true classes down, predictions across, counts in the cells and a click selection', async () => {
		const spec = confusionMatrixSpec(IRIS);
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		const { vega } = compileStrict(spec);
		expect(JSON.stringify(vega.signals)).toContain(CONFUSION_SELECTION);
		const svg = await renderSvg(spec);
		expect(svg).toContain('versicolor');
		expect(svg).toContain('Predicted');
		// The counts are written in the cells.
		expect(svg).toMatch(/>9<\/text>/);
		expect(svg).toMatch(/>8<\/text>/);
	});

	it('colours each cell by its share of the true class, with an empty class left uncoloured', () => {
		const cells = confusionCells({
			classes: ['a', 'b'],
			matrix: [
				[3, 1],
				[0, 0]
			]
		});
		expect(cells).toEqual([
			{ actual: 'a', predicted: 'a', actualIndex: 0, predictedIndex: 0, count: 3, rate: 0.75 },
			{ actual: 'a', predicted: 'b', actualIndex: 0, predictedIndex: 1, count: 1, rate: 0.25 },
			{ actual: 'b', predicted: 'a', actualIndex: 1, predictedIndex: 0, count: 0, rate: null },
			{ actual: 'b', predicted: 'b', actualIndex: 1, predictedIndex: 1, count: 0, rate: null }
		]);
	});

	it('leaves the counts out of the cells past fifteen classes', () => {
		const classes = Array.from({ length: 20 }, (_, i) => `c${i}`);
		const matrix = classes.map((_, i) => classes.map((__, j) => (i === j ? 5 : 1)));
		const spec = confusionMatrixSpec({ classes, matrix }, { title: 'Twenty classes' });
		expect(compileStrict(spec).warnings).toEqual([]);
		expect((spec as { layer: unknown[] }).layer).toHaveLength(1);
		expect((spec as { data: { values: unknown[] } }).data.values).toHaveLength(400);
	});
});
