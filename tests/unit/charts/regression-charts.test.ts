import { describe, expect, it } from 'vitest';
import { predictedVsActualSpec, residualsSpec } from '../../../src/lib/core/charts/index.ts';
import { regressionRows } from './evaluation-fixtures.ts';
import { compileStrict, renderSvg } from './render.ts';

type Charts = {
	vconcat: { title: { text: string }; layer: { data: { values: { x: number; y: number }[] } }[] }[];
};

describe('predictedVsActualSpec', () => {
	it('draws one chart per output with the y = x line over both value ranges', async () => {
		const rows = regressionRows(30, ['Weight', 'Waist']);
		const spec = predictedVsActualSpec(rows)!;
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		const charts = (spec as unknown as Charts).vconcat;
		expect(charts.map((c) => c.title.text)).toEqual([
			'Predicted vs actual: Weight',
			'Predicted vs actual: Waist'
		]);
		expect(charts[0]!.layer[0]!.data.values[3]).toEqual({ x: rows.actual[0]![3], y: rows.predicted[0]![3] });
		const line = charts[1]!.layer[1]!.data.values;
		const all = [...rows.actual[1]!, ...rows.predicted[1]!];
		expect(line).toEqual([
			{ x: Math.min(...all), y: Math.min(...all) },
			{ x: Math.max(...all), y: Math.max(...all) }
		]);
		const svg = await renderSvg(spec);
		expect(svg).toContain('Actual Weight');
	});

	it('samples a large split evenly and drops non-finite values', () => {
		const rows = regressionRows(50_000, ['y']);
		rows.predicted[0]![0] = Number.NaN;
		const spec = predictedVsActualSpec(rows, { maxPoints: 1000 })!;
		expect(compileStrict(spec).warnings).toEqual([]);
		const points = (spec as unknown as Charts).vconcat[0]!.layer[0]!.data.values;
		expect(points).toHaveLength(999);
		expect(points[0]).toEqual({ x: rows.actual[0]![50], y: rows.predicted[0]![50] });
		expect(JSON.stringify(spec)).toContain('999 of 50,000 rows, evenly sampled');
		expect(predictedVsActualSpec(regressionRows(0, ['y']))).toBeNull();
	});
});

describe('residualsSpec', () => {
	it('plots actual − predicted against the prediction per output, with the zero line', async () => {
		const rows = regressionRows(20, ['progression']);
		const spec = residualsSpec(rows)!;
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		const chart = (spec as unknown as Charts).vconcat[0]!;
		expect(chart.layer[0]!.data.values[5]).toEqual({
			x: rows.predicted[0]![5],
			y: rows.actual[0]![5]! - rows.predicted[0]![5]!
		});
		expect(chart.layer[1]!.data.values).toEqual([{ y: 0 }]);
		const svg = await renderSvg(spec);
		expect(svg).toContain('Actual − predicted');
		expect(residualsSpec(regressionRows(0, ['y']))).toBeNull();
	});
});
