// The architecture editor's edits: new specs every time, added layers valid and trainable as they are.
import { describe, expect, it } from 'vitest';
import {
	addLayer,
	addableLayerTypes,
	canAddLayer,
	moveLayer,
	newLayer,
	removeLayer,
	replaceLayer
} from '../../../../src/lib/components/train/layer-edits.ts';
import { LAYER_TYPES, LIMITS, parseModelSpec } from '../../../../src/lib/core/models/spec-schema.ts';
import { summarizeNetwork } from '../../../../src/lib/core/models/summary.ts';
import type { NetworkSpec } from '../../../../src/lib/core/models/types.ts';

const mlp: NetworkSpec = {
	family: 'mlp',
	task: 'classification',
	layers: [
		{ type: 'dense', units: 64, activation: 'relu' },
		{ type: 'dropout', rate: 0.1 },
		{ type: 'dense', units: 32, activation: 'tanh' }
	]
};

describe('layer edits', () => {
	it('gives every layer type defaults the spec schema accepts', () => {
		for (const type of LAYER_TYPES) {
			const layer = newLayer(type);
			expect(layer.type).toBe(type);
			expect(() =>
				parseModelSpec({ family: 'cnn', task: 'regression', inputShape: [8, 8, 1], layers: [layer] })
			).not.toThrow();
		}
	});

	it('builds the digits CNN from added layers without shape problems', () => {
		let spec: NetworkSpec = { family: 'cnn', task: 'classification', inputShape: [8, 8, 1], layers: [] };
		for (const type of ['conv2d', 'max-pool', 'flatten', 'dense'] as const) spec = addLayer(spec, type);
		const summary = summarizeNetwork(spec, { inputSize: 64, outputSize: 10 });
		expect(summary.problems).toEqual([]);
		// conv 3·3·1·16+16, dense (4·4·16)·32+32, output 32·10+10.
		expect(summary.totalParams).toBe(160 + 8224 + 330);
	});

	it('adds at the end, replaces, removes and moves without touching the original', () => {
		const before = structuredClone(mlp);
		expect(addLayer(mlp, 'batch-norm').layers.map((l) => l.type)).toEqual([
			'dense',
			'dropout',
			'dense',
			'batch-norm'
		]);
		expect(replaceLayer(mlp, 1, { type: 'dropout', rate: 0.5 }).layers[1]).toEqual({
			type: 'dropout',
			rate: 0.5
		});
		expect(removeLayer(mlp, 0).layers.map((l) => l.type)).toEqual(['dropout', 'dense']);
		expect(moveLayer(mlp, 2, -1).layers.map((l) => l.type)).toEqual(['dense', 'dense', 'dropout']);
		expect(moveLayer(mlp, 0, 1).layers[1]).toEqual({ type: 'dense', units: 64, activation: 'relu' });
		expect(mlp).toEqual(before);
	});

	it('leaves the spec as it was for a move past either end', () => {
		expect(moveLayer(mlp, 0, -1)).toBe(mlp);
		expect(moveLayer(mlp, 2, 1)).toBe(mlp);
	});

	it('offers image layers only to CNNs and nothing to linear models', () => {
		expect(addableLayerTypes('cnn')).toEqual([...LAYER_TYPES]);
		expect(addableLayerTypes('mlp')).toEqual(['dense', 'dropout', 'batch-norm']);
		expect(addableLayerTypes('linear')).toEqual([]);
		expect(canAddLayer({ family: 'linear', task: 'regression', layers: [] })).toBe(false);
	});

	it('stops adding at the layer limit', () => {
		const full: NetworkSpec = {
			...mlp,
			layers: Array.from({ length: LIMITS.layers }, () => newLayer('dense'))
		};
		expect(canAddLayer(full)).toBe(false);
		expect(canAddLayer(mlp)).toBe(true);
	});
});
