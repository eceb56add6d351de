// A trained model as a TF.js zip: model.json + weights.bin (TF.js Layers format, which
// tf.loadLayersModel reads) and benchtop.json (recipe, labels, input schema, metrics, lineage), the same
// files `benchtop train --out` writes, so the CLI, the studio and `benchtop predict` read each other's.
import { zipSync } from 'fflate';
import { engineFor } from '../models/families.ts';
import { BENCHTOP_MODEL_FILE } from '../models/benchtop-model-schema.ts';
import type { ModelArtifact, RunRecord } from '../train/run-record.ts';
import { benchtopModelJson } from './benchtop-json.ts';

export interface TfjsZipOptions {
	/** model.json's generatedBy, e.g. "Benchtop 0.1.0". */
	generatedBy: string;
	/** Fields older readers skip: a model version's name, number, stage and where it came from. */
	lineage?: Record<string, unknown>;
}

export interface NamedFile {
	name: string;
	bytes: Uint8Array;
}

/** The model's files, in the order they are zipped: the family engine's, then benchtop.json. */
export async function tfjsModelFiles(
	run: RunRecord,
	artifact: ModelArtifact,
	options: TfjsZipOptions
): Promise<NamedFile[]> {
	const saved = await engineFor(run.spec).serialize(artifact as never, {
		generatedBy: options.generatedBy
	});
	const record = benchtopModelJson(
		run,
		run.fitted.inputSchema,
		saved.record,
		options.lineage ? { lineage: options.lineage } : {}
	);
	return [
		...saved.files,
		{ name: BENCHTOP_MODEL_FILE, bytes: new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`) }
	];
}

/** The zip's bytes; weights are stored (they barely compress), JSON is deflated. */
export async function tfjsModelZip(
	run: RunRecord,
	artifact: ModelArtifact,
	options: TfjsZipOptions
): Promise<Uint8Array> {
	const files = await tfjsModelFiles(run, artifact, options);
	return zipSync(
		Object.fromEntries(
			files.map((file) => [file.name, [file.bytes, { level: file.name.endsWith('.json') ? 6 : 0 }]])
		),
		{ mtime: new Date(run.createdAt) }
	);
}

/** A file name for the zip from the run's name: letters, digits, dots and dashes only. */
export function tfjsZipName(name: string): string {
	const slug = name
		.toLowerCase()
		.replace(/[^a-z0-9.]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return `${slug || 'model'}-tfjs.zip`;
}
