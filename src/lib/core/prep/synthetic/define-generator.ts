// Wraps a generator's build step with what every generator needs first: parameters checked, size capped,
// the seed turned into the random source.
import { createRandom } from '../../random/seeded-random.ts';
import type { SeededRandom } from '../../random/seeded-random.ts';
import { checkSize, resolveParams } from './params.ts';
import type { ParamSpec, SyntheticData, SyntheticGenerator } from './types.ts';

export interface GeneratorDefinition<K extends string> extends Omit<
	SyntheticGenerator,
	'params' | 'generate'
> {
	params: ParamSpec<K>[];
	/** Columns in the output, target included, for the size cap. */
	columnCount(params: Record<K, number>): number;
	/** Limits that involve more than one parameter; throws BenchtopError('bad-input'). */
	check?(params: Record<K, number>): void;
	build(params: Record<K, number>, random: SeededRandom): SyntheticData;
}

export function defineGenerator<K extends string>(definition: GeneratorDefinition<K>): SyntheticGenerator {
	const { columnCount, check, build, ...metadata } = definition;
	return {
		...metadata,
		generate(given, seed) {
			const random = createRandom(seed);
			const params = resolveParams(definition.name, definition.params, given) as Record<K, number>;
			check?.(params);
			checkSize((params as Record<string, number>).n_samples ?? 0, columnCount(params));
			return build(params, random);
		}
	};
}
