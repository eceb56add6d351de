// The scale step: centres and rescales numeric columns (standard, min-max or robust), learning the centre
// and spread from the training rows only, as scikit-learn's scalers do.
import * as v from 'valibot';
import { BenchtopError } from '../../../errors.ts';
import { defineStep } from '../../recipe/step-definition.ts';
import { numberColumn } from '../../../table/number-column.ts';
import { columnValues, readNumbers } from '../../../table/read-column.ts';
import type { PrepTable } from '../../../table/prep-table.ts';
import { rebuildTable } from '../../../table/rebuild-table.ts';
import { requireColumns, requireKinds } from '../../../table/require-columns.ts';
import type { OutputColumn } from '../../../table/rebuild-table.ts';
import { COLUMNS_PARAM, FINITE, columnsText, numericColumns, presentSorted } from './column-params.ts';
import { scaleStats } from './scale-stats.ts';

const METHODS = ['standard', 'min-max', 'robust'] as const;

const PARAMS = v.object({
	columns: COLUMNS_PARAM,
	method: v.optional(v.picklist(METHODS, 'The method is standard, min-max or robust.'), 'standard')
});

const STATE = v.object({
	columns: v.array(v.object({ column: v.string(), center: FINITE, scale: v.pipe(FINITE, v.gtValue(0)) }))
});

export const scale = defineStep<v.InferOutput<typeof PARAMS>, v.InferOutput<typeof STATE>>({
	op: 'scale',
	label: 'Scale numbers',
	summary:
		'Puts numeric columns on a comparable scale (standard: mean 0 and spread 1; min-max: 0 to 1; robust: median 0, using the middle half of the values so outliers matter less), which most models train better on.',
	params: PARAMS,
	state: STATE,
	fields: [
		{ kind: 'columns', key: 'columns', label: 'Columns', accepts: 'numeric' },
		{
			kind: 'choice',
			key: 'method',
			label: 'Method',
			options: [
				{ value: 'standard', label: 'Standard (mean 0, standard deviation 1)' },
				{ value: 'min-max', label: 'Min-max (0 to 1)' },
				{ value: 'robust', label: 'Robust (median 0, interquartile range 1)' }
			]
		}
	],
	defaults: (schema, context) => ({ columns: numericColumns(schema, context), method: 'standard' }),
	describe: (params) => `Scale ${columnsText(params.columns)} (${params.method})`,
	fit(params, input) {
		requireColumns(input, params.columns);
		requireKinds(input, params.columns, 'numeric', 'scaling needs numbers: encode it or leave it out');
		return {
			columns: params.columns.map((column) => {
				const stats = scaleStats(presentSorted(input, column, 'scale'), params.method);
				if (!Number.isFinite(stats.center) || !Number.isFinite(stats.scale)) {
					throw new BenchtopError('bad-input', `Column “${column}” has values too large to scale.`);
				}
				return { column, ...stats };
			})
		};
	},
	apply(_params, state, input) {
		requireColumns(
			input,
			state.columns.map((c) => c.column)
		);
		const replace = new Map<string, OutputColumn[]>();
		for (const { column, center, scale } of state.columns) {
			const values = scaled(input, column, center, scale);
			replace.set(column, [{ name: column, type: 'number', values: numberColumn(values) }]);
		}
		return rebuildTable(input, replace);
	}
});

/** (x − center) / scale per row, NaN where missing. A typed column is read straight into the output in one
 * pass, with no copy of the input between. */
function scaled(input: PrepTable, column: string, center: number, scale: number): Float64Array {
	const raw = columnValues(input.table, column);
	if (!(raw instanceof Float64Array || raw instanceof Int32Array || raw instanceof Float32Array)) {
		const values = readNumbers(input.table, column);
		for (let i = 0; i < values.length; i++) values[i] = (values[i]! - center) / scale;
		return values;
	}
	const out = new Float64Array(raw.length);
	for (let i = 0; i < raw.length; i++) {
		const x = raw[i]!;
		// readNumbers' rule: anything not finite is missing.
		out[i] = x - x === 0 ? (x - center) / scale : NaN;
	}
	return out;
}
