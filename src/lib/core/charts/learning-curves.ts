// How a training run went, epoch by epoch: one chart for the loss and one for the metric (accuracy or
// R²), each with a training and a validation line, so overfitting shows as the lines parting. Built from
// the run's history only; the live view redraws it as epochs arrive.
import type { TopLevelSpec } from 'vega-lite';
import type { EpochRecord } from '../train/types.ts';
import { baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

export interface LearningCurveOptions extends ChartOptions {
	/** What `metric` is: "Accuracy" or "R²". */
	metricLabel: string;
	/** Marks the epoch whose weights the model kept. */
	bestEpoch?: number;
}

interface CurvePoint {
	epoch: number;
	value: number;
	split: 'training' | 'validation';
}

function points(
	history: EpochRecord[],
	train: keyof EpochRecord,
	validation: keyof EpochRecord
): CurvePoint[] {
	const out: CurvePoint[] = [];
	for (const record of history) {
		const t = record[train];
		const v = record[validation];
		// Non-finite values (a diverged run) would stretch the axis to nothing; they are left out.
		if (typeof t === 'number' && Number.isFinite(t))
			out.push({ epoch: record.epoch, value: t, split: 'training' });
		if (typeof v === 'number' && Number.isFinite(v))
			out.push({ epoch: record.epoch, value: v, split: 'validation' });
	}
	return out;
}

function curve(title: string, values: CurvePoint[], bestEpoch: number | undefined, options: ChartOptions) {
	const lines = {
		mark: { type: 'line' as const, point: values.length < 60, tooltip: true },
		encoding: {
			x: { field: 'epoch', type: 'quantitative' as const, title: 'Epoch', axis: { tickMinStep: 1 } },
			y: { field: 'value', type: 'quantitative' as const, title, scale: { zero: false } },
			color: {
				field: 'split',
				type: 'nominal' as const,
				title: null,
				scale: { domain: ['training', 'validation'] }
			},
			tooltip: [
				{ field: 'epoch', type: 'quantitative' as const, title: 'Epoch' },
				{ field: 'split', type: 'nominal' as const, title: 'Split' },
				{ field: 'value', type: 'quantitative' as const, title, format: '.4f' }
			]
		}
	};
	const best =
		bestEpoch === undefined
			? []
			: [
					{
						data: { values: [{ epoch: bestEpoch }] },
						mark: { type: 'rule' as const, strokeDash: [4, 3], color: options.colors?.text ?? '#808a96' },
						encoding: { x: { field: 'epoch', type: 'quantitative' as const } }
					}
				];
	return { ...CONTAINER_WIDTH, height: 160, title, data: { values }, layer: [lines, ...best] };
}

/** Null before the first epoch has ended. */
export function learningCurvesSpec(
	history: EpochRecord[],
	options: LearningCurveOptions
): TopLevelSpec | null {
	if (history.length === 0) return null;
	const loss = points(history, 'loss', 'valLoss');
	const metric = points(history, 'metric', 'valMetric');
	const charts = [curve('Loss', loss, options.bestEpoch, options)];
	if (metric.length > 0) charts.push(curve(options.metricLabel, metric, options.bestEpoch, options));
	// "container" width works on each chart of a vconcat, not on the concatenation itself.
	return { ...baseSpec(options), vconcat: charts } as TopLevelSpec;
}
