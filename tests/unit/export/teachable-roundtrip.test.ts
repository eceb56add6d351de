// Round trip of an imported Teachable Machine model through Benchtop's own TF.js zip: the zip the Export
// page and `benchtop export --zip` write (model.json + weights + benchtop.json) must import again as the
// same image model and predict the same probabilities.
import * as tf from '@tensorflow/tfjs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runtimePlan } from '../../../src/lib/core/export/runtime-plan.ts';
import { tfjsModelZip } from '../../../src/lib/core/export/tfjs-zip-export.ts';
import {
	filesFromMap,
	imageModelRun,
	readImportedModel,
	readModelZip
} from '../../../src/lib/core/export/tfjs-zip-import.ts';
import { bundleFromRun } from '../../../src/lib/core/predict/model-bundle.ts';
import type { ModelArtifact, RunRecord } from '../../../src/lib/core/train/run-record.ts';
import { createModel } from '../../../src/lib/runtime/image-index.ts';
import { teachableModel } from '../../fixtures/teachable/teachable-model.ts';

function picture(width: number, height: number, seed: number) {
	const data = new Uint8ClampedArray(width * height * 4);
	let s = seed;
	for (let i = 0; i < data.length; i++) {
		s = (s * 1103515245 + 12345) >>> 0;
		data[i] = i % 4 === 3 ? 255 : (s >>> 16) & 255;
	}
	return { width, height, data };
}

async function predictions(run: RunRecord, artifact: ModelArtifact, rows: { image: unknown }[]) {
	const { plan, weights } = await runtimePlan(bundleFromRun(run, artifact), 'none');
	return createModel(plan, weights).predict(rows);
}

describe('Teachable Machine model through Benchtop’s TF.js zip', () => {
	it('imports again from its own zip as the same image model and predicts the same', async () => {
		await tf.setBackend('cpu');
		const { model, files } = await teachableModel({ size: 64, labels: ['Cat', 'Dog', 'Neither'], seed: 3 });
		model.dispose();
		const first = await readImportedModel(filesFromMap(files, 'tm-model'));
		if (first.kind !== 'image') throw new Error(`read as ${first.kind}`);
		const run = imageModelRun(first.model, 'Pets');
		const zip = await tfjsModelZip(run, first.model.artifact, { generatedBy: 'Benchtop test' });

		const again = await readModelZip(zip, 'pets-tfjs.zip');
		if (again.kind !== 'benchtop') throw new Error(`read as ${again.kind}`);
		expect(again.run.spec).toEqual(run.spec);
		expect(again.run.classes).toEqual(['Cat', 'Dog', 'Neither']);
		const rows = [{ image: picture(80, 60, 1) }, { image: picture(50, 90, 2) }];
		const before = await predictions(run, first.model.artifact, rows);
		const after = await predictions(again.run, again.artifact, rows);
		expect((before[0] as { label?: string }).label).toMatch(/^(Cat|Dog|Neither)$/);
		expect(after).toEqual(before);
	}, 120_000);

	it('refuses its zip when the weights were changed, or benchtop.json’s classes do not fit the model', async () => {
		const { model, files } = await teachableModel({ size: 32, blocks: 3, labels: ['A', 'B'], seed: 4 });
		model.dispose();
		const first = await readImportedModel(filesFromMap(files, 'tm-model'));
		if (first.kind !== 'image') throw new Error(`read as ${first.kind}`);
		const run = imageModelRun(first.model, 'Letters');
		const entries = unzipSync(await tfjsModelZip(run, first.model.artifact, { generatedBy: 'test' }));
		const weightsName = Object.keys(entries).find((n) => n.endsWith('.bin'))!;
		const changed = {
			...entries,
			[weightsName]: entries[weightsName]!.map((b, i) => (i === 100 ? b ^ 1 : b))
		};
		await expect(readModelZip(zipSync(changed), 'changed.zip')).rejects.toThrow(
			/^the weight data has SHA-256 .*but benchtop\.json records weightsSha256/
		);
		const record = JSON.parse(strFromU8(entries['benchtop.json']!));
		const threeClasses = {
			...entries,
			'benchtop.json': strToU8(JSON.stringify({ ...record, classes: ['A', 'B', 'C'] }))
		};
		await expect(readModelZip(zipSync(threeClasses), 'three.zip')).rejects.toThrow(
			'benchtop.json names 3 classes, but model.json gives [2] outputs'
		);
		// Only an image model may read no columns: a table model's empty inputSchema is still refused.
		const table = { ...record, spec: { family: 'mlp', task: 'classification', layers: [] } };
		await expect(
			readModelZip(zipSync({ ...entries, 'benchtop.json': strToU8(JSON.stringify(table)) }), 'table.zip')
		).rejects.toThrow('benchtop.json: “inputSchema” is empty; a model reads at least one column');
	}, 60_000);
});
