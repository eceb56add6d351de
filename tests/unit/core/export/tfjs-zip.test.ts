// TF.js zips in and out: a trained run exported and read back predicts exactly as before (and its
// model.json loads in tf.loadLayersModel); plain TF.js Layers models made by TF.js itself
// (tests/fixtures/tfjs, one and three shards) import and predict as TF.js did; every refusal names what
// is wrong, and none gets as far as a tensor.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import * as tf from '@tensorflow/tfjs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { tfjsModelZip, tfjsZipName } from '../../../../src/lib/core/export/tfjs-zip-export.ts';
import {
	filesFromMap,
	plainModelRun,
	readImportedModel,
	readModelZip
} from '../../../../src/lib/core/export/tfjs-zip-import.ts';
import { runtimePlan } from '../../../../src/lib/core/export/runtime-plan.ts';
import { bundleFromRun, loadPredictor } from '../../../../src/lib/core/predict/predictor.ts';
import { createModel } from '../../../../src/lib/runtime/predict.ts';
import { predictRows } from '../../../../src/lib/core/predict/predict-rows.ts';
import type { PrepTable } from '../../../../src/lib/core/table/prep-table.ts';
import { runTraining } from '../../../../src/lib/core/train/run-training.ts';
import type { ModelArtifact, RunRecord } from '../../../../src/lib/core/train/run-record.ts';
import { cli, sample, workFolder } from '../../cli/model-fixtures.ts';
import { loadSample } from '../data/profile/load-sample.ts';

const fixtures = fileURLToPath(new URL('../../../fixtures/tfjs/', import.meta.url));

function folder(name: string): Map<string, Uint8Array> {
	const dir = join(fixtures, name);
	return new Map(
		readdirSync(dir)
			.filter((file) => file !== 'expected.json')
			.map((file) => [file, new Uint8Array(readFileSync(join(dir, file)))])
	);
}
const expected = (name: string) =>
	JSON.parse(readFileSync(join(fixtures, name, 'expected.json'), 'utf8')) as {
		rows: number[][];
		outputs: number[][];
	};
/* eslint-disable @typescript-eslint/no-explicit-any -- the tests edit model.json freely, as an attacker would */
const modelJsonOf = (files: Map<string, Uint8Array>) =>
	JSON.parse(strFromU8(files.get('model.json')!)) as Record<string, any>;
function withModelJson(files: Map<string, Uint8Array>, edit: (json: any) => void) {
	const copy = new Map(files);
	const json = modelJsonOf(files);
	edit(json);
	copy.set('model.json', strToU8(JSON.stringify(json)));
	return copy;
}
/* eslint-enable @typescript-eslint/no-explicit-any */
const refusal = async (files: Map<string, Uint8Array>) => {
	await expect(readImportedModel(filesFromMap(files, 'upload'))).rejects.toThrow();
	return readImportedModel(filesFromMap(files, 'upload')).then(
		() => '',
		(error: Error) => error.message
	);
};

function table(columns: string[], rows: number[][]): PrepTable {
	return {
		table: aq.table(Object.fromEntries(columns.map((c, j) => [c, rows.map((r) => r[j]!)]))),
		schema: columns.map((name) => ({ name, type: 'number' as const }))
	} as PrepTable;
}

