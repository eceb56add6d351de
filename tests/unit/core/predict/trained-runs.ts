// Test helper: small seeded runs on the CPU backend (iris classifier, diabetes regressor, iris k-means),
// trained once per test file and kept as a run record with its artifact.
import * as tf from '@tensorflow/tfjs';
import type { ModelArtifact, RunRecord } from '../../../../src/lib/core/train/run-record.ts';
import { runTraining, type TrainingRequest } from '../../../../src/lib/core/train/run-training.ts';
import { loadSample } from '../data/profile/load-sample.ts';

export interface TrainedRun {
	run: RunRecord;
	artifact: ModelArtifact;
}

export async function trainRun(file: string, request: TrainingRequest): Promise<TrainedRun> {
	await tf.setBackend('cpu');
	const outcome = await runTraining(loadSample(file), request, {
		dataset: { id: 'd', hash: 'h', name: file },
		backend: { name: 'cpu', reason: 'test' },
		versions: { tfjs: tf.version.tfjs }
	});
	outcome.model?.dispose();
	return { run: { ...outcome.run, id: `run-${file}`, artifactId: 'a' }, artifact: outcome.artifact };
}

export const irisClassifier = () =>
	trainRun('iris.csv', { targets: ['species'], settings: { epochs: 10, seed: 5 } });
