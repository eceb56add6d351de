// A network's optimizer state as two files beside model.json, so `benchtop train --init` goes on from a
// saved model as the studio goes on from a version: optimizer.json (the optimizer's kind, its step count,
// each variable's name and shape, the SHA-256 of the values) and optimizer.bin (the values, float32 little
// endian, in that order). Read back as untrusted input: every shape must be one of the weights' shapes
// (Adam's moments, momentum's velocity and RMSprop's mean square each mirror one weight), the bytes are
// exactly what the shapes need, hashed and finite. tf.loadLayersModel ignores both files.
import { BenchtopError } from '../../errors.ts';
import type { OptimizerState } from '../artifact.ts';
import type { ArtifactSource } from '../engine.ts';
import { sha256Hex, type WeightSpec } from '../model-artifact-check.ts';

export const OPTIMIZER_JSON = 'optimizer.json';
export const OPTIMIZER_BIN = 'optimizer.bin';
const FORMAT = 'benchtop-optimizer-state';
const MAX_JSON_BYTES = 4 * 1024 * 1024;
/** No optimizer TF.js offers keeps more than three variables per weight (Adadelta's two, Adam's two). */
const MAX_VARIABLES_PER_WEIGHT = 3;

interface OptimizerManifest {
	format: typeof FORMAT;
	version: 1;
	name: string;
	iterations: number;
	variables: { name: string; shape: number[] }[];
	sha256: string;
}

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

export async function optimizerFiles(state: OptimizerState): Promise<{ name: string; bytes: Uint8Array }[]> {
	const values = new Float32Array(state.variables.reduce((sum, v) => sum + v.values.length, 0));
	let at = 0;
	for (const variable of state.variables) {
		values.set(variable.values, at);
		at += variable.values.length;
	}
	const bytes = new Uint8Array(values.buffer);
	const manifest: OptimizerManifest = {
		format: FORMAT,
		version: 1,
		name: state.name,
		iterations: state.iterations,
		variables: state.variables.map((v) => ({ name: v.name, shape: [...v.shape] })),
		sha256: await sha256Hex(bytes)
	};
	return [
		{ name: OPTIMIZER_JSON, bytes: new TextEncoder().encode(JSON.stringify(manifest)) },
		{ name: OPTIMIZER_BIN, bytes }
	];
}

function refuse(why: string): never {
	throw new BenchtopError('bad-input', `${OPTIMIZER_JSON} ${why}`);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function checkManifest(value: unknown, weights: readonly WeightSpec[]): OptimizerManifest {
	if (!isRecord(value) || value.format !== FORMAT || value.version !== 1)
		refuse(`is not Benchtop's optimizer state (format ${FORMAT}, version 1)`);
	const { name, iterations, variables, sha256 } = value;
	if (typeof name !== 'string' || !/^[A-Za-z]{1,40}$/.test(name))
		refuse('names no optimizer (a class name such as Adam)');
	if (!Number.isSafeInteger(iterations) || (iterations as number) < 0)
		refuse('has a step count that is not a whole number of at least 0');
	if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))
		refuse('has no SHA-256 of its values (64 lower-case hex digits)');
	if (!Array.isArray(variables) || variables.length > weights.length * MAX_VARIABLES_PER_WEIGHT)
		refuse(`lists more variables than ${MAX_VARIABLES_PER_WEIGHT} per weight of the model`);
	const shapes = new Set(weights.map((w) => w.shape.join('×')));
	const checked = variables.map((variable: unknown, i) => {
		if (!isRecord(variable) || typeof variable.name !== 'string' || variable.name.length > 512)
			refuse(`variable ${i + 1} has no name`);
		const shape = variable.shape;
		if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0))
			refuse(`variable ${i + 1} (${variable.name}) has no shape of whole numbers`);
		if (!shapes.has(shape.join('×')))
			refuse(
				`variable ${i + 1} (${variable.name}) has shape [${shape.join(', ')}], which none of the model's weights has`
			);
		return { name: variable.name, shape: shape as number[] };
	});
	return { format: FORMAT, version: 1, name, iterations: iterations as number, variables: checked, sha256 };
}

/** The optimizer state saved beside the weights, or undefined when the model has none (older files). */
export async function readOptimizerFiles(
	source: ArtifactSource,
	weights: readonly WeightSpec[],
	parseJson: (bytes: Uint8Array, name: string) => unknown
): Promise<OptimizerState | undefined> {
	if (!source.has(OPTIMIZER_JSON)) return undefined;
	const manifest = checkManifest(
		parseJson(source.read(OPTIMIZER_JSON, MAX_JSON_BYTES, `an ${OPTIMIZER_JSON} may hold`), OPTIMIZER_JSON),
		weights
	);
	const need = manifest.variables.reduce((sum, v) => sum + size(v.shape), 0) * 4;
	if (!source.has(OPTIMIZER_BIN))
		throw new BenchtopError(
			'bad-input',
			`${source.where} lacks ${OPTIMIZER_BIN}, which ${OPTIMIZER_JSON} describes`
		);
	const bytes = source.read(
		OPTIMIZER_BIN,
		need,
		`${OPTIMIZER_JSON}'s variables need ${need.toLocaleString('en')} bytes, so ${OPTIMIZER_BIN} may hold`
	);
	if (bytes.byteLength !== need)
		throw new BenchtopError(
			'bad-input',
			`${OPTIMIZER_BIN} holds ${bytes.byteLength.toLocaleString('en')} bytes; ${OPTIMIZER_JSON}'s variables need ${need.toLocaleString('en')}`
		);
	if ((await sha256Hex(bytes)) !== manifest.sha256)
		throw new BenchtopError(
			'bad-input',
			`${OPTIMIZER_BIN} does not match the SHA-256 ${OPTIMIZER_JSON} records`
		);
	// A copy into a fresh array: a Node Buffer's slice() is a view into a shared pool, not a copy.
	const values = new Float32Array(new Uint8Array(bytes).buffer);
	if (!values.every(Number.isFinite))
		throw new BenchtopError('bad-input', `${OPTIMIZER_BIN} holds a value that is not a finite number`);
	let at = 0;
	return {
		name: manifest.name,
		iterations: manifest.iterations,
		variables: manifest.variables.map((v) => {
			const n = size(v.shape);
			const slice = values.slice(at, at + n);
			at += n;
			return { name: v.name, shape: v.shape, values: slice };
		})
	};
}