describe('a trained run → TF.js zip → back', () => {
	let run: RunRecord;
	let artifact: ModelArtifact;
	let zip: Uint8Array;
	const iris = loadSample('iris.csv');

	beforeAll(async () => {
		await tf.setBackend('cpu');
		const outcome = await runTraining(
			iris,
			{ targets: ['species'], settings: { epochs: 20, learningRate: 0.05, seed: 5 } },
			{
				dataset: { id: 'd1', hash: 'h1', name: 'iris' },
				backend: { name: 'cpu', reason: 'test' },
				versions: {}
			}
		);
		outcome.model?.dispose();
		run = { ...outcome.run, id: 'run-1', artifactId: 'a1' } as RunRecord;
		artifact = outcome.artifact;
		zip = await tfjsModelZip(run, artifact, {
			generatedBy: 'Benchtop test',
			lineage: { model: 'iris', version: 3 }
		});
	});

	it('holds model.json, weights.bin and benchtop.json with recipe, labels, input schema, metrics and lineage', () => {
		const files = unzipSync(zip);
		// The optimizer's state too, so `benchtop train --init` on the zip goes on as if it had not stopped.
		expect(artifact.kind === 'layers' && artifact.optimizer?.name).toBe('Adam');
		expect(Object.keys(files).sort()).toEqual([
			'benchtop.json',
			'model.json',
			'optimizer.bin',
			'optimizer.json',
			'weights.bin'
		]);
		const record = JSON.parse(strFromU8(files['benchtop.json']!));
		expect(record.classes).toEqual(run.classes);
		expect(record.inputSchema.map((c: { name: string }) => c.name)).toContain('petal_length');
		expect(record.recipe).toEqual(run.fitted);
		expect(record.run.metrics.test.accuracy).toBe(run.metrics.test!.accuracy);
		expect(record.lineage).toEqual({ model: 'iris', version: 3 });
		expect(record.run.datasetHash).toBe('h1');
		expect(record.run.artifactId).toBeUndefined();
		expect(tfjsZipName('Iris MLP #2')).toBe('iris-mlp-2-tfjs.zip');
	});

	it('model.json + weights.bin load in tf.loadLayersModel and give the run’s outputs', async () => {
		const files = unzipSync(zip);
		const json = JSON.parse(strFromU8(files['model.json']!));
		const model = await tf.loadLayersModel(
			tf.io.fromMemory({
				modelTopology: json.modelTopology,
				weightSpecs: json.weightsManifest[0].weights,
				weightData: files['weights.bin']!.slice().buffer
			})
		);
		const direct = await loadPredictor(bundleFromRun(run, artifact));
		const x = tf.tensor2d([[0.1, -0.3, 0.5, 1.2]]);
		const fromZip = (model.predict(x) as tf.Tensor).dataSync();
		expect(fromZip).toHaveLength(3);
		expect(Math.abs(fromZip[0]! + fromZip[1]! + fromZip[2]! - 1)).toBeLessThan(1e-5);
		x.dispose();
		model.dispose();
		direct.dispose();
	});

	it('imported back: the same task, columns, metrics and exactly the same predictions on all 150 rows', async () => {
		const imported = await readModelZip(zip, 'iris-tfjs.zip');
		if (imported.kind !== 'benchtop') throw new Error('expected a Benchtop model');
		expect(imported.run.features).toEqual(run.features);
		expect(imported.run.metrics.test!.accuracy).toBe(run.metrics.test!.accuracy);
		expect(imported.run.name).toBe(run.name);
		const before = await loadPredictor(bundleFromRun(run, artifact));
		const after = await loadPredictor(bundleFromRun(imported.run, imported.artifact));
		const a = await predictRows(before, iris);
		const b = await predictRows(after, iris);
		expect(a.rows).toBe(150);
		expect(Array.from(b.proba!)).toEqual(Array.from(a.proba!));
		expect(b.labels).toEqual(a.labels);
		before.dispose();
		after.dispose();
	});

	it('benchtop predict reads the studio’s zip and gives the same labels', async () => {
		const path = join(workFolder('studio-zip'), 'iris-tfjs.zip');
		writeFileSync(path, zip);
		const { code, out, err } = await cli(['predict', path, sample('iris.csv')]);
		expect(err).toEqual([]);
		expect(code).toBe(0);
		const lines = out[0]!.trimEnd().split('\n');
		expect(lines).toHaveLength(151);
		const predictor = await loadPredictor(bundleFromRun(run, artifact));
		const labels = (await predictRows(predictor, iris)).labels!;
		const column = lines[0]!.split(',').indexOf('label');
		expect(lines.slice(1).map((line) => line.split(',')[column])).toEqual(labels);
		predictor.dispose();
	});

	it('a zip whose weights were changed is refused by the recorded SHA-256', async () => {
		const files = unzipSync(zip);
		const weights = files['weights.bin']!.slice();
		weights[8] = weights[8]! ^ 1;
		const tampered = zipSync({ ...files, 'weights.bin': weights });
		await expect(readModelZip(tampered, 'tampered.zip')).rejects.toThrow(
			/weights\.bin has SHA-256 [0-9a-f]{12}…, but benchtop\.json records weightsSha256 [0-9a-f]{12}…: the weights were changed or belong to another model/
		);
	});

	it('a zip with benchtop.json but no model.json says so', async () => {
		const files = unzipSync(zip);
		delete files['model.json'];
		await expect(readModelZip(zipSync(files), 'partial.zip')).rejects.toThrow(
			'partial.zip has no model.json beside benchtop.json'
		);
	});
});

