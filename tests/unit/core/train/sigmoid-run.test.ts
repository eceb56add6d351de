// A two-class run on binary cross-entropy, end to end: penguins' sex from their measurements, trained on one
// sigmoid output and kept as the studio's two-class softmax model, whose predictions give both classes.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTraining } from '../../../../src/lib/core/train/run-training.ts';
import { readFileSync } from 'node:fs';
import { parseDelimitedText } from '../../../../src/lib/core/data/parse-delimited-text.ts';

/** Penguins with a sex recorded as male or female (one row has "." and ten none): two classes. */
function penguinsBySex() {
	const text = readFileSync(new URL('../../../../sample-datasets/penguins.csv', import.meta.url), 'utf8');
	return parseDelimitedText(
		text
			.split('\n')
			.filter((line, i) => i === 0 || /,(MALE|FEMALE)\r?$/.test(line))
			.join('\n')
	);
}

const CONTEXT = {
	dataset: { id: 'd', hash: 'h', name: 'penguins' },
	backend: { name: 'cpu', reason: 'test' },
	versions: { tfjs: tf.version.tfjs }
};

beforeAll(async () => {
	await tf.setBackend('cpu');
});

describe('binary cross-entropy through runTraining', () => {
	it('penguins’ sex: trained on a sigmoid, kept as a two-class softmax, ≥ 0.8 test accuracy', async () => {
		const outcome = await runTraining(
			penguinsBySex(),
			{
				targets: ['Sex'],
				family: 'mlp',
				settings: { loss: 'binary-cross-entropy', optimizer: 'adamw', epochs: 60 }
			},
			CONTEXT
		);
		const run = outcome.run;
		console.log(`penguins Sex, BCE: ${JSON.stringify(run.metrics.test)} (${run.backend.engine?.name})`);
		expect(run.classes).toHaveLength(2);
		expect(run.settings.loss).toBe('binary-cross-entropy');
		expect(run.metrics.test!.accuracy).toBeGreaterThanOrEqual(0.8);
		// The epochs' accuracy is the sigmoid's, read at ½.
		expect(run.history.at(-1)!.metric).toBeGreaterThan(0.7);
		const model = outcome.model!;
		expect(model.outputs[0]!.shape).toEqual([null, 2]);
		const artifact = outcome.artifact!;
		if (artifact.kind !== 'layers') throw new Error(`a ${artifact.kind} artifact, not layers`);
		const topology = JSON.stringify(artifact.modelTopology);
		expect(topology).toContain('"activation":"softmax"');
		expect(topology).not.toContain('"activation":"sigmoid"');
		const x = tf.randomNormal([4, model.inputs[0]!.shape[1] as number], 0, 1, 'float32', 1);
		const p = await (model.predict(x) as tf.Tensor).data();
		for (let i = 0; i < 4; i++) expect(p[2 * i]! + p[2 * i + 1]!).toBeCloseTo(1, 5);
		// The optimizer state goes with the folded weights, in their shapes (so the version can train on).
		const state = artifact.optimizer!;
		expect(state.name).toBe('AdamW');
		const shapes = (artifact.weightSpecs as { shape: number[] }[]).map((w) => w.shape);
		expect(state.variables.map((v) => v.shape)).toEqual([...shapes, ...shapes]);
		x.dispose();
		model.dispose();
	}, 120_000);
});
