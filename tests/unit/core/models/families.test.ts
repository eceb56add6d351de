// The model family table: labels and summaries, tasks, and default specs that validate and build.
import { describe, expect, it } from 'vitest';
import {
	defaultFamily,
	familiesFor,
	findFamily,
	MODEL_FAMILIES,
	requireFamily
} from '../../../../src/lib/core/models/families.ts';
import type { DataShape } from '../../../../src/lib/core/models/family-definition.ts';
import { parseModelSpec } from '../../../../src/lib/core/models/spec-schema.ts';
import { summarizeNetwork } from '../../../../src/lib/core/models/summary.ts';
import { FAMILIES } from '../../../../src/lib/core/models/types.ts';
import type { NetworkSpec } from '../../../../src/lib/core/models/types.ts';

const table: DataShape = { featureCount: 13, imageShape: null, rowCount: 178 };
const digits: DataShape = { featureCount: 64, imageShape: [8, 8, 1], rowCount: 1347 };

describe('MODEL_FAMILIES', () => {
	it('lists each family once, with a label, a summary and its tasks', () => {
		expect(MODEL_FAMILIES.map((f) => f.family)).toEqual([...FAMILIES]);
		for (const f of MODEL_FAMILIES) {
			expect(f.label.length).toBeGreaterThan(3);
			expect(f.summary.length).toBeGreaterThan(60);
			expect(findFamily(f.family)).toBe(f);
		}
		expect(findFamily('forest')).toBeUndefined();
		expect(() => requireFamily('forest')).toThrow(
			'There is no model family “forest”; the families are linear, mlp, cnn, kmeans.'
		);
		expect(requireFamily('kmeans').tasks).toEqual(['clustering']);
		expect(requireFamily('linear').tasks).toEqual(['classification', 'regression', 'multi-output']);
	});

	it('default specs validate, and the networks fit their data', () => {
		for (const task of ['classification', 'regression', 'multi-output'] as const) {
			for (const [family, data] of [
				['linear', table],
				['mlp', table],
				['cnn', digits]
			] as const) {
				const spec = requireFamily(family).defaultSpec(task, data) as NetworkSpec;
				expect(parseModelSpec(spec)).toEqual(spec);
				const summary = summarizeNetwork(spec, { inputSize: data.featureCount, outputSize: 3 });
				expect(summary.problems).toEqual([]);
			}
		}
		expect(requireFamily('linear').defaultSpec('classification', table)).toEqual({
			family: 'linear',
			task: 'classification',
			layers: []
		});
		expect(requireFamily('mlp').defaultSpec('regression', table)).toMatchObject({
			layers: [
				{ type: 'dense', units: 64 },
				{ type: 'dropout', rate: 0.1 },
				{ type: 'dense', units: 32 }
			]
		});
	});

	it("the CNN default fits digits' 8 × 8 and larger images, and pools less on tiny ones", () => {
		const cnn = requireFamily('cnn');
		const digitsSpec = cnn.defaultSpec('classification', digits) as NetworkSpec;
		expect(digitsSpec.inputShape).toEqual([8, 8, 1]);
		expect(digitsSpec.layers.map((l) => l.type)).toEqual(['conv2d', 'max-pool', 'flatten', 'dense']);
		const big = cnn.defaultSpec('classification', {
			featureCount: 784,
			imageShape: [28, 28, 1],
			rowCount: 100
		}) as NetworkSpec;
		expect(big.layers.filter((l) => l.type === 'max-pool')).toHaveLength(2);
		expect(summarizeNetwork(big, { inputSize: 784, outputSize: 10 }).problems).toEqual([]);
		const tiny = cnn.defaultSpec('regression', {
			featureCount: 9,
			imageShape: [3, 3, 1],
			rowCount: 50
		}) as NetworkSpec;
		expect(tiny.layers.some((l) => l.type === 'max-pool')).toBe(false);
		expect(summarizeNetwork(tiny, { inputSize: 9, outputSize: 1 }).problems).toEqual([]);
	});

	it('k-means defaults: the scan’s k or 3, never above the rows; restarts 10, 300 iterations', () => {
		const kmeans = requireFamily('kmeans');
		expect(kmeans.defaultSpec('clustering', table)).toEqual({
			family: 'kmeans',
			task: 'clustering',
			k: 3,
			restarts: 10,
			maxIterations: 300
		});
		expect(kmeans.defaultSpec('clustering', { ...table, suggestedK: 5 })).toMatchObject({ k: 5 });
		expect(kmeans.defaultSpec('clustering', { ...table, rowCount: 2 })).toMatchObject({ k: 2 });
		expect(parseModelSpec(kmeans.defaultSpec('clustering', table))).toEqual(
			kmeans.defaultSpec('clustering', table)
		);
	});

	it('says why a family does not fit, and refuses its default spec then', () => {
		const reasons = Object.fromEntries(
			familiesFor('classification', table).map((f) => [f.definition.family, f.unsuitable])
		);
		expect(reasons['linear']).toBeNull();
		expect(reasons['mlp']).toBeNull();
		expect(reasons['cnn']).toMatch(/A CNN needs rows that are images.*use an MLP/);
		expect(reasons['kmeans']).toMatch(/k-means groups rows without a target/);
		expect(() => requireFamily('cnn').defaultSpec('classification', table)).toThrow(
			/needs rows that are images/
		);
		expect(() => requireFamily('mlp').defaultSpec('clustering', table)).toThrow(/choose k-means to cluster/);
		expect(() => requireFamily('kmeans').defaultSpec('regression', table)).toThrow(
			/choose a linear model or an MLP/
		);
	});

	it('picks k-means for clustering, a CNN for images, else an MLP', () => {
		expect(defaultFamily('clustering', table)).toBe('kmeans');
		expect(defaultFamily('classification', digits)).toBe('cnn');
		expect(defaultFamily('regression', table)).toBe('mlp');
	});
});