describe('a k-means run → zip → back', () => {
	it('holds benchtop.json alone (the centroids), and assigns every iris row to the same cluster', async () => {
		const iris = loadSample('iris.csv');
		const outcome = await runTraining(
			iris,
			{ targets: [], task: 'clustering', k: 3 } as Parameters<typeof runTraining>[1],
			{
				dataset: { id: 'd2', hash: 'h2', name: 'iris' },
				backend: { name: 'cpu', reason: 'test' },
				versions: {}
			}
		);
		const run = { ...outcome.run, id: 'run-k', artifactId: 'a2' } as RunRecord;
		const zip = await tfjsModelZip(run, outcome.artifact, { generatedBy: 'test' });
		expect(Object.keys(unzipSync(zip))).toEqual(['benchtop.json']);
		const imported = await readModelZip(zip, 'kmeans.zip');
		if (imported.kind !== 'benchtop') throw new Error('expected a Benchtop model');
		expect(imported.artifact).toEqual(outcome.artifact);
		const a = await predictRows(await loadPredictor(bundleFromRun(run, outcome.artifact)), iris);
		const b = await predictRows(await loadPredictor(bundleFromRun(imported.run, imported.artifact)), iris);
		expect(Array.from(b.clusters!)).toEqual(Array.from(a.clusters!));
		expect(new Set(a.clusters).size).toBe(3);
	});
});

