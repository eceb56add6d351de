// The impute step: fills missing values with the mean, median or most frequent value of the training rows,
// or a constant, optionally adding a 0/1 `<column>_missing` column (scikit-learn's SimpleImputer).
import * as v from 'valibot';
import type { ColumnType } from '../../../table/column-types.ts';
import { BenchtopError } from '../../../errors.ts';
import { defineStep } from '../../recipe/step-definition.ts';
import { columnType, requireColumns } from '../../../table/require-columns.ts';
import { isCategoricalType, isNumericType } from '../../../table/column-kinds.ts';
import { columnValues, readDictionaryLabelCodes, readNumbers } from '../../../table/read-column.ts';
import { dictionaryColumn } from '../../../table/dictionary-column.ts';
import { rebuildTable } from '../../../table/rebuild-table.ts';
import type { OutputColumn } from '../../../table/rebuild-table.ts';
import type { PrepTable } from '../../../table/prep-table.ts';
import { COLUMNS_PARAM, columnsText } from '../scale/column-params.ts';
import { learnFill, type FillValue } from './fill-value.ts';

const STRATEGIES = ['mean', 'median', 'most-frequent', 'constant'] as const;

const PARAMS = v.pipe(
	v.object({
		columns: COLUMNS_PARAM,
		strategy: v.optional(
			v.picklist(STRATEGIES, 'The strategy is mean, median, most-frequent or constant.'),
			'median'
		),
		value: v.optional(
			v.union([v.pipe(v.number(), v.finite()), v.string()], 'The fill value is a number or text.')
		),
		indicator: v.optional(v.boolean(), false)
	}),
	v.check(
		(params) => params.strategy !== 'constant' || (params.value !== undefined && params.value !== ''),
		'Give the value to fill with when the strategy is constant.'
	)
);

const STATE = v.object({
	fills: v.array(
		v.object({
			column: v.string(),
			value: v.union([v.pipe(v.number(), v.finite()), v.string(), v.boolean()])
		})
	)
});

export const impute = defineStep<v.InferOutput<typeof PARAMS>, v.InferOutput<typeof STATE>>({
	op: 'impute',
	label: 'Fill missing values',
	summary:
		'Fills the gaps in a column with a value learned from the training rows (the mean, the median or the most frequent value) or a constant you choose, and can add a 0/1 column recording where a value was missing.',
	params: PARAMS,
	state: STATE,
	fields: [
		{ kind: 'columns', key: 'columns', label: 'Columns', accepts: 'any' },
		{
			kind: 'choice',
			key: 'strategy',
			label: 'Fill with',
			options: [
				{ value: 'median', label: 'Median (numbers)' },
				{ value: 'mean', label: 'Mean (numbers)' },
				{ value: 'most-frequent', label: 'Most frequent value' },
				{ value: 'constant', label: 'A constant' }
			]
		},
		{
			kind: 'text',
			key: 'value',
			label: 'Constant',
			placeholder: 'e.g. 0 or unknown',
			help: 'Used when filling with a constant; read as a number for numeric columns.'
		},
		{
			kind: 'boolean',
			key: 'indicator',
			label: 'Add a “missing” column',
			help: 'Adds <column>_missing (1 where the value was missing, else 0) right after each column.'
		}
	],
	defaults(schema, context) {
		const columns = schema.filter(
			(c) => (isNumericType(c.type) || isCategoricalType(c.type)) && !context.target.includes(c.name)
		);
		// The median suits numbers; once a category is in the list only the most frequent value fits all.
		const allNumeric = columns.every((c) => isNumericType(c.type));
		return {
			columns: columns.map((c) => c.name),
			strategy: allNumeric ? 'median' : 'most-frequent',
			indicator: false
		};
	},
	describe(params) {
		const how =
			params.strategy === 'constant' ? `with ${JSON.stringify(params.value)}` : `(${params.strategy})`;
		return `Fill missing ${columnsText(params.columns)} ${how}${params.indicator ? ' + indicator' : ''}`;
	},
	fit(params, input) {
		requireColumns(input, params.columns);
		if (params.strategy === 'mean' || params.strategy === 'median') {
			for (const column of params.columns) {
				const type = columnType(input, column);
				// Dates are ordered too: the quality report proposes their median, as for numbers.
				if (!isNumericType(type) && type !== 'date') {
					throw new BenchtopError(
						'bad-input',
						`Column “${column}” is ${type}; the ${params.strategy} needs numbers or dates: fill it with the most frequent value or a constant.`
					);
				}
			}
		}
		return {
			fills: params.columns.map((column) => ({
				column,
				value: learnFill(input, column, params.strategy, params.value)
			}))
		};
	},
	apply(params, state, input) {
		requireColumns(
			input,
			state.fills.map((f) => f.column)
		);
		const replace = new Map<string, OutputColumn[]>();
		for (const { column, value } of state.fills) {
			const { filled, missing } = fillColumn(input, column, value, params.indicator);
			replace.set(
				column,
				missing ? [filled, { name: `${column}_missing`, type: 'integer', values: missing }] : [filled]
			);
		}
		return rebuildTable(input, replace);
	}
});

