// Several runs' learning curves on one pair of axes (loss, then accuracy or R²), one colour per run,
// validation solid and training dashed, so the comparison shows which run learned faster and which overfit.
import type { TopLevelSpec } from 'vega-lite';
import type { EpochRecord } from '../train/types.ts';
import { baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

export interface CompareCurveRun {
	/** Unique per run: the legend tells the runs apart by it. */
	label: string;
	history: EpochRecord[];
}

export interface CompareCurveOptions extends ChartOptions {
	/** What `metric` is: "Accuracy" or "R²". */
	metricLabel: string;
}

interface Point {
	run: string;
	split: 'training' | 'validation';
	epoch: number;
	value: number;
}

function points(runs: CompareCurveRun[], train: keyof EpochRecord, validation: keyof EpochRecord): Point[] {
	const out: Point[] = [];
	for (const run of runs) {
		for (const record of run.history) {
			const t = record[train];
			const v = record[validation];
			// Non-finite values (a diverged run) would stretch the axis to nothing; they are left out.
			if (typeof t === 'number' && Number.isFinite(t))
				out.push({ run: run.label, split: 'training', epoch: record.epoch, value: t });
			if (typeof v === 'number' && Number.isFinite(v))
				out.push({ run: run.label, split: 'validation', epoch: record.epoch, value: v });
		}
	}
	return out;
}

function panel(title: string, values: Point[], runs: string[]) {
	return {
		...CONTAINER_WIDTH,
		height: 180,
		title,
		data: { values },
		mark: { type: 'line' as const, tooltip: true },
		encoding: {
			x: { field: 'epoch', type: 'quantitative' as const, title: 'Epoch', axis: { tickMinStep: 1 } },
			y: { field: 'value', type: 'quantitative' as const, title, scale: { zero: false } },
			color: { field: 'run', type: 'nominal' as const, title: 'Run', scale: { domain: runs } },
			strokeDash: {
				field: 'split',
				type: 'nominal' as const,
				title: null,
				scale: {
					domain: ['validation', 'training'],
					range: [
						[1, 0],
						[4, 3]
					]
				}
			},
			detail: { field: 'split', type: 'nominal' as const },
			tooltip: [
				{ field: 'run', type: 'nominal' as const, title: 'Run' },
				{ field: 'split', type: 'nominal' as const, title: 'Split' },
				{ field: 'epoch', type: 'quantitative' as const, title: 'Epoch' },
				{ field: 'value', type: 'quantitative' as const, title, format: '.4f' }
			]
		}
	};
}

/** Null when no run has a finished epoch (k-means runs have none). */
export function compareCurvesSpec(
	runs: CompareCurveRun[],
	options: CompareCurveOptions
): TopLevelSpec | null {
	const withHistory = runs.filter((run) => run.history.length > 0);
	if (withHistory.length === 0) return null;
	const labels = withHistory.map((run) => run.label);
	const loss = points(withHistory, 'loss', 'valLoss');
	const metric = points(withHistory, 'metric', 'valMetric');
	const charts = [panel('Loss', loss, labels)];
	if (metric.length > 0) charts.push(panel(options.metricLabel, metric, labels));
	// "container" width works on each chart of a vconcat, not on the concatenation itself.
	return { ...baseSpec(options), vconcat: charts } as TopLevelSpec;
}
