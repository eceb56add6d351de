// `benchtop export` on a Teachable Machine export (model.json, weights.bin, metadata.json as a folder or a
// .zip): the bundle is written with the image runtime and predicts an image row; `benchtop predict`
// reads tables, so it refuses an image model or its bundle in one line saying where images are predicted.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { teachableModel } from '../../fixtures/teachable/teachable-model.ts';
import { nodeJson } from '../export/bundle-fixtures.ts';
import { cli, workFolder } from './model-fixtures.ts';

let folder: string;
let tm: string;
let zip: string;
beforeAll(async () => {
	await tf.setBackend('cpu');
	folder = workFolder('teachable');
	tm = join(folder, 'tm');
	mkdirSync(tm);
	const { files, model } = await teachableModel({
		size: 32,
		blocks: 3,
		labels: ['Rock', 'Paper', 'Scissors']
	});
	model.dispose();
	for (const [name, bytes] of files) writeFileSync(join(tm, name), bytes);
	zip = join(folder, 'tm-model.zip');
	writeFileSync(zip, zipSync(Object.fromEntries([...files].map(([n, b]) => [`my-model/${n}`, b]))));
}, 60_000);

describe('benchtop with Teachable Machine image models', () => {
	it(
		'exports a TM folder and a TM .zip as a bundle that predicts an image row',
		{ timeout: 60_000 },
		async () => {
			for (const model of [tm, zip]) {
				const bundle = join(folder, `bundle-${model === tm ? 'folder' : 'zip'}`);
				const { code, out, err } = await cli(['export', model, '--bundle', bundle]);
				expect(err).toEqual([]);
				expect(code).toBe(0);
				expect(out[0]).toMatch(/^wrote .*: 10 files/);
				expect(readFileSync(join(bundle, 'model.js'), 'utf8')).toContain('global-avg-pool');
				const result = nodeJson(
					bundle,
					`import { predict } from './model.js';
const data = new Uint8ClampedArray(40 * 30 * 4).map((_, i) => (i * 37) % 256);
console.log(JSON.stringify(await predict([{ image: { width: 40, height: 30, data } }, { image: 'x.png' }])));`
				) as { label?: string; probabilities?: Record<string, number>; error?: string }[];
				expect(['Rock', 'Paper', 'Scissors']).toContain(result[0]!.label);
				const sum = Object.values(result[0]!.probabilities!).reduce((a, b) => a + b, 0);
				expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
				expect(result[1]!.error).toMatch(/^image: not an image/);
			}
		}
	);

	it(
		'writes a TM model as Benchtop’s TF.js zip (--zip) that exports again to a bundle predicting the same',
		{ timeout: 60_000 },
		async () => {
			const own = join(folder, 'own-tfjs.zip');
			const first = await cli(['export', tm, '--zip', own, '--bundle', join(folder, 'bundle-first')]);
			expect(first.err).toEqual([]);
			expect(first.out[0]).toMatch(/^wrote .*own-tfjs\.zip \(TF\.js Layers model \+ benchtop\.json/);
			const again = await cli(['export', own, '--bundle', join(folder, 'bundle-again')]);
			expect(again.err).toEqual([]);
			expect(again.code).toBe(0);
			const script = `import { predict } from './model.js';
const data = new Uint8ClampedArray(50 * 20 * 4).map((_, i) => (i * 53) % 256);
console.log(JSON.stringify(await predict([{ image: { width: 50, height: 20, data } }])));`;
			const before = nodeJson(join(folder, 'bundle-first'), script) as { label: string }[];
			const after = nodeJson(join(folder, 'bundle-again'), script) as { label: string }[];
			expect(['Rock', 'Paper', 'Scissors']).toContain(before[0]!.label);
			expect(after).toEqual(before);
		}
	);

	it('benchtop predict refuses an image model and its bundle in one line', async () => {
		const csv = join(folder, 'rows.csv');
		writeFileSync(csv, 'a,b\n1,2\n');
		for (const model of [tm, join(folder, 'bundle-folder')]) {
			const { code, err } = await cli(['predict', model, csv]);
			expect(code).not.toBe(0);
			expect(err).toHaveLength(1);
			expect(err[0]).toMatch(
				/^benchtop: .* is an image model \(one 32×32×3 image per row\), and benchtop reads tables: predict images in the studio/
			);
		}
	});

	it('refuses a TM folder whose metadata.json names fewer classes than the model has', async () => {
		const bad = join(folder, 'bad');
		mkdirSync(bad);
		for (const name of ['model.json', 'weights.bin'])
			writeFileSync(join(bad, name), readFileSync(join(tm, name)));
		const metadata = JSON.parse(readFileSync(join(tm, 'metadata.json'), 'utf8'));
		writeFileSync(join(bad, 'metadata.json'), JSON.stringify({ ...metadata, labels: ['Rock', 'Paper'] }));
		const { code, err } = await cli(['export', bad, '--bundle', join(folder, 'never')]);
		expect(code).not.toBe(0);
		expect(err).toEqual([`benchtop: metadata.json names 2 classes, but model.json gives [3] outputs`]);
	});
});
