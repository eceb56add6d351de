// What a recipe step is: its parameters (a valibot schema with defaults), the fields the Prepare page
// draws to edit them, a fit that learns from the training table, and a pure apply. Each step lives in its
// own folder under `prep/steps/` and is listed once in `prep/steps/index.ts`.
import type * as v from 'valibot';
import type { ColumnSchema } from '../../table/column-types.ts';
import type { ApplyPurpose } from './types.ts';
import type { ColumnKinds } from '../../table/column-kinds.ts';
import type { PrepTable } from '../../table/prep-table.ts';

/** Which columns a column field offers. */

/** A form field for one parameter. The Prepare page draws these without knowing the step. */
export type ParamField =
	| { kind: 'columns'; key: string; label: string; accepts: ColumnKinds; help?: string }
	| { kind: 'column'; key: string; label: string; accepts: ColumnKinds; optional?: boolean; help?: string }
	| {
			kind: 'choice';
			key: string;
			label: string;
			options: { value: string; label: string }[];
			help?: string;
	  }
	| {
			kind: 'number';
			key: string;
			label: string;
			min?: number;
			max?: number;
			step?: number;
			optional?: boolean;
			help?: string;
	  }
	/** Several of a fixed list (a list parameter). */
	| {
			kind: 'choices';
			key: string;
			label: string;
			options: { value: string; label: string }[];
			help?: string;
	  }
	| { kind: 'text'; key: string; label: string; placeholder?: string; help?: string }
	| { kind: 'boolean'; key: string; label: string; help?: string }
	/** A list of `{ column, operator, value }` conditions joined by `all` or `any` (the filter step). */
	| { kind: 'conditions'; key: string; label: string; help?: string };

export interface StepContext {
	/** The target column(s) of the experiment: default parameters leave them alone. */
	target: string[];
}

export interface StepDefinition<P extends Record<string, unknown> = Record<string, unknown>, S = unknown> {
	op: string;
	/** A short name for menus: "Impute missing values". */
	label: string;
	/** One sentence on what it does and when to use it. */
	summary: string;
	/** Validates parameters from any way in (UI, file, share link, CLI) and fills in defaults. */
	params: v.GenericSchema<unknown, P>;
	/** Validates a fitted state read back from a file or link before apply trusts it. */
	state: v.GenericSchema<unknown, S>;
	fields: ParamField[];
	/** Whether apply can remove rows; such steps are skipped when predicting. */
	removesRows?: boolean;
	/** Parameters a newcomer would want for this table (the columns it suits, minus the target). */
	defaults(schema: ColumnSchema[], context: StepContext): P;
	/** One line for the step list: "Scale age, fare (standard)". */
	describe(params: P): string;
	/** Learns what apply needs from the training table; throws BenchtopError('bad-input') with a message
	 * that names the column or value at fault. */
	fit(params: P, input: PrepTable): S;
	/** What fit decided that the person should know (rare categories folded together, …), shown at the
	 * step in the preview. */
	notes?(params: P, state: S): string[];
	/** Pure: the same params, state and table give the same output everywhere. Must not throw on values
	 * fit never saw (unseen categories, out-of-range numbers); the params say what happens to them. */
	apply(params: P, state: S, input: PrepTable, purpose: ApplyPurpose): PrepTable;
}

/** Keeps each step's own parameter and state types while listing steps together. */
export function defineStep<P extends Record<string, unknown>, S>(
	definition: StepDefinition<P, S>
): StepDefinition<P, S> {
	return definition;
}
