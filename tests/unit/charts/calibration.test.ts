import { describe, expect, it } from 'vitest';
import { calibrationSpec } from '../../../src/lib/core/charts/index.ts';
import { calibrationCurve } from '../../../src/lib/core/metrics/curves.ts';
import { probabilityColumn } from '../../../src/lib/core/metrics/inputs.ts';
import { scoredRows } from './evaluation-fixtures.ts';
import { compileStrict, renderSvg } from './render.ts';

type Layered = { layer: { data: { values: { curve?: string; x: number; y: number }[] } }[] };

describe('calibrationSpec', () => {
	it('plots the binned fraction of positives against the mean probability, with the diagonal', async () => {
		const rows = scoredRows(200, ['no', 'yes'], 1);
		const spec = calibrationSpec(rows, { bins: 5 })!;
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		const expected = calibrationCurve(rows.yTrue, probabilityColumn(rows.proba, 2, 1), 1, { nBins: 5 });
		const layers = (spec as unknown as Layered).layer;
		expect(layers[0]!.data.values.map((p) => p.y)).toEqual(Array.from(expected.probTrue));
		expect(layers[0]!.data.values.map((p) => p.x)).toEqual(Array.from(expected.probPred));
		expect(layers[1]!.data.values).toEqual([
			{ x: 0, y: 0 },
			{ x: 1, y: 1 }
		]);
		const svg = await renderSvg(spec);
		expect(svg).toContain('Mean predicted probability');
	});

	it('draws one line per class for more than two classes and nothing without rows', () => {
		const rows = scoredRows(90, ['a', 'b', 'c']);
		const spec = calibrationSpec(rows)!;
		expect(compileStrict(spec).warnings).toEqual([]);
		const curves = new Set((spec as unknown as Layered).layer[0]!.data.values.map((p) => p.curve));
		expect(curves).toEqual(new Set(['a', 'b', 'c']));
		expect(
			calibrationSpec({ classes: ['a', 'b'], yTrue: new Int32Array(0), proba: new Float32Array(0) })
		).toBeNull();
	});
});
