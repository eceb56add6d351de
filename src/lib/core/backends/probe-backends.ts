// Finds out which TF.js backends really work here, by switching to each and running a tiny op, and
// picks the one to train on. Takes the `tf` namespace as an argument so it runs in workers and in Node.
import { BACKENDS, type BackendName } from './backend-names.ts';

export interface TinyOpResult {
	ok: boolean;
	result?: number[];
	ms?: number;
	error?: string;
}

export interface BackendReport {
	name: BackendName;
	available: boolean;
	/** A software (emulated) adapter: correct but slow, never chosen automatically. */
	software?: boolean;
	/** Why not, in words a person can act on. */
	reason?: string;
	adapter?: string;
	tinyOp?: TinyOpResult;
	/** Known from its adapter only: a software adapter not started yet (ProbeOptions.deferSoftware). */
	untested?: boolean;
}

export interface ProbeOptions {
	/**
	 * Report a software GPU adapter from its adapter alone, without starting the backend on it: starting
	 * SwiftShader's WebGPU and WebGL costs seconds, and the automatic choice never picks one. Whoever then
	 * asks for one by name probes it fully first (the train worker's useBackend).
	 */
	deferSoftware?: boolean;
}

/** The slice of TF.js the probe uses; `typeof import('@tensorflow/tfjs')` satisfies it. */
export interface TfLike {
	setBackend(name: string): Promise<boolean>;
	ready(): Promise<void>;
	getBackend(): string;
	findBackendFactory?(name: string): unknown;
	engine(): { registryFactory: Record<string, unknown> };
	tidy<T>(fn: () => T): T;
	tensor(values: number[], shape: number[]): { matMul(b: unknown): TensorLike };
}

interface TensorLike {
	data(): Promise<ArrayLike<number>>;
	dispose(): void;
}

interface Precondition {
	available: boolean;
	software?: boolean;
	adapter?: string;
	reason?: string;
}

const SOFTWARE_ADAPTER = /swiftshader|llvmpipe|software|microsoft basic render/i;

async function webgpuPrecondition(): Promise<Precondition> {
	const gpu = (globalThis.navigator as { gpu?: GPU } | undefined)?.gpu;
	if (!gpu) {
		return {
			available: false,
			reason:
				'WebGPU is not available in this browser: use Chrome or Edge 113+ (or Safari 26+), or train on WebGL or WASM.'
		};
	}
	const adapter = await gpu.requestAdapter().catch(() => null);
	if (!adapter) {
		return {
			available: false,
			reason: 'This browser has WebGPU but found no usable GPU adapter (it may be blocked).'
		};
	}
	// `adapter.info` arrived in Chrome 127; before that there is no name to read, only the fallback flag.
	const info = (adapter.info ?? {}) as Partial<GPUAdapterInfo> & { isFallbackAdapter?: boolean };
	const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ');
	const software =
		info.isFallbackAdapter === true ||
		(adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter === true ||
		SOFTWARE_ADAPTER.test(name);
	return { available: true, software, adapter: name || undefined };
}

function webglRendererName(context: WebGLRenderingContext | WebGL2RenderingContext): string | undefined {
	const debug = context.getExtension('WEBGL_debug_renderer_info');
	const name = context.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : context.RENDERER) as unknown;
	return typeof name === 'string' && name ? name : undefined;
}

function webglPrecondition(): Precondition {
	const unavailable = { available: false, reason: 'WebGL is turned off or unsupported in this browser.' };
	if (typeof OffscreenCanvas === 'undefined') {
		return { available: false, reason: 'WebGL needs OffscreenCanvas, which this environment lacks.' };
	}
	try {
		const canvas = new OffscreenCanvas(1, 1);
		const context = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
		if (!context) return unavailable;
		const adapter = webglRendererName(context);
		// A software rasteriser (SwiftShader, llvmpipe) runs WebGL on the CPU, slower than WASM.
		return { available: true, adapter, software: adapter ? SOFTWARE_ADAPTER.test(adapter) : false };
	} catch {
		return unavailable;
	}
}

