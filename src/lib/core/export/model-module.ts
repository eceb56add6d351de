// model.js and model.d.ts: the bundle's ES module (the runtime, the plan, and a loader for the weights
// from model.bin beside it, or inlined as base64 in the single-file variant) and its typings, which name
// every input column with its type and the exact shape of each prediction.
import type { ImageInput, RuntimePlan } from '../../runtime/plan.ts';
import { IMAGE_RUNTIME_SOURCE, RUNTIME_SOURCE } from '../../runtime/runtime-source.ts';

export const WEIGHTS_FILE = 'model.bin';

/** What `import { metadata } from './model.js'` gives: enough to build a form or check a request. */
export interface BundleMetadata {
	format: 'benchtop-bundle';
	version: 1;
	name: string;
	task: RuntimePlan['task'];
	model: { family: string; label: string };
	inputs: RuntimePlan['inputs'];
	targets: string[];
	classes: string[] | null;
	quantize: string;
	weightBytes: number;
	weightsSha256: string;
	generatedBy: string;
	/** An image model: each row is `{ image }`, prepared as this says (runtime/plan.ts, ImageInput). */
	image?: ImageInput;
}

/** Operations only the runtime with image graphs has (runtime/graph-ops.ts). */
const GRAPH_OPS: ReadonlySet<string> = new Set(['save', 'load', 'add', 'global-avg-pool', 'zero-pad']);

/** The runtime this plan needs: with image graphs only where it reads images or runs a graph's operations. */
export function runtimeSourceFor(plan: RuntimePlan): string {
	const graph =
		plan.image !== undefined ||
		(plan.model.kind === 'network' && plan.model.layers.some((op) => GRAPH_OPS.has(op.op)));
	return graph ? IMAGE_RUNTIME_SOURCE : RUNTIME_SOURCE;
}

function base64(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

/** JSON that is also safe inside a JS source file (no U+2028/2029 line breaks, no `</script`). */
const js = (value: unknown) =>
	JSON.stringify(value)
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029')
		.replace(/</g, '\\u003c');

export function modelModule(
	plan: RuntimePlan,
	metadata: BundleMetadata,
	weights: Uint8Array,
	singleFile: boolean
): string {
	const load = singleFile
		? `async function readWeights() {\n\treturn BenchtopRuntime.fromBase64(${js(base64(weights))});\n}`
		: `async function readWeights() {
	const url = new URL('./${WEIGHTS_FILE}', import.meta.url);
	if (url.protocol === 'file:') {
		// Node and Deno read the file beside this module; fetch() of file: URLs is not everywhere.
		const { readFile } = await import('node:fs/promises');
		return new Uint8Array(await readFile(url));
	}
	const response = await fetch(url);
	if (!response.ok) throw new Error(\`${WEIGHTS_FILE}: HTTP \${response.status}\`);
	return new Uint8Array(await response.arrayBuffer());
}`;
	return `// ${metadata.name}: a Benchtop model bundle (${metadata.generatedBy}). No dependencies: runs in browsers,
// Web Workers, Node 20+, Deno and edge runtimes. \`await predict(rows)\` takes plain objects with the original
// column names and raw values; see README.md and model.d.ts.
${runtimeSourceFor(plan)}
const plan = ${js(plan)};
export const metadata = ${js(metadata)};

${load}

async function checkedWeights() {
	const bytes = await readWeights();
	if (bytes.byteLength !== metadata.weightBytes)
		throw new Error(\`${WEIGHTS_FILE} is \${bytes.byteLength} bytes; this model needs \${metadata.weightBytes}: the file is damaged or from another model\`);
	const subtle = globalThis.crypto && globalThis.crypto.subtle;
	if (subtle) {
		const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
		const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
		if (hex !== metadata.weightsSha256) throw new Error('${WEIGHTS_FILE} does not match this model (SHA-256 differs): the file is damaged or from another model');
	}
	return bytes;
}

let ready = null;
/** The model, its weights read and checked once; \`(await load()).predict(rows)\` then runs synchronously. */
export function load() {
	if (!ready) {
		ready = checkedWeights().then((bytes) => BenchtopRuntime.createModel(plan, bytes));
		ready.catch(() => (ready = null)); // a failed read is tried again on the next call
	}
	return ready;
}

/** One answer per row, in order: see model.d.ts for their shapes. */
export async function predict(rows) {
	return (await load()).predict(rows);
}
`;
}

const TS_TYPES: Record<string, string> = {
	integer: 'number | string',
	number: 'number | string',
	boolean: 'boolean | string',
	date: 'Date | number | string',
	category: 'string | number | boolean',
	text: 'string'
};

const union = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(' | ') || 'string';

/** An image model's row: a decoded picture (as a canvas gives it) or its prepared numbers. */
const imageRow = (image: ImageInput) => `\t/**
\t * A picture: an ImageData-like { width, height, data } (RGBA bytes, \`data\` may be a plain array of 0-255),
\t * cropped to its centre square, resized to ${image.height}×${image.width} and scaled v × ${image.scale.toPrecision(6)} + ${image.offset};
\t * or ${image.height * image.width * image.channels} numbers already prepared (channels last).
\t */
\timage: { width: number; height: number; data: Uint8ClampedArray | Uint8Array | number[] } | Float32Array | number[];`;

export function modelTypings(plan: RuntimePlan, metadata: BundleMetadata): string {
	const fields = plan.image
		? imageRow(plan.image)
		: plan.inputs
				.filter((c) => !plan.targets.includes(c.name))
				.map(
					(c) =>
						`\t/** ${c.type}${c.required ? '' : ' (may be left out: the recipe fills or drops it)'} */\n\t${JSON.stringify(c.name)}${c.required ? '' : '?'}: ${TS_TYPES[c.type]} | null;`
				)
				.join('\n');
	const answer =
		plan.task === 'classification'
			? `{ label: ClassLabel; probabilities: Record<ClassLabel, number> }`
			: plan.task === 'clustering'
				? `{ cluster: number; distance: number }`
				: `{ ${plan.targets.map((t) => `${JSON.stringify(t)}: number`).join('; ')} }`;
	return `// Typings for model.js (${metadata.name}).
/** One row as the model takes it: the original columns, raw values (text is read as the studio reads files). */
export interface InputRow {
${fields}
	[column: string]: unknown;
}
${plan.task === 'classification' ? `export type ClassLabel = ${union(plan.classes ?? [])};\n` : ''}/** A row that cannot be predicted: “<column>: <why>”. */
export interface RowError {
	error: string;
}
export type Prediction = ${answer};
export declare const metadata: {
	format: 'benchtop-bundle';
	version: 1;
	name: string;
	task: ${JSON.stringify(plan.task)};
	inputs: { name: string; type: 'integer' | 'number' | 'boolean' | 'date' | 'category' | 'text'; required: boolean }[];
	targets: string[];
	classes: string[] | null;
	quantize: 'none' | 'float16' | 'int8';
	weightBytes: number;
	weightsSha256: string;
	generatedBy: string;
	model: { family: string; label: string };
	image?: { height: number; width: number; channels: number; scale: number; offset: number };
};
export declare function predict(rows: InputRow[]): Promise<(Prediction | RowError)[]>;
export declare function load(): Promise<{ predict(rows: InputRow[]): (Prediction | RowError)[] }>;
`;
}
