// The transform step: reshapes skewed numeric columns with log1p, log, square root, or a Yeo-Johnson power
// transform whose lambda is fitted on the training rows (scikit-learn's PowerTransformer, unstandardised).
import * as v from 'valibot';
import { BenchtopError } from '../../../errors.ts';
import { defineStep } from '../../recipe/step-definition.ts';
import { numberColumn } from '../../../table/number-column.ts';
import { readNumbers } from '../../../table/read-column.ts';
import { rebuildTable } from '../../../table/rebuild-table.ts';
import { requireColumns, requireKinds } from '../../../table/require-columns.ts';
import type { OutputColumn } from '../../../table/rebuild-table.ts';
import { COLUMNS_PARAM, FINITE, columnsText, numericColumns, presentSorted } from '../scale/column-params.ts';
import { fitYeoJohnsonLambda, yeoJohnson } from './yeo-johnson.ts';

const METHODS = ['log1p', 'log', 'sqrt', 'yeo-johnson'] as const;
type Method = (typeof METHODS)[number];

const PARAMS = v.object({
	columns: COLUMNS_PARAM,
	method: v.optional(v.picklist(METHODS, 'The method is log1p, log, sqrt or yeo-johnson.'), 'log1p')
});

const STATE = v.object({
	/** `lambda` only for yeo-johnson. */
	columns: v.array(v.object({ column: v.string(), lambda: v.optional(FINITE) }))
});

/** Where each fixed function is defined, said the way the fit message says it. */
const DOMAIN: Record<Exclude<Method, 'yeo-johnson'>, { ok: (x: number) => boolean; needs: string }> = {
	log1p: { ok: (x) => x > -1, needs: 'every value above −1' },
	log: { ok: (x) => x > 0, needs: 'every value above 0' },
	sqrt: { ok: (x) => x >= 0, needs: 'no negative values' }
};

const FUNCTION: Record<Exclude<Method, 'yeo-johnson'>, (x: number) => number> = {
	log1p: Math.log1p,
	log: Math.log,
	sqrt: Math.sqrt
};

export const transform = defineStep<v.InferOutput<typeof PARAMS>, v.InferOutput<typeof STATE>>({
	op: 'transform',
	label: 'Transform numbers',
	summary:
		'Pulls in the long tail of skewed numeric columns (prices, counts, sizes) with a logarithm, a square root or a fitted Yeo-Johnson power transform, so models see a more even spread of values.',
	params: PARAMS,
	state: STATE,
	fields: [
		{ kind: 'columns', key: 'columns', label: 'Columns', accepts: 'numeric' },
		{
			kind: 'choice',
			key: 'method',
			label: 'Function',
			options: [
				{ value: 'log1p', label: 'log(1 + x) (zero allowed)' },
				{ value: 'log', label: 'log(x) (positive values only)' },
				{ value: 'sqrt', label: 'Square root (no negatives)' },
				{ value: 'yeo-johnson', label: 'Yeo-Johnson (fitted, any values)' }
			]
		}
	],
	defaults: (schema, context) => ({ columns: numericColumns(schema, context), method: 'log1p' }),
	describe: (params) => `Transform ${columnsText(params.columns)} (${params.method})`,
	fit(params, input) {
		requireColumns(input, params.columns);
		requireKinds(input, params.columns, 'numeric', 'transforms need numbers');
		const method = params.method;
		return {
			columns: params.columns.map((column) => {
				const sorted = presentSorted(input, column, 'fit the transform');
				if (method === 'yeo-johnson') return { column, lambda: fitLambda(column, sorted) };
				const smallest = sorted[0]!;
				if (!DOMAIN[method].ok(smallest)) {
					const instead = method === 'log1p' ? 'yeo-johnson' : 'log1p or yeo-johnson';
					throw new BenchtopError(
						'bad-input',
						`Column “${column}” has values down to ${smallest}, but ${method} needs ${DOMAIN[method].needs}. Use ${instead} instead.`
					);
				}
				return { column };
			})
		};
	},
	apply(params, state, input) {
		requireColumns(
			input,
			state.columns.map((c) => c.column)
		);
		const replace = new Map<string, OutputColumn[]>();
		for (const { column, lambda } of state.columns) {
			const f =
				params.method === 'yeo-johnson' ? (x: number) => yeoJohnson(x, lambda ?? 1) : FUNCTION[params.method];
			const values = readNumbers(input.table, column);
			// A value outside the function's domain (a new row below fit's range) becomes missing, never an
			// error: NaN and infinities are stored as missing.
			for (let i = 0; i < values.length; i++) {
				const y = f(values[i]!);
				values[i] = Number.isFinite(y) ? y : NaN;
			}
			replace.set(column, [{ name: column, type: 'number', values: numberColumn(values) }]);
		}
		return rebuildTable(input, replace);
	}
});

function fitLambda(column: string, sorted: Float64Array): number {
	// A column with one value has no shape to correct: leave it as it is (lambda 1 is the identity).
	if (sorted[0] === sorted[sorted.length - 1]) return 1;
	const lambda = fitYeoJohnsonLambda(sorted);
	if (!Number.isFinite(lambda)) {
		throw new BenchtopError('bad-input', `Column “${column}”: no Yeo-Johnson transform fits its values.`);
	}
	return lambda;
}
