// The table of synthetic data generators, in the order the UI lists them, and the way to find one by id.
import { BenchtopError } from '../../errors.ts';
import { blobs } from './blobs.ts';
import { circles } from './circles.ts';
import { friedman1 } from './friedman1.ts';
import { linear } from './linear.ts';
import { moons } from './moons.ts';
import { spirals } from './spirals.ts';
import type { SyntheticGenerator } from './types.ts';
import { xor } from './xor.ts';

export const SYNTHETIC_GENERATORS: readonly SyntheticGenerator[] = [
	blobs,
	moons,
	circles,
	spirals,
	xor,
	linear,
	friedman1
];

export function findSyntheticGenerator(id: string): SyntheticGenerator {
	const generator = SYNTHETIC_GENERATORS.find((candidate) => candidate.id === id);
	if (!generator)
		throw new BenchtopError('not-found', `There is no synthetic data generator called “${id}”.`);
	return generator;
}
