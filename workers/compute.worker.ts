// The compute worker: TF.js and its backends are wired here, once. Thin: it only wires core to comlink.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { expose } from 'comlink';
import type { BackendName } from '$lib/core/backends/backend-names.ts';
import { probeBackend, probeBackends, type TfLike } from '$lib/core/backends/probe-backends.ts';
import { installErrorTransfer } from '$lib/worker-client/error-transfer.ts';

installErrorTransfer();
// The .wasm files ship with the site (Vite emits them as assets): never fetched from a CDN.
setWasmPaths({
	'tfjs-backend-wasm.wasm': wasmPlain,
	'tfjs-backend-wasm-simd.wasm': wasmSimd,
	'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd
});

const tfLike = tf as unknown as TfLike;

const api = {
	probeBackends: () => probeBackends(tfLike),
	probeBackend: (name: BackendName) => probeBackend(tfLike, name)
};

export type ComputeWorkerApi = typeof api;

expose(api);
