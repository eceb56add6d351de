// The date-parts step: splits date columns into whole-number parts (year, month, weekday…), which a model
// can use where it cannot use a date itself.
import * as v from 'valibot';
import { isolated } from '../../../phrase.ts';
import { defineStep } from '../../recipe/step-definition.ts';
import { rebuildTable, type OutputColumn } from '../../../table/rebuild-table.ts';
import { columnValues } from '../../../table/read-column.ts';
import { requireColumns, requireKinds } from '../../../table/require-columns.ts';
import { arrowTimes } from '../../../table/arrow-batches.ts';
import {
	DATE_PARTS,
	DATE_PART_LABELS,
	DEFAULT_DATE_PARTS,
	dateParts,
	datePartsOfTimes,
	isWholeNumberPart
} from './parts.ts';

export { DATE_PARTS, DEFAULT_DATE_PARTS, isWholeNumberPart, type DatePart } from './parts.ts';

const PART = v.picklist(DATE_PARTS, `Date parts are ${DATE_PARTS.join(', ')}.`);

const PARAMS = v.object({
	columns: v.pipe(v.array(v.string()), v.minLength(1, 'Choose at least one date column.')),
	// One part may come as a plain string: the form's choice field gives one value.
	parts: v.optional(
		v.pipe(
			v.unknown(),
			v.transform((value) => (typeof value === 'string' ? [value] : value)),
			v.array(PART, 'Parts must be a list such as ["year", "month"].'),
			v.minLength(1, 'Choose at least one part of the date.')
		),
		['year', 'month', 'weekday']
	),
	keepOriginal: v.optional(v.boolean(), false)
});
type DatePartsParams = v.InferOutput<typeof PARAMS>;

/** Nothing is learned; the state names the columns so a fitted recipe reads on its own. */
const STATE = v.object({ columns: v.array(v.string()) });

export const datePartsStep = defineStep({
	op: 'date-parts',
	label: 'Split dates into parts',
	summary:
		'Turns each date column into number columns such as year, month and weekday, so a model can pick up trends, seasons and weekly patterns. The “on a circle” parts give a sine and a cosine, so December sits next to January.',
	params: PARAMS,
	state: STATE,
	fields: [
		{ kind: 'columns', key: 'columns', label: 'Date columns', accepts: 'date' },
		{
			kind: 'choices',
			key: 'parts',
			label: 'Parts',
			options: DATE_PARTS.map((part) => ({ value: part, label: DATE_PART_LABELS[part] })),
			help: 'Parts are read in UTC; weekday 0 is Monday. A part on a circle is a sine and cosine pair (month_sin, month_cos), so the last month sits next to the first.'
		},
		{ kind: 'boolean', key: 'keepOriginal', label: 'Keep the date column too' }
	],
	defaults(schema, { target }): DatePartsParams {
		const columns = schema.filter((c) => c.type === 'date' && !target.includes(c.name)).map((c) => c.name);
		return { columns, parts: [...DEFAULT_DATE_PARTS], keepOriginal: false };
	},
	describe(params) {
		return `Split ${params.columns.map(isolated).join(', ')} into ${params.parts.join(', ')}${params.keepOriginal ? ' (keeping the dates)' : ''}`;
	},
	fit(params, input) {
		requireKinds(input, params.columns, 'date', 'date parts need a date column');
		return { columns: [...params.columns] };
	},
	apply(params, _state, input) {
		requireColumns(input, params.columns);
		const replace = new Map<string, OutputColumn[]>();
		for (const name of params.columns) {
			// An Arrow date column is read as milliseconds straight from its buffers: no Date per row.
			const times = arrowTimes(input.table, name);
			const parts = times
				? datePartsOfTimes(times, params.parts)
				: dateParts(columnValues(input.table, name), params.parts);
			const columns: OutputColumn[] = params.parts.map((part, p) => ({
				name: `${name}_${part}`,
				type: isWholeNumberPart(part) ? 'integer' : 'number',
				values: parts[p]!
			}));
			if (params.keepOriginal)
				columns.unshift({ name, type: 'date', values: input.table.array(name) as ArrayLike<unknown> });
			replace.set(name, columns);
		}
		return rebuildTable(input, replace);
	}
});