async function precondition(name: BackendName): Promise<Precondition> {
	switch (name) {
		case 'webgpu':
			return webgpuPrecondition();
		case 'webgl':
			return webglPrecondition();
		case 'wasm':
			return typeof WebAssembly === 'object'
				? { available: true }
				: { available: false, reason: 'WebAssembly is not available here.' };
		case 'cpu':
			return { available: true };
	}
}

const TINY_OP_ANSWER = [1, 2, 3, 4];

/** [[1,2],[3,4]] × identity: small enough for any backend, and its answer is known. */
export async function runTinyOp(tf: TfLike): Promise<TinyOpResult> {
	const start = performance.now();
	const product = tf.tidy(() => tf.tensor([1, 2, 3, 4], [2, 2]).matMul(tf.tensor([1, 0, 0, 1], [2, 2])));
	try {
		// Read asynchronously: dataSync() can kill a WebGPU device in headless Chromium.
		const values = Array.from(await product.data());
		const ms = performance.now() - start;
		// A broken driver can run without an error and still compute nonsense: that backend does not work.
		if (values.some((value, i) => value !== TINY_OP_ANSWER[i]) || values.length !== TINY_OP_ANSWER.length) {
			return { ok: false, result: values, ms, error: `wrong answer: [${values.join(', ')}]` };
		}
		return { ok: true, result: values, ms };
	} finally {
		product.dispose();
	}
}

function isRegistered(tf: TfLike, name: BackendName): boolean {
	return tf.findBackendFactory ? tf.findBackendFactory(name) != null : name in tf.engine().registryFactory;
}

export async function probeBackend(
	tf: TfLike,
	name: BackendName,
	options: ProbeOptions = {}
): Promise<BackendReport> {
	try {
		// The environment first: "this browser has no WebGPU" helps a person more than "not loaded".
		const pre = await precondition(name);
		if (!pre.available) return { name, ...pre };
		if (!isRegistered(tf, name)) {
			return { name, available: false, reason: `The ${name} backend is not loaded in this build.` };
		}
		if (options.deferSoftware && pre.software) return { name, ...pre, untested: true };
		if (!(await tf.setBackend(name))) {
			return { name, available: false, reason: `The ${name} backend failed to start.` };
		}
		await tf.ready();
		const tinyOp = await runTinyOp(tf);
		if (!tinyOp.ok) {
			return {
				name,
				...pre,
				available: false,
				reason: `The ${name} backend starts but computes wrong results (${tinyOp.error}); pick another.`,
				tinyOp
			};
		}
		return { name, ...pre, tinyOp };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return {
			name,
			available: false,
			reason: `The ${name} backend failed: ${message}`,
			tinyOp: { ok: false, error: message }
		};
	}
}

/** Probes every backend in order, then leaves TF.js on the one `chooseBackend` picks. */
export async function probeBackends(tf: TfLike, options: ProbeOptions = {}): Promise<BackendReport[]> {
	const reports: BackendReport[] = [];
	for (const name of BACKENDS) reports.push(await probeBackend(tf, name, options));
	const chosen = chooseBackend(reports);
	if (chosen && tf.getBackend() !== chosen) await tf.setBackend(chosen);
	return reports;
}

/**
 * The requested backend when it works; otherwise the fastest that works. A software GPU adapter
 * (WebGPU or WebGL emulated on the CPU) is slower than WASM, so it is only used when asked for by name.
 */
export function chooseBackend(reports: BackendReport[], requested?: BackendName): BackendName | undefined {
	const works = (r: BackendReport) => r.available && r.tinyOp?.ok !== false;
	if (requested) {
		const report = reports.find((r) => r.name === requested);
		if (report && works(report)) return requested;
	}
	return reports.find((r) => works(r) && !r.software)?.name ?? reports.find(works)?.name;
}