describe('plain TF.js Layers models made by TF.js', () => {
	it('one shard, a classifier: imports with named columns and labels, predicts as TF.js did', async () => {
		const imported = await readImportedModel(filesFromMap(folder('mlp-one-shard'), 'mlp-one-shard'));
		if (imported.kind !== 'plain') throw new Error('expected a plain model');
		expect(imported.model).toMatchObject({
			inputs: 4,
			outputs: 3,
			outputActivation: 'softmax',
			parameters: 67
		});
		const columns = ['a', 'b', 'c', 'd'];
		const run = plainModelRun(imported.model, { columns, labels: ['x', 'y', 'z'], name: 'plain' });
		expect(run).toMatchObject({ task: 'classification', classes: ['x', 'y', 'z'], features: columns });
		expect(run.spec).toMatchObject({
			family: 'mlp',
			layers: [
				{ type: 'dense', units: 8, activation: 'relu' },
				{ type: 'dropout', rate: 0.2 }
			]
		});
		const { rows, outputs } = expected('mlp-one-shard');
		const predictor = await loadPredictor(bundleFromRun(run, imported.model.artifact));
		const got = await predictRows(predictor, table(columns, rows));
		for (let i = 0; i < rows.length; i++)
			for (let k = 0; k < 3; k++) expect(got.proba![i * 3 + k]).toBeCloseTo(outputs[i]![k]!, 6);
		predictor.dispose();
	});

	it('three shards in a zip (inside a folder), a two-output regression with batch norm, predicts as TF.js did', async () => {
		const files = folder('mlp-three-shards');
		const zip = zipSync(Object.fromEntries([...files].map(([name, bytes]) => [`my-model/${name}`, bytes])));
		const imported = await readModelZip(zip, 'wide.zip');
		if (imported.kind !== 'plain') throw new Error('expected a plain model');
		expect(imported.model).toMatchObject({ inputs: 6, outputs: 2, outputActivation: 'linear' });
		const columns = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
		const run = plainModelRun(imported.model, { columns, name: 'wide' });
		expect(run).toMatchObject({ task: 'multi-output', targets: ['y1', 'y2'] });
		const { rows, outputs } = expected('mlp-three-shards');
		const predictor = await loadPredictor(bundleFromRun(run, imported.model.artifact));
		const got = await predictRows(predictor, table(columns, rows));
		for (let i = 0; i < rows.length; i++)
			for (let k = 0; k < 2; k++) expect(got.values![k]![i]).toBeCloseTo(outputs[i]![k]!, 5);
		predictor.dispose();
	});

	it('uint8 and float16 quantized weights are dequantized (min + scale × q; half floats) before the check', async () => {
		const files = folder('mlp-one-shard');
		const json = modelJsonOf(files);
		const floats = new Float32Array(files.get('weights.bin')!.slice().buffer);
		const specs = json.weightsManifest[0].weights as { shape: number[] }[];
		const half = (x: number) => {
			// float32 → float16 bits (round to nearest, normal range only: these weights are small).
			const f = new Float32Array([x]);
			const u = new Uint32Array(f.buffer)[0]!;
			const sign = (u >>> 16) & 0x8000;
			const exp = ((u >>> 23) & 0xff) - 127 + 15;
			if (exp <= 0) return sign;
			return sign | (exp << 10) | Math.round((u & 0x7fffff) / 8192);
		};
		const f16 = new Uint16Array(floats.length);
		floats.forEach((x, i) => (f16[i] = half(x)));
		const u8: number[] = [];
		let at = 0;
		const quantized = specs.map((spec) => {
			const n = spec.shape.reduce((a, b) => a * b, 1);
			const part = floats.subarray(at, at + n);
			at += n;
			const min = Math.min(...part);
			const scale = (Math.max(...part) - min) / 255 || 1;
			for (const x of part) u8.push(Math.round((x - min) / scale));
			return { ...spec, quantization: { dtype: 'uint8', min, scale } };
		});
		const asU8 = withModelJson(files, (j) => (j.weightsManifest[0].weights = quantized));
		asU8.set('weights.bin', Uint8Array.from(u8));
		const asF16 = withModelJson(files, (j) =>
			(j.weightsManifest[0].weights as object[]).forEach((w: object) =>
				Object.assign(w, { quantization: { dtype: 'float16' } })
			)
		);
		asF16.set('weights.bin', new Uint8Array(f16.buffer));
		const { rows, outputs } = expected('mlp-one-shard');
		for (const [files, tolerance, kind] of [
			[asU8, 0.05, 'uint8'],
			[asF16, 0.002, 'float16']
		] as const) {
			const imported = await readImportedModel(filesFromMap(files, kind));
			if (imported.kind !== 'plain') throw new Error('expected a plain model');
			expect(imported.model.quantized).toEqual({ [kind]: 4 });
			const run = plainModelRun(imported.model, { columns: ['a', 'b', 'c', 'd'], name: kind });
			const predictor = await loadPredictor(bundleFromRun(run, imported.model.artifact));
			const got = await predictRows(predictor, table(['a', 'b', 'c', 'd'], rows));
			const worst = Math.max(
				...outputs.flatMap((row, i) => row.map((p, k) => Math.abs(got.proba![i * 3 + k]! - p)))
			);
			expect(worst).toBeLessThan(tolerance);
			expect(worst).toBeGreaterThan(0);
			predictor.dispose();
		}
	});

	it('a plain model needs its input columns named, one per input, no repeats', async () => {
		const imported = await readImportedModel(filesFromMap(folder('mlp-one-shard'), 'm'));
		if (imported.kind !== 'plain') throw new Error('expected a plain model');
		expect(() => plainModelRun(imported.model, { columns: [], name: 'p' })).toThrow(
			'This TF.js model has no benchtop.json, so it does not say its input columns: name its 4 inputs, in order.'
		);
		expect(() => plainModelRun(imported.model, { columns: ['a', 'b', 'c'], name: 'p' })).toThrow(
			'The model has 4 inputs; 3 names were given.'
		);
		expect(() => plainModelRun(imported.model, { columns: ['a', 'b', 'a', 'd'], name: 'p' })).toThrow(
			'The name “a” is given twice.'
		);
		expect(() =>
			plainModelRun(imported.model, { columns: ['a', 'b', 'c', 'd'], labels: ['x', 'y'], name: 'p' })
		).toThrow('The model has 3 classes; 2 names were given.');
	});
});

