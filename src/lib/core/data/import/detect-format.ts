// Which reader a file needs: its extension first, then what its first bytes look like.
import type { ImportFormat } from './import-types.ts';

const BY_EXTENSION: Record<string, ImportFormat> = {
	csv: 'csv',
	txt: 'csv',
	tsv: 'tsv',
	tab: 'tsv',
	json: 'json',
	jsonl: 'jsonl',
	ndjson: 'jsonl',
	arrow: 'arrow',
	feather: 'arrow',
	ipc: 'arrow',
	arrows: 'arrow',
	parquet: 'parquet'
};

const ascii = (bytes: Uint8Array, from: number, length: number) =>
	String.fromCharCode(...bytes.subarray(from, from + length));

function startsLikeArrow(head: Uint8Array): boolean {
	// File format starts with "ARROW1"; the stream format with a continuation marker 0xFFFFFFFF.
	return (
		ascii(head, 0, 6) === 'ARROW1' ||
		(head[0] === 0xff && head[1] === 0xff && head[2] === 0xff && head[3] === 0xff)
	);
}

export function detectFormat(fileName: string | undefined, head: Uint8Array): ImportFormat {
	const extension = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
	if (extension && extension in BY_EXTENSION) return BY_EXTENSION[extension]!;
	if (ascii(head, 0, 4) === 'PAR1') return 'parquet';
	if (startsLikeArrow(head)) return 'arrow';
	const text = new TextDecoder()
		.decode(head.subarray(0, 256))
		.replace(/^\uFEFF/, '')
		.trimStart();
	if (text.startsWith('[')) return 'json';
	if (text.startsWith('{')) return 'jsonl';
	return 'csv';
}
