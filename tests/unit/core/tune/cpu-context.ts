// What the tune tests' searches run with: TF.js's plain CPU backend (the engine whose results the tests
// compare exactly) and a training context naming it.
import * as tf from '@tensorflow/tfjs';
import { beforeAll } from 'vitest';

/** Switches the file's tests to the CPU backend before they run; returns the context their runs record. */
export function useCpuBackend(datasetName: string) {
	beforeAll(async () => {
		await tf.setBackend('cpu');
	});
	return {
		dataset: { id: 'd', hash: 'h', name: datasetName },
		backend: { name: 'cpu', reason: 'test' },
		versions: { tfjs: tf.version.tfjs }
	};
}
