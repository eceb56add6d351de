// An exported bundle read back without running its code: model.js is only parsed for the plan and
// metadata lines the writer puts there (and the inlined weights of a single-file bundle), the weights are
// checked against the recorded size and SHA-256, and every tensor the plan refers to must lie inside them.
// `benchtop predict <bundle-dir>` then runs the plan with Benchtop's own copy of the runtime, so a bundle
// folder from elsewhere never executes code on the machine.
import { requireJsonDepth } from '../data/import/json-depth.ts';
import { BenchtopError } from '../errors.ts';
import { sha256Hex } from '../models/model-artifact-check.ts';
import type { RuntimePlan, TensorRef } from '../../runtime/plan.ts';
import { fromBase64 } from '../../runtime/predict.ts';
import { WEIGHTS_FILE, type BundleMetadata } from './model-module.ts';

export interface ParsedBundleModule {
	plan: RuntimePlan;
	metadata: BundleMetadata;
	/** The single-file variant's weights; null when they are in model.bin. */
	inlineWeights: Uint8Array | null;
}

function jsonLine(text: string, prefix: string, what: string): unknown {
	const line = text.split('\n').find((l) => l.startsWith(prefix) && l.endsWith(';'));
	if (line === undefined)
		throw new BenchtopError(
			'bad-input',
			`model.js has no ${what}: it is not a bundle Benchtop exported, or it was edited`
		);
	const json = line.slice(prefix.length, -1);
	requireJsonDepth(json, `model.js's ${what}`);
	try {
		return JSON.parse(json);
	} catch {
		throw new BenchtopError('bad-input', `model.js's ${what} is not valid JSON: the file is damaged`);
	}
}

export function parseBundleModule(text: string): ParsedBundleModule {
	const plan = jsonLine(text, 'const plan = ', 'model plan') as RuntimePlan;
	const metadata = jsonLine(text, 'export const metadata = ', 'metadata') as BundleMetadata;
	if (plan?.format !== 'benchtop-runtime' || plan.version !== 1 || metadata?.format !== 'benchtop-bundle')
		throw new BenchtopError(
			'bad-input',
			'model.js is not a Benchtop bundle of a version this Benchtop reads'
		);
	const inline = /^\treturn BenchtopRuntime\.fromBase64\("([A-Za-z0-9+/=]*)"\);$/m.exec(text);
	return { plan, metadata, inlineWeights: inline ? fromBase64(inline[1]!) : null };
}

function tensors(value: unknown, out: TensorRef[] = []): TensorRef[] {
	if (Array.isArray(value)) for (const item of value) tensors(item, out);
	else if (value && typeof value === 'object') {
		const ref = value as Partial<TensorRef>;
		if (typeof ref.offset === 'number' && Array.isArray(ref.shape) && typeof ref.dtype === 'string')
			out.push(ref as TensorRef);
		else for (const item of Object.values(value)) tensors(item, out);
	}
	return out;
}

const BYTES: Record<string, number> = { float32: 4, float16: 2, int8: 1 };

/** The weights are the ones the bundle was written with, and every tensor lies inside them. */
export async function checkBundleWeights(parsed: ParsedBundleModule, weights: Uint8Array): Promise<void> {
	const { metadata, plan } = parsed;
	if (weights.byteLength !== metadata.weightBytes || weights.byteLength !== plan.weightBytes)
		throw new BenchtopError(
			'bad-input',
			`${WEIGHTS_FILE} is ${weights.byteLength.toLocaleString('en')} bytes; this model needs ${metadata.weightBytes.toLocaleString('en')}: the file is damaged or from another model`
		);
	if ((await sha256Hex(weights)) !== metadata.weightsSha256)
		throw new BenchtopError(
			'bad-input',
			`${WEIGHTS_FILE} does not match this model (its SHA-256 differs): the file is damaged or from another model`
		);
	for (const ref of tensors(plan.model)) {
		const count = ref.shape.reduce((a, b) => (Number.isInteger(b) && b > 0 ? a * b : NaN), 1);
		const end = ref.offset + count * (BYTES[ref.dtype] ?? NaN);
		if (!Number.isInteger(ref.offset) || ref.offset < 0 || !(end <= weights.byteLength))
			throw new BenchtopError(
				'bad-input',
				`model.js refers to weights outside ${WEIGHTS_FILE} (a ${ref.dtype} tensor of shape ${JSON.stringify(ref.shape)})`
			);
		if (ref.dtype === 'int8' && (!Array.isArray(ref.scales) || ref.scales.length !== ref.shape.at(-1)))
			throw new BenchtopError('bad-input', 'model.js has an int8 tensor without one scale per channel');
	}
}
