// The links the share dialog offers for one run: without weights always, with weights when the run kept
// them, and with the data inline when the version is small and not a shipped sample.
import { BenchtopError } from '$lib/core/errors.ts';
import type { DatasetRecord } from '$lib/core/registry/index.ts';
import type { RunRecord } from '$lib/core/train/run-record.ts';
import {
	SHARE_LIMITS,
	encodeShareFragment,
	sharePayloadFromRun,
	type InlineColumn,
	type InlineValue,
	type ShareableArtifact,
	type SharePayload
} from '$lib/core/share/index.ts';
import { isNumericType } from '$lib/core/table/column-kinds.ts';
import { dataRefOf } from './data-ref.ts';
import type { Studio } from './studio.svelte.ts';

export interface ShareChoices {
	dataset: DatasetRecord;
	/** Set when the data can travel inside the link. */
	inline?: InlineColumn[];
	artifact?: ShareableArtifact;
	/** Why the weights cannot travel (none kept, or not readable). */
	weightsMissing?: string;
}

/** Whether a version is small enough to carry inside a link. */
export function fitsInline(dataset: DatasetRecord): boolean {
	return (
		dataset.source.kind !== 'sample' &&
		dataset.rows > 0 &&
		dataset.rows <= SHARE_LIMITS.inlineRows &&
		dataset.rows * dataset.columns <= SHARE_LIMITS.inlineCells
	);
}

function cellValue(value: unknown, numeric: boolean, type: string): InlineValue {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
	if (numeric) return typeof value === 'number' && Number.isFinite(value) ? value : Number(value) || null;
	if (type === 'boolean') return typeof value === 'boolean' ? value : null;
	return String(value);
}

async function inlineColumns(studio: Studio, dataset: DatasetRecord): Promise<InlineColumn[]> {
	const registry = studio.registry!;
	const data = await dataRefOf(registry, dataset.id);
	const columns = dataset.schema.map((c) => c.name);
	const indices = Uint32Array.from({ length: dataset.rows }, (_, i) => i);
	const rows = await studio.data.run((api) => api.rows({ data, indices, columns }));
	return dataset.schema.map((column, c) => {
		const numeric = isNumericType(column.type);
		return {
			name: column.name,
			type: column.type,
			values: rows.map((row) => cellValue(row[c], numeric, column.type))
		};
	});
}

/** Reads what the dialog needs: the version, its rows when small, and the weights when kept. */
export async function loadShareChoices(studio: Studio, run: RunRecord): Promise<ShareChoices> {
	await studio.init();
	const registry = studio.registry;
	if (!registry) throw new BenchtopError('storage-unavailable', 'Storage is still opening; try again.');
	const dataset = await registry.getDataset(run.datasetId);
	if (!dataset)
		throw new BenchtopError(
			'not-found',
			'The data set version of this run is no longer stored, so it cannot be shared.'
		);
	const choices: ShareChoices = { dataset };
	if (fitsInline(dataset)) choices.inline = await inlineColumns(studio, dataset);
	if (!run.artifactId) return { ...choices, weightsMissing: 'This run kept no weights.' };
	try {
		const artifact = await registry.loadRunArtifact(run);
		choices.artifact =
			artifact.kind === 'kmeans'
				? artifact
				: {
						kind: 'layers',
						modelTopology: artifact.modelTopology,
						weightSpecs: artifact.weightSpecs,
						bytes: new Uint8Array(await artifact.weightData.arrayBuffer())
					};
	} catch (error) {
		choices.weightsMissing = error instanceof Error ? error.message : 'The weights could not be read.';
	}
	return choices;
}

export interface BuiltLink {
	payload: SharePayload;
	url: string;
}

/** The full link for the choices: this site's /share page, with the experiment in the fragment. */
export function buildShareLink(
	sharePage: string,
	run: RunRecord,
	choices: ShareChoices,
	options: { weights: boolean; inline: boolean }
): BuiltLink {
	const payload = sharePayloadFromRun(JSON.parse(JSON.stringify(run)) as RunRecord, choices.dataset, {
		...(options.inline && choices.inline ? { inline: choices.inline } : {}),
		...(options.weights && choices.artifact ? { artifact: choices.artifact } : {})
	});
	return { payload, url: `${sharePage}#${encodeShareFragment(payload)}` };
}
