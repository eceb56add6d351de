// The TF.js backend the CLI trains on in Node: WebAssembly where it can (about twice the plain CPU
// backend's speed on the sample tables, same figures to float rounding), the CPU backend otherwise.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { RunBackend } from '../lib/core/train/run-record.ts';

let wasmPathsSet = false;

/** The folder holding the .wasm binaries, beside the package's Node entry point. */
function wasmFolder(): string | null {
	try {
		const entry = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm');
		const folder = dirname(entry);
		return existsSync(join(folder, 'tfjs-backend-wasm.wasm')) ? `${folder}/` : null;
	} catch {
		return null;
	}
}

async function useCpu(reason: string): Promise<RunBackend> {
	await tf.setBackend('cpu');
	return { name: 'cpu', reason };
}

/**
 * Switches TF.js to the backend for a network run and says why. `convolution` runs stay on the CPU: the
 * WebAssembly backend has no kernels for training convolutions.
 */
export async function useNodeBackend(convolution: boolean): Promise<RunBackend> {
	// TF.js's "install tfjs-node" banner and kernel notices would land between the CLI's own lines.
	tf.env().set('PROD', true);
	if (convolution) return useCpu('CNN: the WebAssembly backend cannot train convolutions');
	const folder = wasmFolder();
	if (!folder) return useCpu('the WebAssembly binaries were not found');
	try {
		// Only before the backend first starts: setting the paths again afterwards has no effect.
		if (!wasmPathsSet) setWasmPaths(folder);
		wasmPathsSet = true;
		if (await tf.setBackend('wasm'))
			return { name: 'wasm', reason: 'WebAssembly: the fastest backend in Node' };
		return useCpu('the WebAssembly backend did not start');
	} catch (error) {
		return useCpu(`the WebAssembly backend did not start (${(error as Error).message})`);
	}
}
