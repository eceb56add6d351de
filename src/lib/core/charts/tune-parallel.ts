// Parallel coordinates of a search: one vertical axis per searched field plus the score, one line per
// trial, each axis scaled to 0–1 (log ranges on the logarithm, choices spread evenly in their order), the
// lines coloured by score, so the good trials' paths through the fields stand out. Scores far below the rest
// (a diverged network) sit at the score axis' foot and take its colour, so they do not wash the rest into one
// hue (score-floor.ts).
import type { TopLevelSpec } from 'vega-lite';
import type { TrialRecord } from '../tune/search.ts';
import { SEARCH_FIELDS, spaceFields, type SearchSpace } from '../tune/space.ts';
import { scoreFloor } from './score-floor.ts';
import { baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

export interface ParallelPoint {
	trial: number;
	axis: string;
	/** 0 to 1 along the axis. */
	position: number;
	/** The field's value as the tooltip says it. */
	value: string;
	score: number;
	/** The score the line's colour says: the score, or the axis' foot when it is far below the rest. */
	shade: number;
}

/** One point per trial and axis; trials without a score are left out. */
export function parallelPoints(
	space: SearchSpace,
	trials: readonly TrialRecord[],
	metricLabel: string
): ParallelPoint[] {
	const scored = trials.filter((t) => t.value !== null && Number.isFinite(t.value));
	const out: ParallelPoint[] = [];
	const fields = spaceFields(space);
	const scores = scored.map((t) => t.value!);
	const low = Math.max(Math.min(...scores), scoreFloor(scores));
	const high = Math.max(...scores);
	for (const t of scored) {
		const shade = Math.max(t.value!, low);
		for (const field of fields) {
			const domain = space.params[field]!;
			const value = t.params[field];
			if (value === undefined) continue;
			let position: number;
			if (domain.type === 'choice') {
				const i = domain.options.indexOf(value);
				position = domain.options.length === 1 ? 0.5 : i / (domain.options.length - 1);
			} else {
				const f = (x: number) => (domain.log ? Math.log(x) : x);
				const span = f(domain.high) - f(domain.low);
				position = span === 0 ? 0.5 : (f(Number(value)) - f(domain.low)) / span;
			}
			out.push({
				trial: t.trial,
				axis: SEARCH_FIELDS[field].label,
				position,
				value: String(value),
				score: t.value!,
				shade
			});
		}
		out.push({
			trial: t.trial,
			axis: `Validation ${metricLabel}`,
			position: high === low ? 0.5 : (shade - low) / (high - low),
			value: t.value!.toFixed(4),
			score: t.value!,
			shade
		});
	}
	return out;
}

export function tuneParallelSpec(
	space: SearchSpace,
	trials: readonly TrialRecord[],
	metricLabel: string,
	options: ChartOptions = {}
): TopLevelSpec {
	const values = parallelPoints(space, trials, metricLabel);
	const axes = [...spaceFields(space).map((f) => SEARCH_FIELDS[f].label), `Validation ${metricLabel}`];
	return {
		...baseSpec(options),
		...CONTAINER_WIDTH,
		height: 220,
		data: { values },
		mark: { type: 'line', opacity: 0.6, point: true, tooltip: true },
		encoding: {
			x: { field: 'axis', type: 'nominal', sort: axes, title: null, axis: { labelAngle: -30 } },
			y: {
				field: 'position',
				type: 'quantitative',
				title: 'Position in the range',
				scale: { domain: [0, 1] }
			},
			detail: { field: 'trial', type: 'nominal' },
			color: { field: 'shade', type: 'quantitative', title: `Validation ${metricLabel}` },
			tooltip: [
				{ field: 'trial', title: 'Trial' },
				{ field: 'axis', title: 'Field' },
				{ field: 'value', title: 'Value' },
				{ field: 'score', title: 'Score', format: '.4f' }
			]
		}
	} as TopLevelSpec;
}
