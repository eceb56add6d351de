// A search's progress: each finished trial's validation score over the search's time (points, pruned and
// failed ones greyed), and the best score so far as a step line, so it shows when the search stopped finding
// better models.
import type { TopLevelSpec } from 'vega-lite';
import type { TrialRecord } from '../tune/search.ts';
import { baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

export interface BestSoFarPoint {
	trial: number;
	/** The trial's finishing order (1-based): trials finish out of number order in a pool. */
	order: number;
	value: number;
	best: number;
	status: string;
}

/** The points the chart draws: trials with a score, in finishing order, each with the best score up to it. */
export function bestSoFarPoints(trials: readonly TrialRecord[]): BestSoFarPoint[] {
	const points: BestSoFarPoint[] = [];
	let best = -Infinity;
	for (const t of trials) {
		if (t.value === null || !Number.isFinite(t.value)) continue;
		if (t.status === 'completed' && t.value > best) best = t.value;
		points.push({
			trial: t.trial,
			order: points.length + 1,
			value: t.value,
			best: Number.isFinite(best) ? best : t.value,
			status: t.status
		});
	}
	return points;
}

export function tuneBestSoFarSpec(
	trials: readonly TrialRecord[],
	metricLabel: string,
	options: ChartOptions = {}
): TopLevelSpec {
	const values = bestSoFarPoints(trials);
	const x = {
		field: 'order',
		type: 'quantitative' as const,
		title: 'Trials finished',
		axis: { tickMinStep: 1 }
	};
	return {
		...baseSpec(options),
		...CONTAINER_WIDTH,
		height: 180,
		data: { values },
		layer: [
			{
				mark: { type: 'point', filled: true, tooltip: true },
				encoding: {
					x,
					y: {
						field: 'value',
						type: 'quantitative',
						title: `Validation ${metricLabel}`,
						scale: { zero: false }
					},
					color: { field: 'status', type: 'nominal', title: 'Trial' }
				}
			},
			{
				mark: { type: 'line', interpolate: 'step-after' },
				encoding: { x, y: { field: 'best', type: 'quantitative' } }
			}
		]
	} as TopLevelSpec;
}
