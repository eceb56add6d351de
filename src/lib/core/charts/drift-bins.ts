// One feature's drift drawn: for each bin (a training decile, or a category) the share of rows in
// training and in the new data, side by side, so a shift reads as bars that no longer match.
import type { TopLevelSpec } from 'vega-lite';
import type { FeatureDrift } from '../drift/drift-report.ts';
import { bandHeight, baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

/** What the two sides are called in the legend. */
export const DRIFT_SIDES = ['training', 'new data'] as const;

/** Long rows: one per bin and side, in bin order. */
export function driftBinRows(drift: FeatureDrift, reference: string = DRIFT_SIDES[0]) {
	return drift.bins.flatMap((bin, order) => [
		{ bin: bin.label, order, side: reference, share: bin.training },
		{ bin: bin.label, order, side: DRIFT_SIDES[1], share: bin.current }
	]);
}

/** Horizontal grouped bars (bins down the side), which stay legible at 390 px with long labels. */
export function driftBinsSpec(
	drift: FeatureDrift,
	options: ChartOptions & { reference?: string } = {}
): TopLevelSpec {
	const reference = options.reference ?? DRIFT_SIDES[0];
	return {
		...baseSpec(options),
		...CONTAINER_WIDTH,
		height: bandHeight(drift.bins.length * 2, 9),
		// Short lines: the card can be 300 px wide.
		title: {
			text: drift.name,
			subtitle: `Rows per ${drift.kind === 'number' ? 'training decile' : 'category'} · PSI ${Number.isFinite(drift.psi) ? drift.psi.toFixed(3) : 'n/a'}`
		},
		data: { values: driftBinRows(drift, reference) },
		mark: { type: 'bar', tooltip: true, cornerRadiusEnd: 2 },
		encoding: {
			y: { field: 'bin', type: 'nominal', title: null, sort: { field: 'order', order: 'ascending' } },
			yOffset: { field: 'side', sort: [reference, DRIFT_SIDES[1]] },
			x: { field: 'share', type: 'quantitative', title: 'Share of rows', axis: { format: '%' } },
			color: {
				field: 'side',
				type: 'nominal',
				title: null,
				scale: { domain: [reference, DRIFT_SIDES[1]], range: ['#94a3b8', '#f97316'] },
				legend: { orient: 'top' }
			},
			tooltip: [
				{ field: 'bin', type: 'nominal', title: drift.kind === 'number' ? 'Range' : 'Value' },
				{ field: 'side', type: 'nominal', title: 'Rows of' },
				{ field: 'share', type: 'quantitative', title: 'Share', format: '.1%' }
			]
		}
	} as TopLevelSpec;
}
