// `benchtop predict <bundle-dir> <file>`: a folder `benchtop export --bundle` wrote, predicted with the
// same columns as a model folder gives. The bundle's code is never run: model.js is parsed for its plan
// (core/export/read-bundle.ts), model.bin is checked against the recorded size and hash, and Benchtop's
// own copy of the runtime predicts.
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { importTable } from '../lib/core/data/import/index.ts';
import { BenchtopError } from '../lib/core/errors.ts';
import { checkBundleWeights, parseBundleModule } from '../lib/core/export/read-bundle.ts';
import { WEIGHTS_FILE, type BundleMetadata } from '../lib/core/export/model-module.ts';
import { BENCHTOP_MODEL_FILE } from '../lib/core/models/benchtop-model-schema.ts';
import type { ModelBundle } from '../lib/core/predict/model-bundle.ts';
import type { PredictedRows } from '../lib/core/predict/predict-rows.ts';
import { predictionsCsv } from '../lib/core/predict/predictions-csv.ts';
import { createModel, type ImageInput, type RuntimeModel } from '../lib/runtime/image-index.ts';
import { refuseImageInput } from './read-model.ts';

/** The most model.js or model.bin may hold before they are read (a bundle of a large CNN is a few MB). */
const MAX_BUNDLE_FILE_BYTES = 512 * 1024 * 1024;
const BUNDLE_MARKS = ['model.js', WEIGHTS_FILE, 'handler.js', 'serve.js'];

/** A folder without benchtop.json that holds a bundle's files: predicted through the runtime. */
export function isBundleFolder(path: string): boolean {
	if (!existsSync(path) || !statSync(path).isDirectory()) return false;
	if (existsSync(join(path, BENCHTOP_MODEL_FILE))) return false;
	return BUNDLE_MARKS.some((name) => existsSync(join(path, name)));
}

function readCapped(folder: string, name: string): Uint8Array {
	const path = join(folder, name);
	if (!existsSync(path) || !statSync(path).isFile())
		throw new BenchtopError(
			'bad-input',
			`${folder} is a bundle folder without ${name}: export it again with benchtop export --bundle`
		);
	if (lstatSync(path).isSymbolicLink())
		throw new BenchtopError(
			'bad-input',
			`${name} in ${folder} is a symbolic link; a bundle's files must be plain files`
		);
	const size = statSync(path).size;
	if (size > MAX_BUNDLE_FILE_BYTES)
		throw new BenchtopError(
			'bad-input',
			`${name} is ${size.toLocaleString('en')} bytes; a bundle file may hold at most ${MAX_BUNDLE_FILE_BYTES.toLocaleString('en')}`
		);
	return readFileSync(path);
}

export async function openBundle(
	folder: string
): Promise<{ metadata: BundleMetadata; model: RuntimeModel; image?: ImageInput }> {
	const parsed = parseBundleModule(new TextDecoder().decode(readCapped(folder, 'model.js')));
	const weights = parsed.inlineWeights ?? readCapped(folder, WEIGHTS_FILE);
	try {
		await checkBundleWeights(parsed, weights);
		return {
			metadata: parsed.metadata,
			model: createModel(parsed.plan, weights),
			...(parsed.plan.image ? { image: parsed.plan.image } : {})
		};
	} catch (error) {
		if (error instanceof BenchtopError) throw new BenchtopError(error.code, `${folder}: ${error.message}`);
		throw new BenchtopError('bad-input', `${folder}: the bundle cannot run: ${(error as Error).message}`);
	}
}

/** The file's predictions as the CSV `benchtop predict` writes for a model folder. */
export async function predictWithBundle(
	folder: string,
	file: { name: string; bytes: Uint8Array }
): Promise<{ csv: string; rows: number; errors: number; problems: string[] }> {
	const { metadata, model, image } = await openBundle(folder);
	// Image bundles take decoded pixels; a table file has none (see refuseImageInput).
	if (image) refuseImageInput([image.height, image.width, image.channels], folder);
	const input = await importTable(file.bytes, { fileName: file.name });
	const rows = input.table.objects() as Record<string, unknown>[];
	const { outputs, errors } = model.predictRaw(rows);
	const n = rows.length;
	const k = metadata.classes?.length ?? 0;
	const predicted = { rows: n, errors, errorCount: errors.filter((e) => e !== null).length } as PredictedRows;
	if (metadata.task === 'classification') {
		predicted.proba = new Float32Array(n * k).fill(NaN);
		outputs.forEach((o, i) => o && predicted.proba!.set(o, i * k));
		predicted.labels = outputs.map((o) => (o ? metadata.classes![o.indexOf(Math.max(...o))]! : null));
	} else if (metadata.task === 'clustering') {
		predicted.clusters = Int32Array.from(outputs, (o) => (o ? o[0]! : -1));
	} else {
		predicted.values = metadata.targets.map((_, j) => Float64Array.from(outputs, (o) => (o ? o[j]! : NaN)));
	}
	const bundle = {
		task: metadata.task,
		targets: metadata.targets,
		classes: metadata.classes ?? undefined
	} as ModelBundle;
	const problems =
		predicted.errorCount > 0
			? [`${predicted.errorCount} of ${n} rows could not be predicted: the error column says why.`]
			: [];
	return { csv: predictionsCsv(bundle, predicted), rows: n, errors: predicted.errorCount, problems };
}