describe('refusals of a plain model, each before any tensor', () => {
	const one = () => folder('mlp-one-shard');

	it('a layer class outside the allow-list', async () => {
		const files = withModelJson(one(), (j) => (j.modelTopology.config.layers[1].class_name = 'Lambda'));
		expect(await refusal(files)).toBe(
			'model.json: layer 2 (dropout_Dropout1) is a "Lambda" layer; an imported model may hold only InputLayer, Dense, Dropout, BatchNormalization, Conv2D, MaxPooling2D, Flatten layers (a table network or a small CNN)'
		);
	});

	it('the schema: no weightsManifest, a graph model, a functional model, a path out of the folder', async () => {
		expect(await refusal(withModelJson(one(), (j) => delete j.weightsManifest))).toMatch(
			/^model\.json: “weightsManifest” /
		);
		expect(await refusal(withModelJson(one(), (j) => (j.format = 'graph-model')))).toBe(
			'model.json “format” is "graph-model"; only TF.js Layers models ("layers-model") are imported, not graph models'
		);
		expect(await refusal(withModelJson(one(), (j) => (j.modelTopology.class_name = 'Functional')))).toBe(
			'model.json modelTopology is a "Functional" model; only Sequential models (one layer after another) are imported'
		);
		expect(await refusal(withModelJson(one(), (j) => (j.weightsManifest[0].paths = ['../secret.bin'])))).toBe(
			'model.json: “weightsManifest[0].paths[0]” must be a plain file name beside model.json (no folders, “..” or absolute paths)'
		);
	});

	it('a dtype outside the allow-list, and a shape that is not its layer’s', async () => {
		expect(
			await refusal(withModelJson(one(), (j) => (j.weightsManifest[0].weights[0].dtype = 'int32')))
		).toBe("model.json: “weightsManifest[0].weights[0].dtype” must be float32 (a network's weights)");
		expect(await refusal(withModelJson(one(), (j) => (j.weightsManifest[0].weights[0].shape = [4, 9])))).toBe(
			'model.json weightsManifest weight “dense_Dense1/kernel” has shape [4,9]; its layer needs [4,8]'
		);
	});

	it('shapes and parameters over the caps', async () => {
		const huge = withModelJson(one(), (j) => {
			j.modelTopology.config.layers[0].config.batch_input_shape = [null, 100000];
			j.modelTopology.config.layers[0].config.units = 4096;
		});
		expect(await refusal(huge)).toBe(
			'model.json: layer 1 (dense_Dense1) makes the model hold more than 67,108,864 weights, the most Benchtop imports'
		);
		const image = withModelJson(
			one(),
			(j) => (j.modelTopology.config.layers[0].config.batch_input_shape = [null, 28, 28, 1])
		);
		expect(await refusal(image)).toBe(
			"model.json: layer 1 (dense_Dense1) is a Dense layer on a 28×28×1 feature map; Benchtop's networks flatten an image (a Flatten layer) before any Dense layer"
		);
		const volume = withModelJson(
			one(),
			(j) => (j.modelTopology.config.layers[0].config.batch_input_shape = [null, 28, 28])
		);
		expect(await refusal(volume)).toBe(
			'model.json: layer 1 (dense_Dense1) takes input of shape [null,28,28]; Benchtop imports table models (shape [null, n]: n numbers per row) and image models (shape [null, height, width, channels])'
		);
		const wide = withModelJson(one(), (j) => (j.modelTopology.config.layers[0].config.units = 5000));
		expect(await refusal(wide)).toBe(
			'model.json: layer 1 (dense_Dense1) config.units is 5000; expected a whole number from 1 to 4,096'
		);
	});

	it('weight bytes that do not match the manifest: short, long, not finite', async () => {
		const short = one();
		short.set('weights.bin', short.get('weights.bin')!.slice(0, 264));
		expect(await refusal(short)).toBe(
			"weights.bin holds 264 bytes; model.json's weights manifest needs exactly 268 bytes (its dtypes and shapes): the weights are truncated or not this model's"
		);
		const long = one();
		long.set('weights.bin', new Uint8Array(272));
		expect(await refusal(long)).toBe(
			"weights.bin is 272 bytes; model.json's weights manifest needs 268 bytes of weights in all, so weights.bin may hold at most 268 bytes: it is not read"
		);
		const nan = one();
		const bytes = nan.get('weights.bin')!.slice();
		new DataView(bytes.buffer).setFloat32(4, NaN, true);
		nan.set('weights.bin', bytes);
		expect(await refusal(nan)).toBe(
			"weights.bin holds a number that is not finite (NaN or ±Infinity) in “dense_Dense1/kernel”: a trained model's weights are all finite"
		);
		const missing = folder('mlp-three-shards');
		missing.delete('group1-shard2of3.bin');
		expect(await refusal(missing)).toBe('upload lacks group1-shard2of3.bin, a weight file model.json lists');
	});
});

