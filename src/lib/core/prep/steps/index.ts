// Every recipe step, listed once. A step is a folder beside this file; adding one is adding its folder
// and a line in the list it belongs to.
import type { StepDefinition } from '../recipe/step-definition.ts';
import { COLUMN_STEPS } from './column-steps.ts';
import { NUMERIC_STEPS } from './numeric-steps.ts';

// Each definition keeps its own parameter types; the registry only needs them as a family.
export const STEP_DEFINITIONS = [...COLUMN_STEPS, ...NUMERIC_STEPS] as unknown as StepDefinition[];

const BY_OP = new Map(STEP_DEFINITIONS.map((step) => [step.op, step]));

export function findStep(op: string): StepDefinition | undefined {
	return BY_OP.get(op);
}
