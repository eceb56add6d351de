// Every way a recipe comes in (the editor, a file, a share link, the CLI) goes through here: the outer
// shape, each step's op, and each step's parameters against that step's own schema, with defaults filled.
import * as v from 'valibot';
import { BenchtopError } from '../../errors.ts';
import { findStep } from '../steps/index.ts';
import type { StepDefinition } from './step-definition.ts';
import { RECIPE_VERSION, type FittedRecipe, type Recipe } from './types.ts';

const COLUMN_SCHEMA = v.object({
	name: v.string(),
	type: v.picklist(['integer', 'number', 'boolean', 'date', 'category', 'text'])
});

const RECIPE_SHAPE = v.object({
	version: v.literal(RECIPE_VERSION),
	steps: v.array(
		v.object({
			op: v.string(),
			params: v.optional(v.record(v.string(), v.unknown()), {}),
			enabled: v.optional(v.boolean(), true)
		})
	)
});

const FITTED_SHAPE = v.object({
	version: v.literal(RECIPE_VERSION),
	steps: v.array(v.object({ op: v.string(), params: v.record(v.string(), v.unknown()), state: v.unknown() })),
	inputSchema: v.array(COLUMN_SCHEMA),
	outputSchema: v.array(COLUMN_SCHEMA),
	fittedRows: v.number()
});

function issueText(issues: v.BaseIssue<unknown>[]): string {
	const issue = issues[0]!;
	const path = v.getDotPath(issue);
	return path ? `${path}: ${issue.message}` : issue.message;
}

/** A step's parameters checked against its own schema, defaults filled; the message names the field. */
export function parseStepParams(step: StepDefinition, params: unknown): Record<string, unknown> {
	const parsed = v.safeParse(step.params, params);
	if (!parsed.success) throw new BenchtopError('bad-input', issueText(parsed.issues));
	return parsed.output;
}

/** Validates one step's parameters, filling defaults; the message names the step. */
export function validateStepParams(op: string, params: unknown, index: number): Record<string, unknown> {
	const step = findStep(op);
	if (!step)
		throw new BenchtopError('bad-input', `Step ${index + 1}: “${op}” is not a recipe step Benchtop knows.`);
	try {
		return parseStepParams(step, params);
	} catch (error) {
		throw new BenchtopError('bad-input', `Step ${index + 1} (${step.label}): ${(error as Error).message}`);
	}
}

/** A recipe from anywhere, checked and with every step's defaults filled in. */
export function parseRecipe(value: unknown): Recipe {
	const shape = v.safeParse(RECIPE_SHAPE, value);
	if (!shape.success)
		throw new BenchtopError('bad-input', `Not a Benchtop recipe: ${issueText(shape.issues)}`);
	return {
		version: RECIPE_VERSION,
		steps: shape.output.steps.map((step, index) => ({
			op: step.op,
			params: validateStepParams(step.op, step.params, index),
			enabled: step.enabled
		}))
	};
}

/** A fitted recipe read back from a model file or link: its steps and their learned states checked. */
export function parseFittedRecipe(value: unknown): FittedRecipe {
	const shape = v.safeParse(FITTED_SHAPE, value);
	if (!shape.success)
		throw new BenchtopError('bad-input', `Not a fitted Benchtop recipe: ${issueText(shape.issues)}`);
	const steps = shape.output.steps.map((step, index) => {
		const params = validateStepParams(step.op, step.params, index);
		const state = v.safeParse(findStep(step.op)!.state, step.state);
		if (!state.success) {
			throw new BenchtopError(
				'bad-input',
				`Step ${index + 1} (${step.op}): its fitted state is damaged: ${issueText(state.issues)}`
			);
		}
		return { op: step.op, params, state: state.output };
	});
	return { ...shape.output, steps };
}