describe('zip caps', () => {
	it('too many entries, a zip bomb, and a zip that holds no model', async () => {
		const many: Record<string, Uint8Array> = {};
		for (let i = 0; i < 1001; i++) many[`f${i}.txt`] = new Uint8Array(1);
		await expect(readModelZip(zipSync(many), 'many.zip')).rejects.toThrow(
			'many.zip holds 1,001 entries; a model .zip has at most 1,000 (a model is three files)'
		);
		const files = folder('mlp-one-shard');
		const bomb = zipSync({
			'model.json': files.get('model.json')!,
			'weights.bin': [new Uint8Array(8 * 1024 * 1024), { level: 9 }]
		});
		await expect(readModelZip(bomb, 'bomb.zip')).rejects.toThrow(
			/^bomb\.zip: weights\.bin in the \.zip declares 8,388,608 bytes; model\.json's weights manifest needs 268 bytes/
		);
		// The same bomb under a name the manifest lists, with a directory that lies about its size.
		const json = withModelJson(files, (j) => (j.weightsManifest[0].paths = ['big.bin']));
		const lying = zipSync({
			'model.json': json.get('model.json')!,
			'big.bin': [new Uint8Array(8 * 1024 * 1024), { level: 9 }]
		});
		const view = new DataView(lying.buffer);
		for (let p = lying.length - 22; p >= 0; p--)
			if (view.getUint32(p, true) === 0x02014b50 && strFromU8(lying.subarray(p + 46, p + 53)) === 'big.bin')
				view.setUint32(p + 24, 100, true);
		await expect(readModelZip(lying, 'lying.zip')).rejects.toThrow(
			'lying.zip: big.bin in the .zip inflates past 268 bytes; '
		);

		await expect(readModelZip(zipSync({ 'notes.txt': strToU8('hi') }), 'notes.zip')).rejects.toThrow(
			'notes.zip holds neither benchtop.json nor model.json, so it is not a model (its files: notes.txt)'
		);
		await expect(readModelZip(strToU8('not a zip at all, just some text here'), 'text.zip')).rejects.toThrow(
			'text.zip is not a readable .zip file (no zip directory at its end)'
		);
	}, 30_000);
});

