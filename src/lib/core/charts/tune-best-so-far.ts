// A search's progress: each finished trial's validation score over the search's time (points, pruned and
// failed ones greyed), and the best score so far as a step line, so it shows when the search stopped finding
// better models. Scores far below the rest (a diverged network) sit at the axis' foot, marked (score-floor.ts).
import type { TopLevelSpec } from 'vega-lite';
import type { TrialRecord } from '../tune/search.ts';
import { scoreFloor } from './score-floor.ts';
import { baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

const BELOW_AXIS = 'below the axis';

export interface BestSoFarPoint {
	trial: number;
	/** The trial's finishing order (1-based): trials finish out of number order in a pool. */
	order: number;
	value: number;
	/** Where the point is drawn: its value, or the axis' foot when the value is far below the rest. */
	shown: number;
	best: number;
	status: string;
	/** Set when the point is drawn at the axis' foot. */
	place?: typeof BELOW_AXIS;
}

/** The points the chart draws: trials with a score, in finishing order, each with the best score up to it. */
export function bestSoFarPoints(trials: readonly TrialRecord[]): BestSoFarPoint[] {
	const scored = trials.filter((t) => t.value !== null && Number.isFinite(t.value));
	const floor = scoreFloor(scored.map((t) => t.value!));
	const points: BestSoFarPoint[] = [];
	let best = -Infinity;
	for (const t of scored) {
		const value = t.value!;
		if (t.status === 'completed' && value > best) best = value;
		points.push({
			trial: t.trial,
			order: points.length + 1,
			value,
			shown: Math.max(value, floor),
			best: Math.max(Number.isFinite(best) ? best : value, floor),
			status: t.status,
			...(value < floor ? { place: BELOW_AXIS } : {})
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
				mark: { type: 'point', filled: true },
				encoding: {
					x,
					y: {
						field: 'shown',
						type: 'quantitative',
						title: `Validation ${metricLabel}`,
						scale: { zero: false }
					},
					color: { field: 'status', type: 'nominal', title: 'Trial' },
					...(values.some((p) => p.place)
						? {
								shape: {
									field: 'place',
									type: 'nominal',
									title: null,
									scale: { domain: [BELOW_AXIS], range: ['triangle-down'] },
									legend: { values: [BELOW_AXIS] }
								}
							}
						: {}),
					tooltip: [
						{ field: 'trial', title: 'Trial' },
						{ field: 'status', title: 'Status' },
						{ field: 'value', title: `Validation ${metricLabel}`, format: '.4f' }
					]
				}
			},
			{
				mark: { type: 'line', interpolate: 'step-after' },
				encoding: { x, y: { field: 'best', type: 'quantitative' } }
			}
		]
	} as TopLevelSpec;
}
