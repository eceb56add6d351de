// The optimizer state's files read back as untrusted input: a round trip gives the same state; a variable
// whose shape no weight has, a short or tampered optimizer.bin, and an odd optimizer name are refused.
import { describe, expect, it } from 'vitest';
import type { OptimizerState } from '../../../../../src/lib/core/models/artifact.ts';
import type { ArtifactSource } from '../../../../../src/lib/core/models/engine.ts';
import type { WeightSpec } from '../../../../../src/lib/core/models/model-artifact-check.ts';
import { parseJson } from '../../../../../src/lib/core/models/network/files.ts';
import {
	optimizerFiles,
	readOptimizerFiles
} from '../../../../../src/lib/core/models/network/optimizer-files.ts';

const weights: WeightSpec[] = [
	{ name: 'dense/kernel', shape: [2, 3], dtype: 'float32' },
	{ name: 'dense/bias', shape: [3], dtype: 'float32' }
];
const state: OptimizerState = {
	name: 'Adam',
	iterations: 7,
	variables: [
		{ name: 'dense/kernel/m', shape: [2, 3], values: Float32Array.from([1, 2, 3, 4, 5, 6]) },
		{ name: 'dense/bias/m', shape: [3], values: Float32Array.from([0.5, -0.5, 0.25]) }
	]
};

function source(files: Map<string, Uint8Array>): ArtifactSource {
	return {
		where: 'the model folder',
		record: {},
		has: (name) => files.has(name),
		read: (name, max) => files.get(name)!.subarray(0, max)
	};
}

async function saved(edit?: (files: Map<string, Uint8Array>) => void) {
	const files = new Map((await optimizerFiles(state)).map((f) => [f.name, f.bytes]));
	edit?.(files);
	return readOptimizerFiles(source(files), weights, parseJson);
}

describe('optimizer files', () => {
	it('give back the state they were written from, and nothing when absent', async () => {
		expect(await saved()).toEqual(state);
		expect(await saved((files) => files.delete('optimizer.json'))).toBeUndefined();
	});
	it('refuse a variable shaped like no weight, a short or changed optimizer.bin, and an odd name', async () => {
		const edited =
			(change: (manifest: Record<string, unknown>) => void) => (files: Map<string, Uint8Array>) => {
				const manifest = JSON.parse(new TextDecoder().decode(files.get('optimizer.json'))) as Record<
					string,
					unknown
				>;
				change(manifest);
				files.set('optimizer.json', new TextEncoder().encode(JSON.stringify(manifest)));
			};
		await expect(
			saved(edited((m) => ((m.variables as { shape: number[] }[])[1]!.shape = [4])))
		).rejects.toThrow('has shape [4], which none of the model');
		await expect(
			saved((files) => files.set('optimizer.bin', files.get('optimizer.bin')!.subarray(4)))
		).rejects.toThrow('optimizer.bin holds 32 bytes');
		await expect(
			saved((files) => {
				const bin = files.get('optimizer.bin')!.slice();
				new Float32Array(bin.buffer)[0] = 9;
				files.set('optimizer.bin', bin);
			})
		).rejects.toThrow('does not match the SHA-256');
		await expect(saved(edited((m) => (m.name = 'Adam<script>')))).rejects.toThrow('names no optimizer');
	});
});
