// The tuning pool's size: min(cores − 1, 4) workers on the CPU and WASM backends, one on a GPU backend (the
// page sizes it on the backend the first worker resolved "auto" to).
import { describe, expect, it } from 'vitest';
import { tuneWorkerCount } from '../../../src/lib/worker-client/tune-client.ts';

describe('tuneWorkerCount', () => {
	it('gives min(cores − 1, 4) on CPU and WASM, at least one', () => {
		expect(tuneWorkerCount('wasm', 16)).toBe(4);
		expect(tuneWorkerCount('cpu', 4)).toBe(3);
		expect(tuneWorkerCount('wasm', 2)).toBe(1);
		expect(tuneWorkerCount('wasm', 1)).toBe(1);
	});

	it('gives one worker on a GPU backend, however many cores', () => {
		expect(tuneWorkerCount('webgl', 16)).toBe(1);
		expect(tuneWorkerCount('webgpu', 16)).toBe(1);
	});
});
