import { describe, expect, it } from 'vitest';
import { precisionRecallSpec } from '../../../src/lib/core/charts/index.ts';
import { averagePrecisionPerClass } from '../../../src/lib/core/metrics/classification.ts';
import { scoredRows } from './evaluation-fixtures.ts';
import { compileStrict, renderSvg } from './render.ts';

type Layered = { layer: { data: { values: { curve?: string; x?: number; y: number }[] } }[] };

describe('precisionRecallSpec', () => {
	it('draws the positive class of a binary model with its average precision and the chance line', async () => {
		const rows = scoredRows(40, ['benign', 'malignant'], 1);
		const spec = precisionRecallSpec(rows)!;
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		const ap = averagePrecisionPerClass(rows.yTrue, rows.proba, rows.classes)[1]!;
		const layers = (spec as unknown as Layered).layer;
		expect(new Set(layers[0]!.data.values.map((p) => p.curve))).toEqual(
			new Set([`malignant (AP ${ap.toFixed(3)})`])
		);
		// Half the rows are positive: calling everything positive is right half the time.
		expect(layers[1]!.data.values).toEqual([{ y: 0.5 }]);
		// scikit-learn's curve ends at recall 0, precision 1.
		expect(layers[0]!.data.values.at(-1)).toMatchObject({ x: 0, y: 1 });
		const svg = await renderSvg(spec);
		expect(svg).toContain('Recall');
		expect(svg).toContain('malignant (AP');
	});

	it('draws every class of a multi-class model, without a chance line', () => {
		const rows = scoredRows(90, ['a', 'b', 'c']);
		const spec = precisionRecallSpec(rows)!;
		expect(compileStrict(spec).warnings).toEqual([]);
		const layers = (spec as unknown as Layered).layer;
		expect(layers).toHaveLength(1);
		expect(new Set(layers[0]!.data.values.map((p) => p.curve!.split(' ')[0]))).toEqual(
			new Set(['a', 'b', 'c'])
		);
	});
});
