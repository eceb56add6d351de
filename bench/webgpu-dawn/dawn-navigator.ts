// Gives Node a browser's `navigator.gpu` from Dawn (the WebGPU implementation inside Chrome), built as the
// `webgpu` npm package's dawn.node: TF.js's WebGPU backend registers itself at import only where
// navigator.gpu exists, so this module must be imported before it. DAWN_NODE names the dawn.node file.
import { createRequire } from 'node:module';

interface DawnModule {
	create(flags: string[]): GPU;
	globals: Record<string, unknown>;
}

const path = process.env.DAWN_NODE;
if (!path)
	throw new Error('DAWN_NODE must name a dawn.node file (the webgpu npm package has one per platform)');
const dawn = createRequire(import.meta.url)(path) as DawnModule;
// The GPU* constants (GPUBufferUsage, GPUMapMode, …) that TF.js reads as globals in a browser.
Object.assign(globalThis, dawn.globals);
// Node 20 has no navigator; Node 21+ has one without gpu.
const navigator = ((globalThis as { navigator?: object }).navigator ??= {}) as { gpu?: GPU };
navigator.gpu = dawn.create((process.env.DAWN_FLAGS ?? '').split(/\s+/).filter(Boolean));
