// Grid search: every combination of each field's points, in a fixed order (the last field changes fastest).
// A range gives `steps` evenly spaced points (on the logarithm for log ranges); a whole-number range with
// fewer values than that gives all of them.
import { BenchtopError } from '../errors.ts';
import { fromInternal, internalBounds } from './random-sampler.ts';
import { spaceFields, type Domain, type SearchSpace, type TrialParams } from './space.ts';

/** The largest grid a search will enumerate; bigger spaces are a job for random search or TPE. */
export const MAX_GRID = 100_000;

export function gridPoints(domain: Domain): (string | number)[] {
	if (domain.type === 'choice') return [...domain.options];
	const [low, high] = internalBounds(domain);
	const steps = domain.steps;
	if (steps === 1 || low === high) return [fromInternal(domain, (low + high) / 2)];
	const points: number[] = [];
	for (let i = 0; i < steps; i++) points.push(fromInternal(domain, low + ((high - low) * i) / (steps - 1)));
	// Rounding ints can land two points on one value: keep each once.
	return [...new Set(points)];
}

/** The number of combinations of a space's grid. */
export function gridSize(space: SearchSpace): number {
	return spaceFields(space).reduce((n, field) => n * gridPoints(space.params[field]!).length, 1);
}

/** The `index`-th combination of the grid (index below gridSize). */
export function gridParams(space: SearchSpace, index: number): TrialParams {
	const fields = spaceFields(space);
	const size = gridSize(space);
	if (size > MAX_GRID)
		throw new BenchtopError(
			'bad-input',
			`The grid has ${size.toLocaleString('en')} combinations (at most ${MAX_GRID.toLocaleString('en')}): use fewer steps or choices, or random search.`
		);
	if (!(index >= 0 && index < size))
		throw new BenchtopError('bad-input', `Grid point ${index} is outside the grid of ${size}.`);
	const params: TrialParams = {};
	let rest = index;
	for (let i = fields.length - 1; i >= 0; i--) {
		const points = gridPoints(space.params[fields[i]!]!);
		params[fields[i]!] = points[rest % points.length]!;
		rest = Math.floor(rest / points.length);
	}
	// Fields in the space's order, as random search gives them.
	return Object.fromEntries(fields.map((field) => [field, params[field]])) as TrialParams;
}
