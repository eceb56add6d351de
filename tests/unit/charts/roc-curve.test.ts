import { describe, expect, it } from 'vitest';
import { rocCurveSpec } from '../../../src/lib/core/charts/index.ts';
import { rocAucPerClass, rocAucScore } from '../../../src/lib/core/metrics/classification.ts';
import { probabilityColumn } from '../../../src/lib/core/metrics/inputs.ts';
import { scoredRows } from './evaluation-fixtures.ts';
import { compileStrict, renderSvg } from './render.ts';

type Layered = { layer: { data: { values: { curve: string; x: number; y: number }[] } }[] };

describe('rocCurveSpec', () => {
	it('draws one curve per class for three classes, the AUC in the legend and the diagonal', async () => {
		const rows = scoredRows(60, ['setosa', 'versicolor', 'virginica']);
		const spec = rocCurveSpec(rows)!;
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		const aucs = rocAucPerClass(rows.yTrue, rows.proba, rows.classes);
		const curves = [...new Set((spec as unknown as Layered).layer[0]!.data.values.map((p) => p.curve))];
		expect(curves).toEqual(rows.classes.map((c, i) => `${c} (AUC ${aucs[i]!.toFixed(3)})`));
		expect((spec as unknown as Layered).layer[1]!.data.values).toEqual([
			{ x: 0, y: 0 },
			{ x: 1, y: 1 }
		]);
		const svg = await renderSvg(spec);
		expect(svg).toContain('False positive rate');
		expect(svg).toContain(`setosa (AUC ${aucs[0]!.toFixed(3)})`);
	});

	it('draws the positive class only for a binary model, and thins a long curve', () => {
		const rows = scoredRows(100_000, ['no', 'yes'], 0.6);
		const spec = rocCurveSpec(rows)!;
		expect(compileStrict(spec).warnings).toEqual([]);
		const points = (spec as unknown as Layered).layer[0]!.data.values;
		const auc = rocAucScore(rows.yTrue, probabilityColumn(rows.proba, 2, 1), 1);
		expect(new Set(points.map((p) => p.curve))).toEqual(new Set([`yes (AUC ${auc.toFixed(3)})`]));
		expect(points.length).toBeLessThan(1200);
		expect(points[0]).toMatchObject({ x: 0, y: 0 });
		expect(points[points.length - 1]).toMatchObject({ x: 1, y: 1 });
	});

	it('skips a class with no rows and gives nothing when no class has a curve', () => {
		const rows = {
			classes: ['a', 'b', 'c'],
			yTrue: Int32Array.from([0, 1, 0, 1]),
			proba: new Float32Array(12).fill(1 / 3)
		};
		const spec = rocCurveSpec(rows)!;
		const curves = new Set((spec as unknown as Layered).layer[0]!.data.values.map((p) => p.curve));
		expect([...curves].map((c) => c.split(' ')[0])).toEqual(['a', 'b']);
		expect(
			rocCurveSpec({
				classes: ['a', 'b'],
				yTrue: Int32Array.from([1, 1]),
				proba: Float32Array.from([0.2, 0.8, 0.4, 0.6])
			})
		).toBeNull();
	});
});
