// Opening a checked share link into the workspace: the data set version (the sample imported, the inline
// rows imported with the sender's column types, or the person's own file, which must have the columns the
// link names), the experiment draft, and — with weights — the run and its model, stored as they were.
// Nothing is written before the link was validated whole (decodeShareLink), and a file that does not
// match is removed again, so a refusal leaves the workspace as it was.
import { BenchtopError } from '$lib/core/errors.ts';
import { findSample } from '$lib/core/data/sample-manifest.ts';
import type { DatasetRecord } from '$lib/core/registry/index.ts';
import {
	artifactFromShare,
	draftFromShare,
	inlineColumnTypes,
	inlineColumnsToCsv,
	runFromShare,
	type SharePayload
} from '$lib/core/share/index.ts';
import { saveExperimentDraft } from './experiment-draft.ts';
import type { Studio } from './studio.svelte.ts';

export interface OpenedShare {
	dataset: DatasetRecord;
	/** False when the data set's bytes differ from the sender's (another copy of the file, say). */
	sameData: boolean;
	/** The stored run, when the link carried weights. */
	runId?: string;
}

function columnsMatch(record: DatasetRecord, payload: SharePayload): string | undefined {
	if (payload.data.kind !== 'file') return undefined;
	const missing = payload.data.columns.filter(
		(want) => !record.schema.some((have) => have.name === want.name)
	);
	if (missing.length === 0) return undefined;
	return `This file lacks ${missing.length === 1 ? 'the column' : 'the columns'} ${missing
		.slice(0, 4)
		.map((c) => `“${c.name}”`)
		.join(
			', '
		)}${missing.length > 4 ? ` and ${missing.length - 4} more` : ''} the link expects. Nothing was kept; choose the file the link was made with.`;
}

async function importData(
	studio: Studio,
	payload: SharePayload,
	file?: File
): Promise<DatasetRecord | undefined> {
	const data = payload.data;
	if (data.kind === 'sample') {
		const sample = findSample(data.sampleId);
		if (!sample)
			throw new BenchtopError('bad-input', `This Benchtop does not ship the sample “${data.sampleId}”.`);
		return studio.openSample(sample);
	}
	if (data.kind === 'inline')
		return studio.importData(
			{ kind: 'paste', text: inlineColumnsToCsv(data.columns) },
			{ format: 'csv', delimiter: ',', typeOverrides: inlineColumnTypes(data.columns) }
		);
	if (!file) throw new BenchtopError('bad-input', `Choose your copy of “${data.name}” first.`);
	return studio.importData({ kind: 'file', file });
}

export async function openSharedExperiment(
	studio: Studio,
	payload: SharePayload,
	file?: File
): Promise<OpenedShare> {
	await studio.init();
	const registry = studio.registry;
	if (!registry) throw new BenchtopError('storage-unavailable', 'Storage is still opening; try again.');
	const before = new Set((await registry.listDatasets()).map((d) => d.id));
	const dataset = await importData(studio, payload, file);
	if (!dataset) throw studio.error ?? new BenchtopError('internal', 'The data could not be imported.');
	const mismatch = columnsMatch(dataset, payload);
	if (mismatch) {
		// Only a version this call made is removed; one that was already there stays.
		if (!before.has(dataset.id)) await studio.deleteDataset(dataset.id);
		throw new BenchtopError('bad-input', mismatch);
	}
	await saveExperimentDraft(studio, dataset.id, draftFromShare(payload));
	const run = runFromShare(payload, dataset);
	const artifact = artifactFromShare(payload);
	const saved = run ? await registry.saveRun(run, artifact ?? null) : undefined;
	return { dataset, sameData: dataset.hash === payload.data.hash, ...(saved ? { runId: saved.id } : {}) };
}
