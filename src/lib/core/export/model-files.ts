// A Benchtop model read from its files (benchtop.json, and the files its family's engine wrote beside
// it), wherever they are: a folder or a .zip on disk (the CLI), a .zip dropped on the studio. Nothing is
// trusted: benchtop.json goes through its schema, and the engine checks its own files (a network's
// model.json, manifest and weight bytes) before any tensor is made.
import { BenchtopError } from '../errors.ts';
import {
	BENCHTOP_MODEL_FILE,
	parseBenchtopModel,
	type BenchtopModelRecord
} from '../models/benchtop-model-schema.ts';
import { engineFor } from '../models/families.ts';
import type { ModelArtifact } from '../models/artifact.ts';
import { checkWeightHash } from '../models/model-artifact-check.ts';
import { MAX_JSON_BYTES, parseJson } from '../models/network/files.ts';
import type { TrainingProfile } from '../drift/training-profile.ts';
import type { ModelBundle } from '../predict/model-bundle.ts';
import { readImageGraphModel } from './image-graph-model.ts';

/** A model's files by name, each read only up to `maxBytes` (what `needs` says it should be). */
export interface ModelFiles {
	/** Where the files are, for messages. */
	where: string;
	has(name: string): boolean;
	read(name: string, maxBytes: number, needs: string): Uint8Array;
}

export interface ReadBenchtopModel {
	bundle: ModelBundle;
	/** benchtop.json's run record (without the parts in the bundle), as written. */
	run: Record<string, unknown>;
	/** The training profile drift reports compare with (core/drift), when the model recorded one. */
	trainingProfile?: TrainingProfile;
}

/**
 * Where a model's files sit in an archive: at its top, or in one folder inside it (as zipping a folder
 * makes it). `file` is the file that marks a model (benchtop.json, or model.json for a plain TF.js model);
 * returns the folder prefix ('' or 'name/'), or undefined when no entry is that file.
 */
export function modelPrefix(names: readonly string[], file: string): string | undefined {
	const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const pattern = new RegExp(`^([^/]+/)?${escaped}$`);
	const found = names.filter((name) => pattern.test(name)).sort((a, b) => a.length - b.length)[0];
	return found === undefined ? undefined : found.slice(0, found.length - file.length);
}

export function readBenchtopRecord(files: ModelFiles): BenchtopModelRecord {
	if (!files.has(BENCHTOP_MODEL_FILE))
		throw new BenchtopError(
			'bad-input',
			`${files.where} has no ${BENCHTOP_MODEL_FILE}: give the folder benchtop train --out wrote, or a .zip of it`
		);
	const bytes = files.read(BENCHTOP_MODEL_FILE, MAX_JSON_BYTES, `a ${BENCHTOP_MODEL_FILE} may hold`);
	return parseBenchtopModel(parseJson(bytes, BENCHTOP_MODEL_FILE));
}

/** benchtop.json and the family's artifact, every part checked; no tensor is made here. */
export async function readBenchtopModel(files: ModelFiles): Promise<ReadBenchtopModel> {
	const record = readBenchtopRecord(files);
	const { centroids, weightsSha256, run, trainingProfile, ...bundleBase } = record;
	// The family's engine reads its own artifact: k-means' centroids from benchtop.json, a network's
	// model.json and weights.bin (network/files.ts, which checks everything before a tensor is made).
	const artifact: ModelArtifact = imageInputOf(record)
		? await readImageArtifact(files, record)
		: await engineFor(record.spec).deserialize(
				{
					where: files.where,
					record: { ...(centroids ? { centroids } : {}), ...(weightsSha256 ? { weightsSha256 } : {}) },
					has: (name) => files.has(name),
					read: (name, maxBytes, needs) => files.read(name, maxBytes, needs)
				},
				bundleBase
			);
	return { bundle: { ...bundleBase, artifact }, run, ...(trainingProfile ? { trainingProfile } : {}) };
}

const imageInputOf = (record: BenchtopModelRecord) =>
	'imageInput' in record.spec && record.spec.imageInput ? record.spec : undefined;

/**
 * An image model's network (an imported Teachable Machine model, saved again as Benchtop's TF.js zip): its
 * nested MobileNet is beyond what a CNN spec's layers say, so it is checked as Teachable Machine's were on
 * import (layer allow-list, shapes, parameter caps, weight bytes), with the picture size and the classes
 * benchtop.json records standing in for metadata.json; then the weights' SHA-256, when recorded.
 */
async function readImageArtifact(files: ModelFiles, record: BenchtopModelRecord): Promise<ModelArtifact> {
	const [height, width] = imageInputOf(record)?.inputShape ?? [];
	if (height === undefined || height !== width)
		throw new BenchtopError(
			'bad-input',
			`${BENCHTOP_MODEL_FILE}: “spec.inputShape” is ${JSON.stringify(record.spec.family === 'kmeans' ? undefined : record.spec.inputShape) ?? 'missing'}; an image model takes square pictures [size, size, 3]`
		);
	const model = readImageGraphModel(files, {
		imageSize: height,
		labels: record.classes ?? [],
		from: BENCHTOP_MODEL_FILE
	});
	await checkWeightHash(
		new Uint8Array(await model.artifact.weightData.arrayBuffer()),
		record.weightsSha256,
		'the weight data'
	);
	return model.artifact;
}
