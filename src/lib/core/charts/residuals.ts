// Residuals (actual − predicted) against the prediction, one chart per output. Points should scatter
// evenly around the zero line; a funnel or a curve shows error the model could still learn.
import type { TopLevelSpec } from 'vega-lite';
import {
	outputSubtitle,
	samplePairs,
	type RegressionRows,
	type ScatterOptions
} from './predicted-vs-actual.ts';
import { baseSpec, CONTAINER_WIDTH } from './theme.ts';

function outputChart(target: string, input: RegressionRows, o: number, options: ScatterOptions) {
	// x is the prediction, y the residual: actual − predicted.
	const points = samplePairs(
		input.predicted[o]!,
		input.actual[o]!,
		options.maxPoints ?? 2000,
		(p, a) => a - p
	);
	return {
		...CONTAINER_WIDTH,
		height: 200,
		title: { text: `Residuals: ${target}`, subtitle: outputSubtitle(points.length, input.actual[o]!.length) },
		layer: [
			{
				data: { values: points },
				mark: { type: 'point' as const, filled: true, size: 18, opacity: 0.55, tooltip: true },
				encoding: {
					x: {
						field: 'x',
						type: 'quantitative' as const,
						title: `Predicted ${target}`,
						scale: { zero: false, nice: true }
					},
					y: { field: 'y', type: 'quantitative' as const, title: 'Actual − predicted' },
					tooltip: [
						{ field: 'x', type: 'quantitative' as const, title: 'Predicted', format: '.4~g' },
						{ field: 'y', type: 'quantitative' as const, title: 'Residual', format: '.4~g' }
					]
				}
			},
			{
				data: { values: [{ y: 0 }] },
				mark: { type: 'rule' as const, strokeDash: [4, 4], color: options.colors?.text ?? '#808a96' },
				encoding: { y: { field: 'y', type: 'quantitative' as const } }
			}
		]
	};
}

/** Null without rows. */
export function residualsSpec(input: RegressionRows, options: ScatterOptions = {}): TopLevelSpec | null {
	if (input.targets.length === 0 || input.actual[0]!.length === 0) return null;
	return {
		...baseSpec(options),
		vconcat: input.targets.map((target, o) => outputChart(target, input, o, options))
	} as TopLevelSpec;
}
