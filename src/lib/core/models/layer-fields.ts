// The numeric fields of a layer, described once for the architecture editor (labels, limits, steps); the
// limits come from the spec schema's LIMITS, so what the editor lets a person type is what the schema takes.
import type { NumberField } from '../number-field.ts';
import { LIMITS } from './spec-schema.ts';

function whole(label: string, [min, max]: readonly [number, number]): NumberField {
	return { name: label, label, min, max, integer: true };
}

export const LAYER_NUMBER_FIELDS = {
	units: whole('Units', LIMITS.units),
	filters: whole('Filters', LIMITS.filters),
	kernel: whole('Kernel size', LIMITS.kernel),
	stride: whole('Stride', LIMITS.stride),
	size: whole('Pool size', LIMITS.poolSize),
	rate: {
		name: 'Dropout rate',
		label: 'Rate',
		min: 0,
		max: 1,
		maxExclusive: true,
		integer: false,
		step: 0.05
	},
	l2: { name: 'L2', label: 'L2', min: 0, max: 1, integer: false, step: 'any' },
	l1: { name: 'L1', label: 'L1', min: 0, max: 1, integer: false, step: 'any' }
} as const satisfies Record<string, NumberField>;

export type LayerNumberKey = keyof typeof LAYER_NUMBER_FIELDS;
