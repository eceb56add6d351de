// The derive step: adds a number column computed by a formula over other columns, such as
// `Body Mass (g)` / 1000 or log1p(price). The formula is parsed into a syntax tree and evaluated by
// Benchtop itself; nothing a person types is ever run as code.
import * as v from 'valibot';
import { isolated } from '../../../phrase.ts';
import { BenchtopError } from '../../../errors.ts';
import {
	FORMULA_NODE,
	MAX_FORMULA_LENGTH,
	evaluateFormula,
	formulaColumns,
	formulaDepth,
	parseFormula
} from '../../expression/index.ts';
import { defineStep } from '../../recipe/step-definition.ts';
import { columnType, requireColumns } from '../../../table/require-columns.ts';
import { numberColumn } from '../../../table/number-column.ts';
import { readNumbers } from '../../../table/read-column.ts';
import { rebuildTable } from '../../../table/rebuild-table.ts';

/**
 * Names a column cannot have: arquero keeps columns as keys of a plain object, where "__proto__" replaces
 * the object's prototype instead of naming a column (imported headers are renamed for the same reason,
 * see data/import/column-names.ts). A derived column is named by a person, so it is refused instead.
 */
const RESERVED_NAMES = new Set(['__proto__']);

const PARAMS = v.object({
	name: v.pipe(
		v.string('The new column needs a name.'),
		v.trim(),
		v.minLength(1, 'The new column needs a name.'),
		v.maxLength(200, 'Column names are at most 200 characters.'),
		v.check(
			(name) => !RESERVED_NAMES.has(name),
			(issue) =>
				`“${String(issue.input)}” is a reserved name a table cannot store as a column; give the new column another name.`
		)
	),
	formula: v.pipe(
		v.string('The formula must be text.'),
		v.minLength(1, 'Write a formula, such as `Body Mass (g)` / 1000.'),
		v.maxLength(MAX_FORMULA_LENGTH, `Formulas are at most ${MAX_FORMULA_LENGTH} characters long.`)
	)
});
type DeriveParams = v.InferOutput<typeof PARAMS>;

/** The parsed tree. A tree cannot be deeper than its formula is long; a deeper one did not come from here. */
const STATE = v.object({
	tree: v.pipe(
		FORMULA_NODE,
		v.check(
			(tree) => formulaDepth(tree) <= MAX_FORMULA_LENGTH,
			'The formula tree is deeper than any formula.'
		)
	)
});

/** Column types a formula can read: numbers as they are, booleans as 0/1, dates as epoch milliseconds. */
const READABLE = new Set(['integer', 'number', 'boolean', 'date']);

export const derive = defineStep({
	op: 'derive',
	label: 'Add a computed column',
	summary:
		'Adds a number column computed from others with a formula, such as a ratio, a difference or a logarithm.',
	params: PARAMS,
	state: STATE,
	fields: [
		{ kind: 'text', key: 'name', label: 'New column name', placeholder: 'mass_kg' },
		{
			kind: 'text',
			key: 'formula',
			label: 'Formula',
			placeholder: '`Body Mass (g)` / 1000',
			help: 'Use + - * / ^, brackets, and log, log1p, exp, sqrt, abs, min, max, round, floor, ceil, pow. Put names with spaces in backticks or [brackets]. Missing values and division by zero give missing.'
		}
	],
	defaults(schema): DeriveParams {
		const numeric = schema.find((c) => c.type === 'number' || c.type === 'integer');
		const ref = numeric ? quoteName(numeric.name) : '1';
		return {
			name: uniqueName(
				schema.map((c) => c.name),
				'derived'
			),
			formula: `${ref} * 1`
		};
	},
	describe(params) {
		return `Add ${isolated(params.name)} = ${isolated(params.formula)}`;
	},
	fit(params, input) {
		if (input.schema.some((c) => c.name === params.name)) {
			throw new BenchtopError(
				'bad-input',
				`A column named “${params.name}” already exists; give the new column another name.`
			);
		}
		const tree = parseFormula(params.formula);
		for (const name of formulaColumns(tree)) {
			if (!input.schema.some((c) => c.name === name)) {
				throw new BenchtopError(
					'bad-input',
					`Formula refers to column “${name}”, which is not in the table at this step.`,
					`Columns here: ${input.schema.map((c) => c.name).join(', ')}`
				);
			}
			const type = columnType(input, name);
			if (!READABLE.has(type)) {
				throw new BenchtopError(
					'bad-input',
					`Formula uses column “${name}”, which is ${type}; formulas work with numbers (encode categories first).`
				);
			}
		}
		return { tree };
	},
	apply(params, state, input) {
		const names = formulaColumns(state.tree);
		requireColumns(input, names);
		const columns = new Map(names.map((name) => [name, readNumbers(input.table, name)]));
		const values = evaluateFormula(state.tree, columns, input.table.numRows());
		return rebuildTable(input, new Map(), [
			{ name: params.name, type: 'number', values: numberColumn(values) }
		]);
	}
});

/** How a formula refers to a column: bare when it can be, else in backticks (brackets if it holds one). */
function quoteName(name: string): string {
	if (/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) return name;
	return name.includes('`') ? `[${name}]` : `\`${name}\``;
}

function uniqueName(taken: string[], base: string): string {
	let name = base;
	for (let i = 2; taken.includes(name); i++) name = `${base}_${i}`;
	return name;
}
