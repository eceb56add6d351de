// The model-file checks: a topology walked to the weights each layer needs, a manifest matched to it, the
// bytes' size, finiteness and recorded hash; each refusal names the file, the field and what was expected.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	checkLayersArtifact,
	checkWeightBytes,
	checkWeightSpecs,
	expectedWeights,
	networkInterface,
	sha256Hex,
	weightByteLength
} from '../../../../src/lib/core/models/model-artifact-check.ts';

const dense = (name: string, units: number, extra: Record<string, unknown> = {}) => ({
	class_name: 'Dense',
	config: { name, units, use_bias: true, ...extra }
});
const topology = (layers: unknown[]) => ({ class_name: 'Sequential', config: { name: 's', layers } });
const mlp = () => topology([dense('d1', 3, { batch_input_shape: [null, 2] }), dense('out', 2)]);
const io = { inputs: 2, outputs: 2 };
const manifest = () => [
	{ name: 'd1/kernel', shape: [2, 3], dtype: 'float32' },
	{ name: 'd1/bias', shape: [3], dtype: 'float32' },
	{ name: 'out/kernel', shape: [3, 2], dtype: 'float32' },
	{ name: 'out/bias', shape: [2], dtype: 'float32' }
];
const bytesOf = (values: number[]) => new Uint8Array(Float32Array.from(values).buffer);

describe('expectedWeights', () => {
	it('walks shapes through dense, reshape, conv, pool, flatten and batch-norm layers', () => {
		const cnn = topology([
			{
				class_name: 'Reshape',
				config: { name: 'r', target_shape: [4, 4, 1], batch_input_shape: [null, 16] }
			},
			{
				class_name: 'Conv2D',
				config: { name: 'c', filters: 5, kernel_size: [3, 3], strides: [1, 1], padding: 'same' }
			},
			{
				class_name: 'MaxPooling2D',
				config: { name: 'p', pool_size: [2, 2], strides: [2, 2], padding: 'valid' }
			},
			{ class_name: 'BatchNormalization', config: { name: 'bn', axis: -1 } },
			{ class_name: 'Flatten', config: { name: 'f' } },
			{ class_name: 'Dropout', config: { name: 'dr', rate: 0.1 } },
			dense('out', 3)
		]);
		expect(Object.fromEntries(expectedWeights(cnn, { inputs: 16, outputs: 3 }))).toEqual({
			'c/kernel': [3, 3, 1, 5],
			'c/bias': [5],
			'bn/gamma': [5],
			'bn/beta': [5],
			'bn/moving_mean': [5],
			'bn/moving_variance': [5],
			'out/kernel': [20, 3],
			'out/bias': [3]
		});
	});

	it('refuses unknown layers, huge units, wrong input shapes and a wrong output width, by name', () => {
		const lambda = topology([
			dense('d1', 3, { batch_input_shape: [null, 2] }),
			{ class_name: 'Lambda', config: { name: 'l' } }
		]);
		expect(() => expectedWeights(lambda, io)).toThrow(
			/^model\.json: layer 2 \(l\) is a "Lambda" layer; Benchtop models are made only of Dense/
		);
		expect(() =>
			expectedWeights(topology([dense('d1', 1e9, { batch_input_shape: [null, 2] }), dense('out', 2)]), io)
		).toThrow('model.json: layer 1 (d1) config.units is 1000000000; expected a whole number from 1 to 4,096');
		expect(() =>
			expectedWeights(topology([dense('d1', 3, { batch_input_shape: [null, -5] }), dense('out', 2)]), io)
		).toThrow(
			'model.json: layer 1 (d1) config.batch_input_shape is [null,-5]; expected [null, 2], one input per feature benchtop.json lists'
		);
		expect(() => expectedWeights(mlp(), { inputs: 2, outputs: 4 })).toThrow(
			'model.json: layer 2 (out) config.units is 2; the output layer needs 4, one per class or target benchtop.json lists'
		);
		expect(() => expectedWeights({ class_name: 'Model' }, io)).toThrow(
			'model.json modelTopology is not a Sequential model'
		);
	});
});

