import { describe, expect, it } from 'vitest';
import {
	defaultParams,
	findSyntheticGenerator,
	SYNTHETIC_GENERATORS
} from '../../../../../src/lib/core/prep/synthetic/index.ts';
import type { SyntheticData } from '../../../../../src/lib/core/prep/synthetic/index.ts';
import { BenchtopError } from '../../../../../src/lib/core/errors.ts';

function bytesOf(data: SyntheticData): string[] {
	return data.schema.map(({ name }) => {
		const column = data.columns[name]!;
		return Array.isArray(column) ? column.join('\n') : Buffer.from(column.buffer).toString('base64');
	});
}

function errorOf(run: () => unknown): BenchtopError {
	try {
		run();
	} catch (error) {
		if (error instanceof BenchtopError) return error;
		throw error;
	}
	throw new Error('expected a BenchtopError');
}

describe('SYNTHETIC_GENERATORS', () => {
	it('lists every generator once with metadata the UI can show', () => {
		expect(SYNTHETIC_GENERATORS.map((g) => g.id)).toEqual([
			'blobs',
			'moons',
			'circles',
			'spirals',
			'xor',
			'linear',
			'friedman1'
		]);
		for (const generator of SYNTHETIC_GENERATORS) {
			expect(generator.name).not.toBe('');
			expect(generator.description.length).toBeGreaterThan(20);
			expect(generator.params[0]?.key).toBe('n_samples');
			for (const spec of generator.params) {
				expect(spec.min).toBeLessThanOrEqual(spec.default);
				expect(spec.default).toBeLessThanOrEqual(spec.max);
				expect(spec.step).toBeGreaterThan(0);
				if (spec.kind === 'int') expect(Number.isInteger(spec.default)).toBe(true);
			}
		}
		expect(SYNTHETIC_GENERATORS.filter((g) => g.task === 'regression').map((g) => g.id)).toEqual([
			'linear',
			'friedman1'
		]);
	});

	it('answers an unknown id with not-found', () => {
		expect(errorOf(() => findSyntheticGenerator('nope')).code).toBe('not-found');
	});
});

describe.each(SYNTHETIC_GENERATORS.map((g) => [g.id, g] as const))('%s', (_id, generator) => {
	const params = { ...defaultParams(generator.params), n_samples: 200 };

	it('makes the same bytes from the same seed', () => {
		expect(bytesOf(generator.generate(params, 42))).toEqual(bytesOf(generator.generate(params, 42)));
	});

	it('makes different data from a different seed', () => {
		const a = bytesOf(generator.generate(params, 1));
		const b = bytesOf(generator.generate(params, 2));
		// Every feature column changes (labels may not, when rows are not shuffled).
		for (let j = 0; j < a.length - 1; j++) expect(a[j]).not.toBe(b[j]);
	});

	it('makes n_samples rows in every column, named x1, x2, … then the target', () => {
		const data = generator.generate(params, 3);
		const names = data.schema.map((c) => c.name);
		expect(names.slice(0, -1)).toEqual(names.slice(0, -1).map((_, j) => `x${j + 1}`));
		expect(names.at(-1)).toBe(data.target);
		expect(Object.keys(data.columns).sort()).toEqual([...names].sort());
		for (const name of names) expect(data.columns[name]).toHaveLength(200);
		const targetType = generator.task === 'classification' ? 'category' : 'number';
		expect(data.schema.at(-1)?.type).toBe(targetType);
	});

	it('uses the defaults for parameters it is not given', () => {
		const data = generator.generate({}, 3);
		const rows = generator.params.find((spec) => spec.key === 'n_samples')!.default;
		expect(data.columns[data.target]).toHaveLength(rows);
	});

	it('refuses parameters out of range, not whole, not numbers, or unknown', () => {
		const rows = errorOf(() => generator.generate({ n_samples: 2_000_000 }, 1));
		expect(rows.code).toBe('bad-input');
		expect(rows.message).toBe('Rows must be between 10 and 1,000,000 (got 2,000,000).');
		expect(errorOf(() => generator.generate({ n_samples: 5 }, 1)).code).toBe('bad-input');
		expect(errorOf(() => generator.generate({ n_samples: 100.5 }, 1)).message).toMatch(/whole number/);
		expect(errorOf(() => generator.generate({ n_samples: Number.NaN }, 1)).message).toMatch(
			/must be a number/
		);
		expect(errorOf(() => generator.generate({ colour: 1 }, 1)).message).toMatch(/no parameter “colour”/);
		expect(errorOf(() => generator.generate({}, 1.5)).code).toBe('bad-input');
		if (generator.params.some((spec) => spec.key === 'noise')) {
			expect(errorOf(() => generator.generate({ noise: -0.1 }, 1)).message).toMatch(
				/^Noise must be between 0/
			);
		}
	});
});

describe('limits across parameters', () => {
	it('refuses more informative features than features', () => {
		const error = errorOf(() =>
			findSyntheticGenerator('linear').generate({ n_features: 3, n_informative: 4 }, 1)
		);
		expect(error.code).toBe('bad-input');
		expect(error.message).toMatch(/Informative features \(4\) cannot be more than features \(3\)/);
	});

	it('refuses fewer rows than blob clusters', () => {
		expect(
			errorOf(() => findSyntheticGenerator('blobs').generate({ n_samples: 10, centers: 12 }, 1)).code
		).toBe('bad-input');
	});

	it('refuses tables too large to hold, before allocating them', () => {
		const error = errorOf(() =>
			findSyntheticGenerator('blobs').generate({ n_samples: 1_000_000, n_features: 50 }, 1)
		);
		expect(error.code).toBe('bad-input');
		expect(error.message).toMatch(/1,000,000 rows × 51 columns/);
	});

	it('refuses factors of 1 or more for circles', () => {
		expect(errorOf(() => findSyntheticGenerator('circles').generate({ factor: 1 }, 1)).code).toBe(
			'bad-input'
		);
	});
});
