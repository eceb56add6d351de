// A second TF.js backend in Node for the chooser's tests: TF.js's CPU kernels under the name 'webgl' (whose
// own WebGL backend cannot run here), each slowed by a set delay when asked, so that a test can make one
// backend's TF.js the slower. Tensors made on it are its own: using one on 'cpu' makes TF.js move its data.
import * as tf from '@tensorflow/tfjs';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';

let kernelDelayMs = 0;

function spin(ms: number): void {
	const until = performance.now() + ms;
	while (performance.now() < until);
}

/** Every kernel on the fake 'webgl' waits this long first (0: none). */
export function setKernelDelay(ms: number): void {
	kernelDelayMs = ms;
}

let registered = false;

export function registerCpuAsWebgl(): void {
	if (registered) return;
	registered = true;
	if (tf.findBackendFactory('webgl')) tf.removeBackend('webgl');
	for (const kernel of tf.getKernelsForBackend('webgl')) tf.unregisterKernel(kernel.kernelName, 'webgl');
	tf.registerBackend('webgl', () => new MathBackendCPU());
	for (const kernel of tf.getKernelsForBackend('cpu')) {
		tf.registerKernel({
			...kernel,
			backendName: 'webgl',
			kernelFunc: (args) => {
				spin(kernelDelayMs);
				return kernel.kernelFunc(args);
			}
		});
	}
}