describe('checkWeightSpecs and checkWeightBytes', () => {
	const expected = () => expectedWeights(mlp(), io);

	it('accepts the manifest the layers need and counts its bytes', () => {
		const specs = checkWeightSpecs(manifest(), expected());
		expect(specs.map((s) => s.name)).toEqual(['d1/kernel', 'd1/bias', 'out/kernel', 'out/bias']);
		expect(weightByteLength(specs)).toBe(17 * 4);
		expect(() => checkWeightBytes(bytesOf(Array(17).fill(0.5)), specs, 'weights.bin')).not.toThrow();
	});

	it('refuses other dtypes, shapes, unknown and missing weights', () => {
		const int32 = manifest().map((w) => ({ ...w, dtype: 'int32' }));
		expect(() => checkWeightSpecs(int32, expected())).toThrow(
			'weight “d1/kernel” has dtype "int32"; Benchtop weights are float32'
		);
		const huge = manifest();
		huge[0]!.shape = [1e9, 1e9];
		expect(() => checkWeightSpecs(huge, expected())).toThrow(
			'model.json weightsManifest weight “d1/kernel” has shape [1000000000,1000000000]; its layer needs [2,3]'
		);
		expect(() =>
			checkWeightSpecs([...manifest(), { name: 'x/kernel', shape: [1], dtype: 'float32' }], expected())
		).toThrow('lists “x/kernel”, which no layer in modelTopology has');
		expect(() => checkWeightSpecs(manifest().slice(1), expected())).toThrow(
			'lacks “d1/kernel”, which the layers need'
		);
	});

	it('refuses bytes of the wrong size and numbers that are not finite', () => {
		const specs = checkWeightSpecs(manifest(), expected());
		expect(() => checkWeightBytes(new Uint8Array(0), specs, 'weights.bin')).toThrow(
			"weights.bin is empty; model.json's weights manifest needs 68 bytes (17 float32 numbers)"
		);
		expect(() => checkWeightBytes(new Uint8Array(72), specs, 'weights.bin')).toThrow(
			"weights.bin is 72 bytes; model.json's weights manifest needs exactly 68 bytes (17 float32 numbers): the file is too long or not this model's"
		);
		const values = Array(17).fill(0.5);
		values[7] = Infinity;
		values[9] = NaN;
		expect(() => checkWeightBytes(bytesOf(values), specs, 'weights.bin')).toThrow(
			'weights.bin holds 2 numbers that are not finite (NaN or ±Infinity), the first in “d1/bias”'
		);
	});
});

describe('checkLayersArtifact', () => {
	it('checks the recorded hash after everything else', async () => {
		const weights = bytesOf(Array(17).fill(0.25));
		const sha = createHash('sha256').update(weights).digest('hex');
		expect(await sha256Hex(weights)).toBe(sha);
		const parts = { modelTopology: mlp(), weightSpecs: manifest(), weights };
		await expect(checkLayersArtifact({ ...parts, weightsSha256: sha }, io)).resolves.toHaveLength(4);
		await expect(checkLayersArtifact({ ...parts, weightsSha256: 'ab'.repeat(32) }, io)).rejects.toThrow(
			/^weights\.bin has SHA-256 [0-9a-f]{12}…, but benchtop\.json records weightsSha256 abababababab…/
		);
	});

	it('networkInterface: one input per feature, one output per class or target', () => {
		expect(
			networkInterface({
				task: 'classification',
				targets: ['y'],
				classes: ['a', 'b', 'c'],
				features: ['x1', 'x2']
			})
		).toEqual({ inputs: 2, outputs: 3 });
		expect(networkInterface({ task: 'multi-output', targets: ['y1', 'y2'], features: ['x'] })).toEqual({
			inputs: 1,
			outputs: 2
		});
	});
});
