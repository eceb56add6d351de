// The clip step: caps numeric columns at quantiles learned from the training rows (by default the 1st and
// 99th percentiles), so a few extreme values stop dominating a scale or a model.
import * as v from 'valibot';
import { defineStep } from '../../recipe/step-definition.ts';
import { columnType, requireColumns, requireKinds } from '../../../table/require-columns.ts';
import { numberColumn } from '../../../table/number-column.ts';
import { readNumbers } from '../../../table/read-column.ts';
import { rebuildTable } from '../../../table/rebuild-table.ts';
import type { OutputColumn } from '../../../table/rebuild-table.ts';
import type { ColumnType } from '../../../table/column-types.ts';
import { COLUMNS_PARAM, FINITE, columnsText, numericColumns, presentSorted } from '../scale/column-params.ts';
import { quantileOfSorted } from './quantile.ts';

const PARAMS = v.pipe(
	v.object({
		columns: COLUMNS_PARAM,
		lower: v.optional(
			v.pipe(
				v.number(),
				v.minValue(0, 'The lower quantile is at least 0.'),
				v.ltValue(1, 'The lower quantile is below 1.')
			),
			0.01
		),
		upper: v.optional(
			v.pipe(
				v.number(),
				v.gtValue(0, 'The upper quantile is above 0.'),
				v.maxValue(1, 'The upper quantile is at most 1.')
			),
			0.99
		)
	}),
	v.check(
		(params) => params.lower < params.upper,
		(issue) => {
			const { lower, upper } = issue.input as { lower: number; upper: number };
			return `The lower quantile (${lower}) must be below the upper quantile (${upper}).`;
		}
	)
);

const STATE = v.object({
	columns: v.array(v.object({ column: v.string(), lower: FINITE, upper: FINITE }))
});

/** "1%" for 0.01, "99.5%" for 0.995. */
function percent(q: number): string {
	return `${Number((q * 100).toPrecision(6))}%`;
}

export const clip = defineStep<v.InferOutput<typeof PARAMS>, v.InferOutput<typeof STATE>>({
	op: 'clip',
	label: 'Clip outliers',
	summary:
		'Caps each numeric column between two quantiles of its training values (by default the 1st and 99th percentiles), so a handful of extreme values cannot dominate scaling or training.',
	params: PARAMS,
	state: STATE,
	fields: [
		{ kind: 'columns', key: 'columns', label: 'Columns', accepts: 'numeric' },
		{
			kind: 'number',
			key: 'lower',
			label: 'Lower quantile',
			min: 0,
			max: 1,
			step: 0.01,
			help: 'Values below this quantile of the training rows are raised to it (0 keeps the minimum).'
		},
		{
			kind: 'number',
			key: 'upper',
			label: 'Upper quantile',
			min: 0,
			max: 1,
			step: 0.01,
			help: 'Values above this quantile of the training rows are lowered to it (1 keeps the maximum).'
		}
	],
	defaults: (schema, context) => ({ columns: numericColumns(schema, context), lower: 0.01, upper: 0.99 }),
	describe: (params) =>
		`Clip ${columnsText(params.columns)} to ${percent(params.lower)}–${percent(params.upper)}`,
	fit(params, input) {
		requireColumns(input, params.columns);
		requireKinds(input, params.columns, 'numeric', 'clipping needs numbers');
		return {
			columns: params.columns.map((column) => {
				const sorted = presentSorted(input, column, 'learn the quantiles');
				return {
					column,
					lower: quantileOfSorted(sorted, params.lower),
					upper: quantileOfSorted(sorted, params.upper)
				};
			})
		};
	},
	apply(_params, state, input) {
		requireColumns(
			input,
			state.columns.map((c) => c.column)
		);
		const replace = new Map<string, OutputColumn[]>();
		for (const { column, lower, upper } of state.columns) {
			const values = readNumbers(input.table, column);
			for (let i = 0; i < values.length; i++) {
				const x = values[i]!;
				// NaN fails both comparisons and stays missing.
				if (x < lower) values[i] = lower;
				else if (x > upper) values[i] = upper;
			}
			replace.set(column, [
				{
					name: column,
					type: clippedType(columnType(input, column), lower, upper),
					values: numberColumn(values)
				}
			]);
		}
		return rebuildTable(input, replace);
	}
});

/** An integer column stays integer when both bounds are whole numbers; otherwise it now holds fractions. */
function clippedType(type: ColumnType, lower: number, upper: number): ColumnType {
	return type === 'integer' && Number.isInteger(lower) && Number.isInteger(upper) ? 'integer' : 'number';
}