describe('plain TF.js image models', () => {
	const cnn = () => folder('cnn-digits');
	const one = () => folder('mlp-one-shard');

	it('a CNN (Conv2D, batch norm, max pooling, Flatten, Dense) on 8×8×1 images imports and predicts as TF.js did, in the studio and in the edge runtime', async () => {
		const imported = await readImportedModel(filesFromMap(cnn(), 'cnn'));
		if (imported.kind !== 'plain') throw new Error('expected a plain model');
		expect(imported.model).toMatchObject({
			inputs: 64,
			inputShape: [8, 8, 1],
			outputs: 10,
			outputActivation: 'softmax'
		});
		expect(imported.model.hidden.map((layer) => layer.type)).toEqual([
			'conv2d',
			'batch-norm',
			'max-pool',
			'conv2d',
			'flatten',
			'dropout'
		]);
		const columns = Array.from({ length: 64 }, (_, i) => `p${i}`);
		const run = plainModelRun(imported.model, { columns, name: 'digits' });
		expect(run.spec).toMatchObject({ family: 'cnn', inputShape: [8, 8, 1] });
		const { rows, outputs } = expected('cnn-digits');
		const predictor = await loadPredictor(bundleFromRun(run, imported.model.artifact));
		const got = await predictRows(predictor, table(columns, rows));
		predictor.dispose();
		for (let i = 0; i < rows.length; i++)
			for (let k = 0; k < 10; k++)
				expect(Math.abs(got.proba![i * 10 + k]! - outputs[i]![k]!)).toBeLessThan(1e-5);
		// The edge bundle's runtime reads the same flat rows (reshaped, channels last) and agrees.
		const { plan, weights } = await runtimePlan(bundleFromRun(run, imported.model.artifact), 'none');
		const model = createModel(plan, weights);
		const raw = model.predictRaw(rows.map((r) => Object.fromEntries(columns.map((c, j) => [c, r[j]]))));
		raw.outputs.forEach((out, i) =>
			out!.forEach((p, k) => expect(Math.abs(p - outputs[i]![k]!)).toBeLessThan(1e-5))
		);
	});

	it('refuses a Teachable Machine-shaped model (a nested MobileNet on 224×224×3 images) saying which layer and why', async () => {
		expect(await refusal(folder('nested-mobilenet'))).toBe(
			"model.json: layer 1 (mobilenet_truncated) is a nested Sequential model of 2 layers taking 224×224×3 images with DepthwiseConv2D, GlobalAveragePooling2D layers (Teachable Machine's image models nest a truncated MobileNet this way). Without metadata.json, Benchtop imports one flat Sequential list of Dense, Dropout, BatchNormalization, Conv2D, MaxPooling2D, Flatten layers; a Teachable Machine model is imported with its metadata.json (labels, imageSize) beside model.json and weights.bin, and then reads one image per row (not 150,528 table columns)"
		);
	});

	it('refuses average pooling, non-square windows, Dense before Flatten and a convolution on a flat row', async () => {
		const layer = (
			j: { modelTopology: { config: { layers: { class_name: string; config: Record<string, unknown> }[] } } },
			i: number
		) => j.modelTopology.config.layers[i]!;
		expect(await refusal(withModelJson(cnn(), (j) => (layer(j, 2).class_name = 'AveragePooling2D')))).toBe(
			"model.json: layer 3 (max_pooling2d_MaxPooling2D1) is an AveragePooling2D layer; Benchtop's networks pool by maximum only (MaxPooling2D), so its model checker and specs cannot hold average pooling"
		);
		expect(await refusal(withModelJson(cnn(), (j) => (layer(j, 0).config.kernel_size = [3, 2])))).toBe(
			"model.json: layer 1 (conv2d_Conv2D1) has a 3×2 window moving 1×1; Benchtop's convolutions have square windows and the same step both ways"
		);
		expect(await refusal(withModelJson(cnn(), (j) => j.modelTopology.config.layers.splice(4, 2)))).toBe(
			"model.json: layer 5 (dense_Dense5) is a Dense layer on a 3×3×4 feature map; Benchtop's networks flatten an image (a Flatten layer) before any Dense layer"
		);
		const flat = withModelJson(one(), (j) => {
			j.modelTopology.config.layers[1] = {
				class_name: 'Conv2D',
				config: { name: 'c', filters: 2, kernel_size: 3 }
			};
		});
		expect(await refusal(flat)).toBe(
			'model.json: layer 2 (c) is a Conv2D layer on a flat row of 8 numbers; it needs an image input (batch_input_shape [null, height, width, channels])'
		);
		expect(
			await refusal(withModelJson(cnn(), (j) => (j.weightsManifest[0].weights[0].shape = [3, 3, 1, 5])))
		).toMatch(/has shape \[3,3,1,5\]; its layer needs \[3,3,1,6\]$/);
	});
});
