import { describe, expect, it } from 'vitest';
import { groupMetricsSpec } from '../../../src/lib/core/charts/index.ts';
import type { GroupMetrics } from '../../../src/lib/core/evaluate/group-metrics.ts';
import { compileStrict, renderSvg } from './render.ts';

const RESULT: GroupMetrics = {
	column: 'island',
	split: 'test',
	grouping: 'values',
	metricNames: ['accuracy', 'f1_macro'],
	groups: [
		{ label: 'Biscoe', rows: 30, metrics: { accuracy: 1, f1_macro: 1 }, few: false },
		{ label: 'Dream', rows: 25, metrics: { accuracy: 0.92, f1_macro: 0.9 }, few: false },
		{ label: 'Torgersen', rows: 4, metrics: { accuracy: 0.5, f1_macro: 0.33 }, few: true }
	],
	gaps: [
		{
			metric: 'accuracy',
			higherIsBetter: true,
			best: { label: 'Biscoe', value: 1 },
			worst: { label: 'Dream', value: 0.92 },
			gap: 0.08
		},
		{
			metric: 'f1_macro',
			higherIsBetter: true,
			best: { label: 'Biscoe', value: 1 },
			worst: { label: 'Dream', value: 0.9 },
			gap: 0.1
		}
	],
	largest: null,
	sentence: ''
};

describe('groupMetricsSpec', () => {
	it('draws a bar per group and metric, the best and worst group marked, small groups faded', async () => {
		const spec = groupMetricsSpec(RESULT)!;
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		const charts = (
			spec as {
				vconcat: {
					title: { text: string };
					data: { values: { group: string; rank: string; few: boolean }[] };
				}[];
			}
		).vconcat;
		expect(charts.map((c) => c.title.text)).toEqual(['Accuracy', 'F1 (macro)']);
		expect(charts[0]!.data.values.map((v) => [v.group, v.rank, v.few])).toEqual([
			['Biscoe', 'best', false],
			['Dream', 'worst', false],
			['Torgersen', 'other', true]
		]);
		const svg = await renderSvg(spec);
		expect(svg).toContain('Torgersen');
		expect([...svg.matchAll(/aria-roledescription="bar"/g)]).toHaveLength(6);
	});

	it('leaves out a metric no group has and draws nothing when none has any', () => {
		const regression: GroupMetrics = {
			...RESULT,
			metricNames: ['mae', 'r2'],
			gaps: [],
			groups: [{ label: 'a', rows: 1, metrics: { mae: 2, r2: null }, few: true }]
		};
		const spec = groupMetricsSpec(regression)!;
		expect((spec as { vconcat: unknown[] }).vconcat).toHaveLength(1);
		expect(groupMetricsSpec({ ...regression, groups: [] })).toBeNull();
	});
});
