// How one feature relates to the target, from the bounded chart data the profile computed: the mean
// target per bin or the target's spread per level for a numeric target, class shares per bin or
// level for a categorical one.
import type { TopLevelSpec } from 'vega-lite';
import type { TargetRelation } from '../data/profile/index.ts';
import { isolated } from '../phrase.ts';
import { classColor, classShareAxis, classShareRows, classShareTooltip } from './class-shares.ts';
import { formatBin } from './format.ts';
import { binnedX } from './histogram.ts';
import { bandHeight, baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

const MEASURES = { pearson: 'Correlation r', eta: 'Correlation ratio η', 'cramers-v': "Cramér's V" };

/** "Correlation r = −0.78 over 392 rows", the subtitle every relation chart carries. */
export function relationSummary(relation: TargetRelation): string {
	const value = relation.value === null ? 'undefined' : relation.value.toFixed(2).replace('-', '−');
	return `${MEASURES[relation.measure]} = ${value} over ${relation.rows.toLocaleString('en')} rows`;
}

export function featureVsTargetSpec(relation: TargetRelation, options: ChartOptions = {}): TopLevelSpec {
	const { feature, target, chart } = relation;
	const title = { text: `${isolated(target)} by ${isolated(feature)}`, subtitle: relationSummary(relation) };
	const base = { ...baseSpec(options), ...CONTAINER_WIDTH, title };

	if (chart.kind === 'binned-mean') {
		const values = chart.bins
			.filter((b) => b.mean !== null)
			.map((b) => ({ ...b, range: formatBin(b.x0, b.x1, relation.featureType) }));
		return {
			...base,
			height: 180,
			data: { values },
			mark: { type: 'bar', tooltip: true },
			encoding: {
				x: binnedX(relation.featureType, relation.feature),
				x2: { field: 'x1' },
				y: { field: 'mean', type: 'quantitative', title: `Mean ${target}`, scale: { zero: false } },
				tooltip: [
					{ field: 'range', type: 'nominal', title: feature },
					{ field: 'mean', type: 'quantitative', title: `Mean ${target}`, format: '.4~g' },
					{ field: 'count', type: 'quantitative', title: 'Rows', format: ',' }
				]
			}
		};
	}

	if (chart.kind === 'group-summary') {
		const values = chart.groups.map((g, rank) => ({ ...g, rank }));
		const y = {
			field: 'value',
			type: 'nominal',
			title: feature,
			sort: { field: 'rank', order: 'ascending' }
		} as const;
		const tooltip = [
			{ field: 'value', type: 'nominal', title: feature },
			{ field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
			{ field: 'mean', type: 'quantitative', title: 'Mean', format: '.4~g' },
			{ field: 'min', type: 'quantitative', title: 'Min', format: '.4~g' },
			{ field: 'q1', type: 'quantitative', title: 'Lower quartile', format: '.4~g' },
			{ field: 'median', type: 'quantitative', title: 'Median', format: '.4~g' },
			{ field: 'q3', type: 'quantitative', title: 'Upper quartile', format: '.4~g' },
			{ field: 'max', type: 'quantitative', title: 'Max', format: '.4~g' }
		] as const;
		// A box plot drawn from the profile's five numbers: whisker from min to max, box for the middle half.
		return {
			...base,
			height: bandHeight(values.length, 22),
			data: { values },
			encoding: { y, tooltip: [...tooltip] },
			layer: [
				{
					mark: { type: 'rule', opacity: 0.7 },
					encoding: {
						x: { field: 'min', type: 'quantitative', title: target, scale: { zero: false } },
						x2: { field: 'max' }
					}
				},
				{
					mark: { type: 'bar', size: 14, cornerRadius: 2 },
					encoding: { x: { field: 'q1', type: 'quantitative' }, x2: { field: 'q3' } }
				},
				{
					mark: { type: 'tick', size: 14, thickness: 2, color: options.colors?.text ?? '#1f2937' },
					encoding: { x: { field: 'median', type: 'quantitative' } }
				}
			]
		};
	}

	if (chart.kind === 'binned-classes') {
		const values = chart.bins.flatMap((b) => {
			const range = formatBin(b.x0, b.x1, relation.featureType);
			return classShareRows(chart.classes, b.counts).map((row) => ({ x0: b.x0, x1: b.x1, range, ...row }));
		});
		return {
			...base,
			height: 180,
			data: { values },
			transform: [{ filter: 'datum.count > 0' }],
			mark: { type: 'bar', tooltip: true },
			encoding: {
				x: binnedX(relation.featureType, relation.feature),
				x2: { field: 'x1' },
				y: classShareAxis(target),
				color: classColor(chart.classes, target),
				order: { field: 'classIndex' },
				tooltip: [{ field: 'range', type: 'nominal', title: feature }, ...classShareTooltip(target)]
			}
		};
	}

	const values = chart.groups.flatMap((g, rank) =>
		classShareRows(chart.classes, g.counts).map((row) => ({ value: g.value, rank, ...row }))
	);
	return {
		...base,
		height: bandHeight(chart.groups.length, 22),
		data: { values },
		transform: [{ filter: 'datum.count > 0' }],
		mark: { type: 'bar', tooltip: true },
		encoding: {
			y: { field: 'value', type: 'nominal', title: feature, sort: { field: 'rank', order: 'ascending' } },
			x: classShareAxis(target),
			color: classColor(chart.classes, target),
			order: { field: 'classIndex' },
			tooltip: [
				{ field: 'value', type: 'nominal', title: feature },
				...classShareTooltip(target),
				{ field: 'total', type: 'quantitative', title: `Rows with this ${feature}`, format: ',' }
			]
		}
	};
}
