// Model spec validation: defaults filled in, and every kind of mistake named in words with its layer.
import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../../../../src/lib/core/models/spec-schema.ts';

const mlp = (layers: unknown[]) => ({ family: 'mlp', task: 'classification', layers });
const message = (value: unknown) => {
	try {
		parseModelSpec(value);
	} catch (error) {
		expect((error as { code: string }).code).toBe('bad-input');
		return (error as Error).message;
	}
	throw new Error('expected parseModelSpec to throw');
};

describe('parseModelSpec', () => {
	it('accepts every layer type and fills in defaults', () => {
		const spec = {
			family: 'cnn',
			task: 'classification',
			inputShape: [8, 8, 1],
			layers: [
				{ type: 'conv2d', filters: 16, kernel: 3, activation: 'relu', padding: 'same', stride: 1, l2: 0.001 },
				{ type: 'batch-norm' },
				{ type: 'max-pool', size: 2 },
				{ type: 'flatten' },
				{ type: 'dense', units: 64, activation: 'elu', l2: 0 },
				{ type: 'dropout', rate: 0 }
			]
		};
		expect(parseModelSpec(spec)).toEqual(spec);
		expect(parseModelSpec({ family: 'linear', task: 'regression' })).toEqual({
			family: 'linear',
			task: 'regression',
			layers: []
		});
		expect(parseModelSpec({ family: 'kmeans', task: 'clustering', k: 4 })).toEqual({
			family: 'kmeans',
			task: 'clustering',
			k: 4,
			restarts: 10,
			maxIterations: 300
		});
	});

	it('names the layer and the limit', () => {
		expect(
			message(
				mlp([
					{ type: 'dense', units: 64, activation: 'relu' },
					{ type: 'dropout', rate: 0.1 },
					{ type: 'dense', units: 5000, activation: 'relu' }
				])
			)
		).toBe('Layer 3 (dense): units must be a whole number from 1 to 4096.');
		expect(message(mlp([{ type: 'dense', units: 2.5, activation: 'relu' }]))).toMatch(
			/^Layer 1 \(dense\): units must be a whole/
		);
		expect(message(mlp([{ type: 'dropout', rate: 1 }]))).toBe(
			'Layer 1 (dropout): rate must be a number from 0 up to (not including) 1.'
		);
		expect(message(mlp([{ type: 'dense', units: 8, activation: 'relu', l2: 2 }]))).toMatch(
			/Layer 1 \(dense\): l2 must be a number from 0 to 1/
		);
		const conv = (extra: object) =>
			mlp([{ type: 'conv2d', filters: 8, kernel: 3, activation: 'relu', ...extra }]);
		expect(message(conv({ filters: 513 }))).toBe(
			'Layer 1 (conv2d): filters must be a whole number from 1 to 512.'
		);
		expect(message(conv({ kernel: 12 }))).toBe(
			'Layer 1 (conv2d): kernel must be a whole number from 1 to 11.'
		);
		expect(message(conv({ padding: 'full' }))).toBe("Layer 1 (conv2d): padding must be 'same' or 'valid'.");
		expect(message(mlp([{ type: 'dense', units: 8, activation: 'softplus' }]))).toMatch(
			/activation must be one of relu, tanh/
		);
		expect(message({ family: 'kmeans', task: 'clustering', k: 101 })).toBe(
			'Model spec: k must be a whole number from 1 to 100.'
		);
		expect(message({ family: 'kmeans', task: 'clustering', k: 3, restarts: 51 })).toMatch(
			/restarts must be a whole number from 1 to 50/
		);
	});

	it('names unknown layer types and settings, and lists several problems', () => {
		expect(message(mlp([{ type: 'densy', units: 4 }]))).toBe(
			'Layer 1: type must be one of dense, dropout, batch-norm, conv2d, max-pool, flatten.'
		);
		expect(message(mlp([{ type: 'dense', units: 4, activation: 'relu', unit: 3 }]))).toBe(
			'Layer 1 (dense): “unit” is not a setting of this layer.'
		);
		expect(message({ family: 'linear', task: 'regression', extra: 1 })).toBe(
			'Model spec: “extra” is not a setting of a model spec.'
		);
		const several = message(
			mlp([
				{ type: 'dropout', rate: -1 },
				{ type: 'dense', units: 0, activation: 'relu' },
				{ type: 'flatten', size: 2 },
				{ type: 'max-pool', size: 0 }
			])
		);
		expect(several).toMatch(
			/^Layer 1 \(dropout\): rate .*; Layer 2 \(dense\): units .*; Layer 3 \(flatten\): .* \(and 1 more\)\.$/
		);
	});

	it('checks family, task and the rules of each family', () => {
		expect(message({ family: 'forest', task: 'regression' })).toBe(
			'Model spec: family must be one of linear, mlp, cnn, kmeans.'
		);
		expect(message(null)).toMatch(/must be an object/);
		expect(message({ family: 'mlp', task: 'clustering', layers: [] })).toMatch(
			/task must be one of classification, regression, multi-output/
		);
		expect(message({ family: 'kmeans', task: 'regression', k: 3 })).toMatch(/task must be clustering/);
		expect(message({ family: 'linear', task: 'regression', layers: [{ type: 'flatten' }] })).toMatch(
			/linear model has no hidden layers.*MLP/
		);
		expect(message({ family: 'cnn', task: 'classification', layers: [] })).toMatch(
			/A CNN needs inputShape \[height, width, channels\]/
		);
		expect(message({ family: 'mlp', task: 'regression', layers: [], inputShape: [8, 8, 1] })).toMatch(
			/inputShape is for CNNs only/
		);
		expect(message({ family: 'cnn', task: 'classification', layers: [], inputShape: [8, 0, 1] })).toMatch(
			/inputShape width must be a whole number/
		);
		expect(message(mlp(new Array(65).fill({ type: 'batch-norm' })))).toMatch(/at most 64 layers/);
		// l2 beside the layers is a linear model's penalty; the other families put it on their layers.
		expect(parseModelSpec({ family: 'linear', task: 'regression', l2: 0.001 })).toEqual({
			family: 'linear',
			task: 'regression',
			layers: [],
			l2: 0.001
		});
		expect(message({ family: 'mlp', task: 'regression', layers: [], l2: 0.001 })).toMatch(
			/l2 beside the layers is the linear model's penalty; an MLP takes l2 on each dense or conv2d layer/
		);
		expect(message({ family: 'linear', task: 'regression', l2: 2 })).toMatch(
			/l2 must be a number from 0 to 1/
		);
	});
});