function isMissing(x: unknown): boolean {
	return x === null || x === undefined || (typeof x === 'number' && Number.isNaN(x));
}

/** The column with its gaps filled, and, when asked for, 1 where a gap was. */
function fillColumn(
	input: PrepTable,
	column: string,
	fill: FillValue,
	indicator: boolean
): { filled: OutputColumn; missing: Int32Array | undefined } {
	const type = columnType(input, column);
	if (type === 'category' || type === 'text') {
		const coded = fillCoded(input, column, String(fill), indicator);
		if (coded) return { filled: { name: column, type, values: coded.values }, missing: coded.missing };
	}
	const raw = columnValues(input.table, column);
	// A float column with no gap keeps its very array: nothing to fill, nothing to copy.
	if (isNumericType(type) && !indicator && raw instanceof Float64Array && allFinite(raw)) {
		return { filled: { name: column, type, values: raw }, missing: undefined };
	}
	let missing: Int32Array | undefined;
	if (indicator) {
		missing = new Int32Array(raw.length);
		for (let i = 0; i < raw.length; i++) missing[i] = isMissing(raw[i]) ? 1 : 0;
	}
	if (isNumericType(type)) {
		const values = readNumbers(input.table, column);
		const x = Number(fill);
		for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) values[i] = x;
		// An integer column filled with a fraction (a mean, say) now holds fractions.
		const filledType: ColumnType = type === 'integer' && !Number.isInteger(x) ? 'number' : type;
		return { filled: { name: column, type: filledType, values }, missing };
	}
	const typed = type === 'date' ? new Date(Number(fill)) : type === 'boolean' ? fill === true : String(fill);
	// A plain loop into a sized array: Array.from with a mapper is several times slower on a million rows.
	const values = new Array<unknown>(raw.length);
	for (let i = 0; i < raw.length; i++) {
		const x = raw[i];
		values[i] = isMissing(x) ? typed : x;
	}
	return { filled: { name: column, type, values }, missing };
}

function allFinite(values: Float64Array): boolean {
	for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return false;
	return true;
}

/** An Arrow dictionary column filled by its codes: the gaps take the fill's code, and the column stays a
 * dictionary (no string per row). Undefined for any other column. */
function fillCoded(
	input: PrepTable,
	column: string,
	fill: string,
	indicator: boolean
): { values: ArrayLike<unknown>; missing: Int32Array | undefined } | undefined {
	// A dictionary column with no gap is its own filled self: passed on as it is, not even read.
	const stored = input.table.column(column) as unknown as { nullCount?: unknown; groups?: unknown };
	const inOrder = !input.table.isFiltered() && !input.table.isOrdered();
	if (inOrder && !indicator && typeof stored.groups === 'function' && stored.nullCount === 0)
		return { values: stored as ArrayLike<unknown>, missing: undefined };
	const coded = readDictionaryLabelCodes(input.table, column);
	if (!coded) return undefined;
	const { codes, labels } = coded;
	const missing = indicator ? new Int32Array(codes.length) : undefined;
	let fillCode = labels.indexOf(fill);
	for (let i = 0; i < codes.length; i++) {
		if (codes[i]! >= 0) continue;
		if (fillCode < 0) fillCode = labels.push(fill) - 1;
		codes[i] = fillCode;
		if (missing) missing[i] = 1;
	}
	return { values: dictionaryColumn(codes, labels), missing };
}
