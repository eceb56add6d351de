// Checks generator parameters against their specs, so out-of-range input fails with a message a person
// can act on before any memory is spent.
import { BenchtopError } from '../../errors.ts';
import type { ParamSpec, SyntheticParams } from './types.ts';

export const MAX_ROWS = 1_000_000;
/** 20 million float64 values is 160 MB: about what a browser tab can hold twice over (table + Arrow copy). */
export const MAX_CELLS = 20_000_000;

export function defaultParams(specs: readonly ParamSpec[]): SyntheticParams {
	return Object.fromEntries(specs.map((spec) => [spec.key, spec.default]));
}

/** Thousands separators for whole numbers; every digit of fractions, which toLocaleString would round. */
function show(value: number): string {
	return Number.isInteger(value) ? value.toLocaleString('en') : String(value);
}

export function resolveParams(
	generatorName: string,
	specs: readonly ParamSpec[],
	given: Partial<SyntheticParams>
): SyntheticParams {
	for (const key of Object.keys(given)) {
		if (!specs.some((spec) => spec.key === key)) {
			throw new BenchtopError('bad-input', `${generatorName} has no parameter “${key}”.`);
		}
	}
	const resolved: SyntheticParams = {};
	for (const spec of specs) {
		const value =
			Object.hasOwn(given, spec.key) && given[spec.key] !== undefined ? given[spec.key] : spec.default;
		if (typeof value !== 'number' || !Number.isFinite(value)) {
			throw new BenchtopError('bad-input', `${spec.label} must be a number (got ${String(value)}).`);
		}
		if (spec.kind === 'int' && !Number.isInteger(value)) {
			throw new BenchtopError('bad-input', `${spec.label} must be a whole number (got ${value}).`);
		}
		if (value < spec.min || value > spec.max) {
			const range = `between ${show(spec.min)} and ${show(spec.max)}`;
			throw new BenchtopError('bad-input', `${spec.label} must be ${range} (got ${show(value)}).`);
		}
		resolved[spec.key] = value;
	}
	return resolved;
}

export function checkSize(rows: number, columns: number): void {
	if (rows > MAX_ROWS) {
		throw new BenchtopError('bad-input', `At most ${MAX_ROWS.toLocaleString('en')} rows can be generated.`);
	}
	if (rows * columns > MAX_CELLS) {
		const size = `${rows.toLocaleString('en')} rows × ${columns} columns`;
		throw new BenchtopError(
			'bad-input',
			`${size} is more than the ${MAX_CELLS.toLocaleString('en')} values Benchtop generates; use fewer rows or features.`
		);
	}
}

/** For limits that involve two parameters, which a single spec's range cannot express. */
export function requireParams(condition: boolean, message: string): void {
	if (!condition) throw new BenchtopError('bad-input', message);
}
