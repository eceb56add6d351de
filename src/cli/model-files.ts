// Writes a trained model to a folder as the studio exports it: TF.js Layers files (model.json and
// weights.bin, loadable by tf.loadLayersModel) and benchtop.json, which says how to prepare rows for it
// (input columns, fitted recipe, classes) and how it was trained (the run record).
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ColumnSchema } from '../lib/core/table/column-types.ts';
import type { TrainingOutcome } from '../lib/core/train/run-training.ts';

export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';
export const BENCHTOP_FILE = 'benchtop.json';

/**
 * benchtop.json's shape (read back through core/models/benchtop-model-schema.ts); `version` changes when a
 * reader would misread a newer file. `weightsSha256` lets every reader check weights.bin is the one written.
 */
export function benchtopModelJson(
	outcome: TrainingOutcome,
	inputSchema: readonly ColumnSchema[],
	weightsSha256?: string
) {
	const { fitted, spec, task, targets, classes, features, ...run } = outcome.run;
	return {
		format: 'benchtop-model',
		version: 1,
		task,
		targets,
		classes: classes ?? null,
		features,
		inputSchema: inputSchema.map(({ name, type }) => ({ name, type })),
		spec,
		recipe: fitted,
		...(outcome.artifact.kind === 'kmeans' ? { centroids: outcome.artifact.centroids } : {}),
		...(weightsSha256 ? { weightsSha256 } : {}),
		run
	};
}

/** Writes the files into `folder` (created if needed); returns the paths written. */
export async function writeModelFiles(
	folder: string,
	outcome: TrainingOutcome,
	inputSchema: readonly ColumnSchema[],
	generatedBy: string
): Promise<string[]> {
	mkdirSync(folder, { recursive: true });
	const written: string[] = [];
	const write = (name: string, data: string | Uint8Array) => {
		const path = join(folder, name);
		writeFileSync(path, data);
		written.push(path);
	};
	const { artifact } = outcome;
	let weightsSha256: string | undefined;
	if (artifact.kind === 'layers') {
		// The layout tf.io's own file and HTTP handlers read: one weights group, paths relative to model.json.
		const modelJson = {
			modelTopology: artifact.modelTopology,
			format: 'layers-model',
			generatedBy,
			convertedBy: null,
			weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifact.weightSpecs }]
		};
		write(MODEL_FILE, JSON.stringify(modelJson));
		const weights = new Uint8Array(await artifact.weightData.arrayBuffer());
		write(WEIGHTS_FILE, weights);
		weightsSha256 = createHash('sha256').update(weights).digest('hex');
	}
	write(
		BENCHTOP_FILE,
		`${JSON.stringify(benchtopModelJson(outcome, inputSchema, weightsSha256), null, 2)}\n`
	);
	return written;
}
