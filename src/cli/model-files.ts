// Writes a trained model to a folder as the studio exports it: TF.js Layers files (model.json and
// weights.bin, loadable by tf.loadLayersModel) and benchtop.json, which says how to prepare rows for it
// (input columns, fitted recipe, classes) and how it was trained (the run record).
// What files a model has is its family engine's answer (engine.serialize); this module only writes them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchtopModelJson } from '../lib/core/export/benchtop-json.ts';
import { engineFor } from '../lib/core/models/families.ts';
import type { ColumnSchema } from '../lib/core/table/column-types.ts';
import type { TrainingOutcome } from '../lib/core/train/run-training.ts';

export { MODEL_FILE, WEIGHTS_FILE } from '../lib/core/models/network/files.ts';
export const BENCHTOP_FILE = 'benchtop.json';
export { benchtopModelJson } from '../lib/core/export/benchtop-json.ts';

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
	const saved = await engineFor(outcome.run.spec).serialize(outcome.artifact, { generatedBy });
	for (const file of saved.files) write(file.name, file.bytes);
	write(
		BENCHTOP_FILE,
		`${JSON.stringify(benchtopModelJson(outcome.run, inputSchema, saved.record), null, 2)}\n`
	);
	return written;
}
