// The bin step: turns numeric columns into bin numbers (0, 1, 2…), with equal-width or equal-count
// (quantile) bins learned from the training rows, like scikit-learn's KBinsDiscretizer(encode='ordinal').
import * as v from 'valibot';
import { defineStep } from '../../recipe/step-definition.ts';
import { numberColumn } from '../../../table/number-column.ts';
import { readNumbers } from '../../../table/read-column.ts';
import { rebuildTable } from '../../../table/rebuild-table.ts';
import { requireColumns, requireKinds } from '../../../table/require-columns.ts';
import type { OutputColumn } from '../../../table/rebuild-table.ts';
import { COLUMNS_PARAM, FINITE, columnsText, numericColumns, presentSorted } from '../scale/column-params.ts';
import { binEdges, binIndex } from './bin-edges.ts';

const PARAMS = v.object({
	columns: COLUMNS_PARAM,
	method: v.optional(
		v.picklist(['equal-width', 'quantile'], 'The method is equal-width or quantile.'),
		'quantile'
	),
	bins: v.optional(
		v.pipe(
			v.number(),
			v.integer('The number of bins is a whole number.'),
			v.minValue(2, 'Use at least 2 bins.'),
			v.maxValue(100, 'Use at most 100 bins.')
		),
		5
	),
	output: v.optional(v.picklist(['ordinal'], 'The output is ordinal (the bin number).'), 'ordinal')
});

const STATE = v.object({
	columns: v.array(v.object({ column: v.string(), edges: v.pipe(v.array(FINITE), v.minLength(2)) }))
});

export const bin = defineStep<v.InferOutput<typeof PARAMS>, v.InferOutput<typeof STATE>>({
	op: 'bin',
	label: 'Bin numbers',
	summary:
		'Replaces each numeric column by the number of the range its value falls in (equal-width ranges, or quantile ranges holding about as many training rows each), for models that do better with a few levels than with raw numbers.',
	params: PARAMS,
	state: STATE,
	fields: [
		{ kind: 'columns', key: 'columns', label: 'Columns', accepts: 'numeric' },
		{
			kind: 'choice',
			key: 'method',
			label: 'Bins',
			options: [
				{ value: 'quantile', label: 'Quantile (about as many rows in each bin)' },
				{ value: 'equal-width', label: 'Equal width (same range each)' }
			]
		},
		{ kind: 'number', key: 'bins', label: 'Number of bins', min: 2, max: 100, step: 1 },
		{
			kind: 'choice',
			key: 'output',
			label: 'Output',
			options: [{ value: 'ordinal', label: 'Bin number (0, 1, 2…)' }]
		}
	],
	defaults: (schema, context) => ({
		columns: numericColumns(schema, context),
		method: 'quantile',
		bins: 5,
		output: 'ordinal'
	}),
	describe: (params) => `Bin ${columnsText(params.columns)} (${params.bins} ${params.method} bins)`,
	fit(params, input) {
		requireColumns(input, params.columns);
		requireKinds(input, params.columns, 'numeric', 'binning needs numbers');
		return {
			columns: params.columns.map((column) => ({
				column,
				edges: binEdges(presentSorted(input, column, 'learn bins'), params.method, params.bins)
			}))
		};
	},
	apply(_params, state, input) {
		requireColumns(
			input,
			state.columns.map((c) => c.column)
		);
		const replace = new Map<string, OutputColumn[]>();
		for (const { column, edges } of state.columns) {
			const values = readNumbers(input.table, column);
			for (let i = 0; i < values.length; i++) {
				if (values[i] === values[i]) values[i] = binIndex(edges, values[i]!);
			}
			replace.set(column, [{ name: column, type: 'integer', values: numberColumn(values) }]);
		}
		return rebuildTable(input, replace);
	}
});
