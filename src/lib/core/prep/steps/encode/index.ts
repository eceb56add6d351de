// The encode step: turns category columns into numbers a model can use, one-hot (a 0/1 column per
// category) or ordinal (one integer code), keeping at most maxLevels categories apart.
import * as v from 'valibot';
import { isolated } from '../../../phrase.ts';
import { BenchtopError } from '../../../errors.ts';
import { defineStep } from '../../recipe/step-definition.ts';
import { columnType, requireColumns, requireKinds } from '../../../table/require-columns.ts';
import { countLabelCodes, readLabelCodes } from '../../../table/read-column.ts';
import { rebuildTable, type OutputColumn } from '../../../table/rebuild-table.ts';
import { chooseLevels } from './choose-levels.ts';
import { oneHotColumns, ordinalColumn, type EncodedColumnState } from './encode-column.ts';
import { ENCODE_PARAMS, MAX_LEVELS_LIMIT, type EncodeParams } from './params.ts';

const STATE = v.object({
	columns: v.array(
		v.object({
			name: v.string(),
			levels: v.array(v.string()),
			foldedCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
			folded: v.array(v.string())
		})
	)
});

export const encode = defineStep({
	op: 'encode',
	label: 'Encode categories',
	summary:
		'Turns category columns into numbers a model can read: one 0/1 column per category (one-hot), or one whole-number code per category (ordinal).',
	params: ENCODE_PARAMS,
	state: STATE,
	fields: [
		{ kind: 'columns', key: 'columns', label: 'Columns', accepts: 'categorical' },
		{
			kind: 'choice',
			key: 'method',
			label: 'Method',
			options: [
				{ value: 'one-hot', label: 'One-hot: a 0/1 column per category' },
				{ value: 'ordinal', label: 'Ordinal: one code per category, in sorted order' }
			]
		},
		{
			kind: 'number',
			key: 'maxLevels',
			label: 'Most categories kept apart',
			min: 1,
			max: MAX_LEVELS_LIMIT,
			step: 1,
			help: 'The most frequent categories keep their own column; rarer ones share one “other” column.'
		},
		{
			kind: 'choice',
			key: 'unseen',
			label: 'A category not seen in training',
			options: [
				{ value: 'other', label: 'counts as “other” (all zeros when there is no “other”)' },
				{ value: 'ignore', label: 'is ignored: all zeros (ordinal: code -1)' },
				{ value: 'missing', label: 'becomes missing' }
			]
		}
	],
	defaults(schema, { target }): EncodeParams {
		const columns = schema
			.filter((c) => (c.type === 'category' || c.type === 'boolean') && !target.includes(c.name))
			.map((c) => c.name);
		return { columns, method: 'one-hot', maxLevels: 20, unseen: 'other' };
	},
	notes(params, state) {
		return state.columns
			.filter((column) => column.foldedCount > 0)
			.map(
				(column) =>
					`${column.name}: kept the ${column.levels.length.toLocaleString('en')} most frequent categories apart; ` +
					`${column.foldedCount.toLocaleString('en')} rarer ones share ${params.method === 'one-hot' ? `the “${column.name}_other” column` : 'one code'}.`
			);
	},
	describe(params) {
		const how = params.method === 'one-hot' ? 'One-hot encode' : 'Ordinal encode';
		return `${how} ${params.columns.map(isolated).join(', ')} (at most ${params.maxLevels} categories each)`;
	},
	fit(params, input) {
		requireKinds(
			input,
			params.columns,
			'categorical',
			'encoding is for categories, booleans, text and whole numbers'
		);
		const columns = params.columns.map((name): EncodedColumnState => {
			const column = readLabelCodes(input.table, name);
			const perLabel = countLabelCodes(column);
			// In the order labels first appear, as chooseLevels counts them; a label no row holds is none.
			const counts = new Map<string, number>();
			column.labels.forEach((label, code) => {
				if (perLabel[code]! > 0) counts.set(label, perLabel[code]!);
			});
			const { levels, folded } = chooseLevels(counts, columnType(input, name), params.maxLevels);
			if (levels.length === 0) {
				throw new BenchtopError(
					'bad-input',
					`Column “${name}” has no values to learn categories from: every value is missing.`
				);
			}
			// With unseen='other', folded and unseen categories end up together: no need to store the folded ones.
			return { name, levels, foldedCount: folded.length, folded: params.unseen === 'other' ? [] : folded };
		});
		return { columns };
	},
	apply(params, state, input) {
		requireColumns(
			input,
			state.columns.map((c) => c.name)
		);
		const replace = new Map<string, OutputColumn[]>();
		for (const column of state.columns) {
			const labels = readLabelCodes(input.table, column.name);
			replace.set(
				column.name,
				params.method === 'one-hot'
					? oneHotColumns(column, labels, params.unseen)
					: [ordinalColumn(column, labels, params.unseen)]
			);
		}
		return rebuildTable(input, replace);
	}
});
