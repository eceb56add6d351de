// Permutation importance as bars: how much the main metric falls when each column is shuffled, most
// important first, with a whisker for the spread over the repeats. A bar left of zero means shuffling the
// column happened to help: the model does not rely on it.
import type { TopLevelSpec } from 'vega-lite';
import type { PermutationImportance } from '../evaluate/permutation-importance.ts';
import { bandHeight, baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

const METRIC_WORDS = { accuracy: 'accuracy', r2: 'R²' } as const;

/** Null when there is no column to show. */
export function importanceBarsSpec(
	result: PermutationImportance,
	options: ChartOptions = {}
): TopLevelSpec | null {
	if (result.columns.length === 0) return null;
	const metric = METRIC_WORDS[result.metric];
	const values = result.columns.map((c) => ({
		column: c.column,
		mean: c.mean,
		std: c.std,
		low: c.mean - c.std,
		high: c.mean + c.std
	}));
	// Data order (most important first): a sort by a field would conflict between the two layers.
	const y = { field: 'column', type: 'nominal' as const, title: null, sort: null };
	const repeats = result.repeats === 1 ? '1 shuffle' : `mean ± std of ${result.repeats} shuffles`;
	return {
		...baseSpec(options),
		...CONTAINER_WIDTH,
		height: bandHeight(values.length, 22),
		title: {
			text: 'Permutation importance',
			subtitle: `Drop in ${metric} when a column is shuffled (${repeats}, ${result.rows.toLocaleString('en')} test rows)`
		},
		data: { values },
		encoding: { y },
		layer: [
			{
				mark: { type: 'bar', tooltip: true },
				encoding: {
					x: { field: 'mean', type: 'quantitative', title: `Drop in ${metric}` },
					tooltip: [
						{ field: 'column', type: 'nominal', title: 'Column' },
						{ field: 'mean', type: 'quantitative', title: `Mean drop in ${metric}`, format: '.4f' },
						{ field: 'std', type: 'quantitative', title: 'Std', format: '.4f' }
					]
				}
			},
			{
				mark: { type: 'rule', color: options.colors?.text ?? '#808a96' },
				encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } }
			}
		]
	} as TopLevelSpec;
}
