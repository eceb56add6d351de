// The Teachable Machine reader's checks, each refusal naming the layer and field: a small fixture of TM's
// exact nesting (32 × 32 images, three MobileNetV2 blocks) edited one field at a time.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BenchtopError } from '../../../../src/lib/core/errors.ts';
import {
	nestsModels,
	parseTeachableMetadata,
	readImageGraphModel
} from '../../../../src/lib/core/export/image-graph-model.ts';
import { filesFromMap } from '../../../../src/lib/core/export/tfjs-zip-import.ts';
import { teachableModel } from '../../../fixtures/teachable/teachable-model.ts';

let files: Map<string, Uint8Array>;
beforeAll(async () => {
	await tf.setBackend('cpu');
	const made = await teachableModel({ size: 32, blocks: 3, labels: ['a', 'b'] });
	made.model.dispose();
	files = made.files;
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const json = (name: string): Json => JSON.parse(new TextDecoder().decode(files.get(name)!));
const inner = (model: Json): Json[] =>
	model.modelTopology.config.layers[0].config.layers[0].config.layers as Json[];

function refusal(edit: (model: Json, metadata: Json) => void, weights?: Uint8Array): string {
	const model = json('model.json');
	const metadata = json('metadata.json');
	edit(model, metadata);
	const edited = new Map(files);
	edited.set('model.json', new TextEncoder().encode(JSON.stringify(model)));
	edited.set('metadata.json', new TextEncoder().encode(JSON.stringify(metadata)));
	if (weights) edited.set('weights.bin', weights);
	try {
		readImageGraphModel(filesFromMap(edited, 'tm'));
	} catch (error) {
		expect(error).toBeInstanceOf(BenchtopError);
		return (error as Error).message;
	}
	throw new Error('accepted');
}

describe('readImageGraphModel', () => {
	it('reads TM’s nesting: labels, image input, every weight, the topology canonical and still nested', () => {
		const model = readImageGraphModel(filesFromMap(files, 'tm'));
		expect(model.labels).toEqual(['a', 'b']);
		expect(model.inputShape).toEqual([32, 32, 3]);
		expect(model.imageInput).toEqual({ scale: 1 / 127.5, offset: -1 });
		const topology = model.artifact.modelTopology as Json;
		expect(topology.config.layers.map((l: Json) => l.class_name)).toEqual(['Sequential', 'Sequential']);
		const layers = topology.config.layers[0].config.layers[0].config.layers as Json[];
		// Only the fields TF.js needs: no initializers or regularizers from the file.
		expect(JSON.stringify(topology)).not.toMatch(/initializer|regularizer|constraint/);
		expect(layers.find((l) => l.name === 'Conv1_relu')!.config).toEqual({ name: 'Conv1_relu', max_value: 6 });
		expect(model.artifact.weightSpecs).toHaveLength(json('model.json').weightsManifest[0].weights.length);
		expect(nestsModels(json('model.json'))).toBe(true);
	});

	it('refuses a layer class outside the allow-list inside the nested model, naming it and its path', () => {
		expect(refusal((m) => (inner(m)[5]!.class_name = 'Lambda'))).toBe(
			'model.json: layer 1 (sequential_1): layer 1 (model1): layer 6 is a "Lambda" layer; an imported image model may hold only Sequential, Model, Functional, InputLayer, ZeroPadding2D, Conv2D, DepthwiseConv2D, BatchNormalization, ReLU, Add, GlobalAveragePooling2D, Dense, Dropout layers (Teachable Machine\'s MobileNet and head)'
		);
	});

	it('refuses config fields the runtime cannot honour, naming layer and field', () => {
		const find = (m: Json, name: string) => inner(m).find((l) => l.name === name)!;
		expect(refusal((m) => (find(m, 'Conv1_relu').config.max_value = 4))).toMatch(
			/layer 5 \(Conv1_relu\) config\.max_value is 4; the edge runtime caps ReLU at 6 \(ReLU6\) or not at all$/
		);
		expect(refusal((m) => (find(m, 'expanded_conv_depthwise').config.depth_multiplier = 2))).toMatch(
			/\(expanded_conv_depthwise\) config\.depth_multiplier is 2; the edge runtime's depthwise convolutions have 1$/
		);
		expect(refusal((m) => (find(m, 'block_2_add').inbound_nodes[0][1][0] = 'Conv_1'))).toMatch(
			/layer \d+ reads “Conv_1”, which no earlier layer of .*\(model1\) makes$/
		);
		expect(refusal((m) => (find(m, 'block_2_add').inbound_nodes[0][1][0] = 'block_2_expand_relu'))).toMatch(
			/layer \d+ \(Add\) adds \[\d+,\d+,\d+\] and \[\d+,\d+,48\]; it needs two inputs of one shape$/
		);
	});

	it('refuses weights that do not match the manifest, and metadata that does not match the model', () => {
		const weights = files.get('weights.bin')!;
		expect(refusal(() => {}, weights.subarray(0, weights.length - 4))).toMatch(
			/^weights\.bin holds [\d,]+ bytes; model\.json's weights manifest needs exactly [\d,]+ bytes/
		);
		expect(refusal((_, meta) => (meta.imageSize = 224))).toBe(
			'metadata.json says imageSize 224, but model.json takes 32×32 images'
		);
		expect(refusal((_, meta) => (meta.labels = ['a', 'a']))).toBe(
			'metadata.json: “labels” names a class twice'
		);
	});
});

describe('parseTeachableMetadata', () => {
	it('takes TM’s metadata.json and refuses another package’s', () => {
		expect(parseTeachableMetadata(json('metadata.json')).labels).toEqual(['a', 'b']);
		expect(() =>
			parseTeachableMetadata({ ...json('metadata.json'), packageName: '@teachablemachine/pose' })
		).toThrow(
			'metadata.json: “packageName” is not "@teachablemachine/image" (this reads TM image models only)'
		);
	});
});
