// Which reader a file needs: its extension first, then what its first bytes look like. The magic bytes
// of Parquet and Arrow files win over a text extension, so a "data.csv" that is really Parquet is read.
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
	parquet: 'parquet',
	pq: 'parquet'
};

const ascii = (bytes: Uint8Array, from: number, length: number) =>
	String.fromCharCode(...bytes.subarray(from, from + length));

/** A binary format's signature; NUL bytes right after it rule out a text file that starts with "PAR1". */
function binaryFormat(head: Uint8Array): ImportFormat | undefined {
	const binary = head.subarray(0, 64).includes(0);
	if (ascii(head, 0, 4) === 'PAR1' && binary) return 'parquet';
	// The file format starts with "ARROW1"; the stream format with the continuation marker 0xFFFFFFFF.
	if (ascii(head, 0, 6) === 'ARROW1' && binary) return 'arrow';
	if (head[0] === 0xff && head[1] === 0xff && head[2] === 0xff && head[3] === 0xff && binary) return 'arrow';
	return undefined;
}

export function detectFormat(fileName: string | undefined, head: Uint8Array): ImportFormat {
	const extension = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
	const byExtension = extension !== undefined ? BY_EXTENSION[extension] : undefined;
	const byMagic = binaryFormat(head);
	if (byExtension === 'arrow' || byExtension === 'parquet') return byExtension;
	if (byMagic) return byMagic;
	if (byExtension) return byExtension;
	const text = new TextDecoder()
		.decode(head.subarray(0, 256))
		.replace(/^\uFEFF/, '')
		.trimStart();
	if (text.startsWith('[')) return 'json';
	if (text.startsWith('{')) return 'jsonl';
	return 'csv';
}
