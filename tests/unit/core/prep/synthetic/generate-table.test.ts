import { describe, expect, it } from 'vitest';
import { generateSyntheticTable } from '../../../../../src/lib/core/prep/synthetic/index.ts';
import { tableFromArrowIPC, tableToArrowIPC } from '../../../../../src/lib/core/data/arrow-ipc.ts';
import { BenchtopError } from '../../../../../src/lib/core/errors.ts';

describe('generateSyntheticTable', () => {
	it('makes a typed table with its provenance and a readable name', () => {
		const result = generateSyntheticTable('moons', { n_samples: 500, noise: 0.1 }, 42);
		expect(result.name).toBe('Moons (500 rows, noise 0.1, seed 42)');
		expect(result.source).toEqual({ kind: 'synthetic', generator: 'moons', seed: 42 });
		expect(result.table.numRows()).toBe(500);
		expect(result.table.columnNames()).toEqual(['x1', 'x2', 'class']);
		expect(result.schema).toEqual([
			{ name: 'x1', type: 'number' },
			{ name: 'x2', type: 'number' },
			{ name: 'class', type: 'category' }
		]);
		expect(result.target).toBe('class');
		expect(result.params).toEqual({ n_samples: 500, noise: 0.1 });
	});

	it('names every parameter, defaults included, in words', () => {
		expect(generateSyntheticTable('blobs', { n_samples: 1000, centers: 1 }, 7).name).toBe(
			'Blobs (1,000 rows, 1 cluster, 2 features, std 1, seed 7)'
		);
		expect(generateSyntheticTable('linear', {}, 0).name).toBe(
			'Linear regression (500 rows, 5 features, 3 informative, noise 10, bias 0, seed 0)'
		);
	});

	it('saves to the same Arrow bytes for the same seed, and reads back with the same values', () => {
		const save = (seed: number) => {
			const { table, schema } = generateSyntheticTable('blobs', { n_samples: 300, centers: 4 }, seed);
			return tableToArrowIPC(table, schema);
		};
		const bytes = save(11);
		expect(Buffer.from(save(11)).equals(Buffer.from(bytes))).toBe(true);
		expect(Buffer.from(save(12)).equals(Buffer.from(bytes))).toBe(false);
		const original = generateSyntheticTable('blobs', { n_samples: 300, centers: 4 }, 11).table;
		const restored = tableFromArrowIPC(bytes);
		expect(Array.from(restored.array('x1') as ArrayLike<number>)).toEqual(
			Array.from(original.array('x1') as ArrayLike<number>)
		);
		expect(Array.from(restored.array('cluster') as ArrayLike<string>)).toEqual(
			Array.from(original.array('cluster') as ArrayLike<string>)
		);
	});

	it('passes errors through as BenchtopErrors', () => {
		expect(() => generateSyntheticTable('nope', {}, 1)).toThrow(BenchtopError);
		expect(() => generateSyntheticTable('moons', { noise: 2.0001 }, 1)).toThrow(
			'Noise must be between 0 and 2 (got 2.0001).'
		);
	});
});
