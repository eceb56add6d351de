// TF.js with every backend Benchtop uses, set up once per worker: WebGPU registered, and the WASM
// backend pointed at the .wasm files that ship with the site (Vite emits them as assets), never a CDN.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { TfLike } from '$lib/core/backends/probe-backends.ts';

setWasmPaths({
	'tfjs-backend-wasm.wasm': wasmPlain,
	'tfjs-backend-wasm-simd.wasm': wasmSimd,
	'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd
});
// On a cross-origin isolated page TF.js WASM would start its own pthread workers from a blob: URL, and in
// the production bundle those die at once ("ReferenceError: e is not defined" in the emscripten worker
// code), taking the train worker down. The studio's threads are the dense engine's (dense-thread-pool.ts),
// so TF.js WASM keeps its one-thread SIMD build, as on a page without isolation.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

export { tf };
export const tfLike = tf as unknown as TfLike;
