// What a person hands the studio to import, and how that becomes a data set's name and source.
import type { DatasetSource } from '$lib/core/registry/index.ts';

export type ImportInput =
	| { kind: 'file'; file: File }
	| { kind: 'paste'; text: string }
	| { kind: 'url'; url: string }
	| { kind: 'sample'; url: string; sampleId: string; name: string };

const EXTENSION = /\.(csv|tsv|tab|txt|json|jsonl|ndjson|arrow|feather|ipc|parquet)$/i;

function lastPathSegment(url: string): string {
	try {
		return decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? '');
	} catch {
		return '';
	}
}

export function datasetName(input: ImportInput): string {
	switch (input.kind) {
		case 'file':
			return input.file.name.replace(EXTENSION, '') || 'Imported table';
		case 'paste':
			return 'Pasted table';
		case 'url':
			return lastPathSegment(input.url).replace(EXTENSION, '') || 'Table from the web';
		case 'sample':
			return input.name;
	}
}

export function datasetSource(input: ImportInput): DatasetSource {
	switch (input.kind) {
		case 'file':
			return { kind: 'file', fileName: input.file.name };
		case 'paste':
			return { kind: 'paste' };
		case 'url':
			return { kind: 'url', url: input.url };
		case 'sample':
			return { kind: 'sample', sampleId: input.sampleId };
	}
}

/** What the progress bar says is being imported. */
export function importLabel(input: ImportInput): string {
	switch (input.kind) {
		case 'file':
			return input.file.name;
		case 'paste':
			return 'pasted text';
		case 'url':
			return input.url;
		case 'sample':
			return `the ${input.name} sample`;
	}
}

/**
 * The Data page's query for what an import opened: a stored version by `id`, or a version shown before it
 * is stored by `pending` (the address moves to its `id` once the commit lands).
 */
export function importedQuery(
	opened: { record: { id: string } } | { pending: { id: string } } | undefined
): string | undefined {
	if (!opened) return undefined;
	if ('record' in opened) return `?id=${encodeURIComponent(opened.record.id)}`;
	return `?pending=${encodeURIComponent(opened.pending.id)}`;
}
