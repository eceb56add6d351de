// Random search: every field drawn on its own, uniformly (on the logarithm for log ranges). Each trial has its
// own seeded stream, derived from the search's seed and the trial's number, so trial 7 draws the same values
// whether trials ran one by one, in parallel, or after a resume.
import { createRandom, type SeededRandom } from '../random/seeded-random.ts';
import { spaceFields, type Domain, type RangeDomain, type SearchSpace, type TrialParams } from './space.ts';

/** A stream for one trial of one search: nearby (seed, trial) pairs give unrelated streams. */
export function trialRandom(seed: number, trial: number, purpose = 0): SeededRandom {
	// createRandom spreads its seed with splitmix; here only the three numbers need to make one safe integer.
	const mixed = (Math.imul(trial + 1, 0x85ebca6b) ^ Math.imul(purpose + 1, 0x27d4eb2d)) >>> 0;
	return createRandom((seed % 2 ** 20) * 2 ** 32 + mixed);
}

/** The range's bounds in the space it is sampled in (logarithms for log ranges). */
export function internalBounds(domain: RangeDomain): [number, number] {
	return domain.log ? [Math.log(domain.low), Math.log(domain.high)] : [domain.low, domain.high];
}

/** A value back from the sampling space: exponentiated for log ranges, rounded and kept in range for ints. */
export function fromInternal(domain: RangeDomain, x: number): number {
	let value = domain.log ? Math.exp(x) : x;
	if (domain.type === 'int') value = Math.round(value);
	else value = Number(value.toPrecision(6));
	return Math.min(domain.high, Math.max(domain.low, value));
}

export function toInternal(domain: RangeDomain, value: number): number {
	return domain.log ? Math.log(value) : value;
}

export function sampleDomain(domain: Domain, random: SeededRandom): string | number {
	if (domain.type === 'choice') return domain.options[random.int(domain.options.length)]!;
	const [low, high] = internalBounds(domain);
	// Ints take half a step beyond each end, so both ends are as likely as any value between.
	const pad = domain.type === 'int' && !domain.log ? 0.5 : 0;
	return fromInternal(domain, random.uniform(low - pad, high + pad));
}

/** Trial `trial`'s values under random search. */
export function sampleRandom(space: SearchSpace, seed: number, trial: number): TrialParams {
	const random = trialRandom(seed, trial);
	const params: TrialParams = {};
	for (const field of spaceFields(space)) params[field] = sampleDomain(space.params[field]!, random);
	return params;
}
