// Teachable Machine image models, end to end in core: the fixture (TM's exact nesting, made with TF.js
// layers here) is read through the import checks, saved as a run, exported as an edge bundle, and the
// bundle's probabilities (model.js and handler.js in plain Node, no node_modules) equal TF.js's on the
// same prepared tensor. A fast variant (64 × 64 images, every MobileNetV2 block) and the real 224 × 224.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { filesFromMap, imageModelRun } from '../../../src/lib/core/export/tfjs-zip-import.ts';
import { readImageGraphModel } from '../../../src/lib/core/export/image-graph-model.ts';
import { bundleFromRun } from '../../../src/lib/core/predict/model-bundle.ts';
import { imagePixels } from '../../../src/lib/runtime/image.ts';
import { teachableModel } from '../../fixtures/teachable/teachable-model.ts';
import { bundleFolder, nodeJson } from './bundle-fixtures.ts';

/** A seeded RGBA picture, wider than tall (so the centre crop matters). */
function picture(width: number, height: number, seed: number) {
	const data = new Uint8ClampedArray(width * height * 4);
	let s = seed;
	for (let i = 0; i < data.length; i++) {
		s = (s * 1103515245 + 12345) >>> 0;
		data[i] = i % 4 === 3 ? 255 : (s >>> 16) & 255;
	}
	return { width, height, data };
}

const SCRIPT = `
import { readFileSync } from 'node:fs';
import { predict, metadata } from './model.js';
import handler from './handler.js';
const rows = JSON.parse(readFileSync('./rows.json', 'utf8'));
const direct = await predict(rows);
const response = await handler.fetch(new Request('http://x/predict', { method: 'POST', body: JSON.stringify(rows) }));
console.log(JSON.stringify({ direct, viaHandler: await response.json(), classes: metadata.classes, paths: process.env.NODE_PATH ?? null }));
`;

async function parity(size: number, pictures: { width: number; height: number; data: Uint8ClampedArray }[]) {
	const { model, files } = await teachableModel({ size, labels: ['Cat', 'Dog', 'Neither'], seed: 11 });
	const read = readImageGraphModel(filesFromMap(files, 'tm-model'));
	expect(read.inputShape).toEqual([size, size, 3]);
	expect(read.labels).toEqual(['Cat', 'Dog', 'Neither']);
	expect(read.layerCount).toBe(4 + 155 + 2); // 2 Sequentials, the Model, GAP; MobileNetV2 to out_relu (155, its InputLayer too); the head
	// The canonical topology still loads in TF.js and gives the same outputs as the model it came from.
	const weightData = await read.artifact.weightData.arrayBuffer();
	const canonical = await tf.loadLayersModel(
		tf.io.fromMemory({
			modelTopology: read.artifact.modelTopology as tf.io.ModelArtifacts['modelTopology'],
			weightSpecs: read.artifact.weightSpecs as tf.io.WeightsManifestEntry[],
			weightData
		})
	);
	const prepared = pictures.map((p) =>
		imagePixels({ image: p }, { height: size, width: size, channels: 3, ...read.imageInput })
	);
	for (const x of prepared) expect(typeof x).not.toBe('string');
	const input = tf.tensor4d(Float32Array.from(prepared.flatMap((x) => [...(x as Float64Array)])), [
		pictures.length,
		size,
		size,
		3
	]);
	const expected = (model.predict(input) as tf.Tensor).arraySync() as number[][];
	const fromCanonical = (canonical.predict(input) as tf.Tensor).arraySync() as number[][];
	expect(fromCanonical).toEqual(expected);
	const folder = await bundleFolder(bundleFromRun(imageModelRun(read, 'TM'), read.artifact));
	const text = (name: string) => readFileSync(join(folder, name), 'utf8');
	expect(text('model.d.ts')).toMatch(/\timage: \{ width: number; height: number; data: Uint8ClampedArray/);
	expect(text('README.md')).toContain('## Input: one picture per row');
	expect(text('model.js')).toContain(`"image":{"height":${size},"width":${size},"channels":3`);
	expect(text('benchtop-model.js')).toContain("control.type = 'file'");
	const rows = [
		...pictures.map((p) => ({ image: { width: p.width, height: p.height, data: [...p.data] } })),
		{ image: [...(prepared[0] as Float64Array)] },
		{ image: { width: 2, height: 2, data: [1, 2, 3] } },
		{ photo: 'cat.png' }
	];
	writeFileSync(join(folder, 'rows.json'), JSON.stringify(rows));
	const result = nodeJson(folder, SCRIPT) as {
		direct: { label?: string; probabilities?: Record<string, number>; error?: string }[];
		viaHandler: { predictions: unknown[] };
		classes: string[];
		paths: string | null;
	};
	expect(result.paths).toBeNull();
	expect(result.viaHandler.predictions).toEqual(result.direct);
	let worst = 0;
	const answers = [...expected, expected[0]!];
	answers.forEach((p, i) => {
		const got = result.direct[i]!;
		const best = p.indexOf(Math.max(...p));
		expect(got.label).toBe(result.classes[best]);
		result.classes.forEach(
			(label, j) => (worst = Math.max(worst, Math.abs(got.probabilities![label]! - p[j]!)))
		);
	});
	expect(worst).toBeLessThan(1e-5);
	expect(result.direct.at(-2)!.error).toMatch(/^image: not an image/);
	expect(result.direct.at(-1)!.error).toBe('image: missing');
	input.dispose();
	model.dispose();
	canonical.dispose();
	return worst;
}

describe('Teachable Machine image models through the edge bundle', () => {
	beforeAll(async () => {
		await tf.setBackend('cpu');
	});

	it('64 × 64 variant: bundle probabilities equal TF.js within 1e-5', { timeout: 120_000 }, async () => {
		const worst = await parity(64, [picture(80, 60, 1), picture(50, 70, 2), picture(64, 64, 3)]);
		console.log(`64×64: largest |Δp| ${worst.toExponential(2)}`);
	});

	it(
		"224 × 224 (Teachable Machine's size): bundle probabilities equal TF.js within 1e-5",
		{ timeout: 300_000 },
		async () => {
			const worst = await parity(224, [picture(320, 240, 4)]);
			console.log(`224×224: largest |Δp| ${worst.toExponential(2)}`);
		}
	);
});
