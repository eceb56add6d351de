// A PLAIN-encoded string page of a flat column, read without a JS string per cell: the definition levels
// as hyparquet reads them, then the values left where they are in the page (each a 4-byte little-endian
// length and its UTF-8 bytes) for the sink to look up by their bytes. hyparquet's own PLAIN reader makes
// a Uint8Array and then a string for every cell; for a column of repeated strings (the common case when
// a writer's dictionary overflowed) that is nearly all of the time the page takes.
import type { SchemaElement } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { decompressPage, readDataPageV2 } from 'hyparquet/src/datapage.js';
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';

/** A page's values still as bytes: `count` length-prefixed values from `offset` in `bytes`. */
export interface TextPage {
	/** Definition levels, one per row; absent when every row has a value. */
	levels: number[] | undefined;
	bytes: Uint8Array;
	offset: number;
	count: number;
}

/**
 * Whether a BYTE_ARRAY column reads as plain UTF-8 text (what hyparquet's conversion makes a string of
 * with its default parsers): not JSON, geometry, or any other annotation that changes the value.
 */
export function isPlainText(element: SchemaElement): boolean {
	const { type, converted_type: converted, logical_type: logical } = element;
	return (
		type === 'BYTE_ARRAY' &&
		(converted === undefined || converted === 'UTF8') &&
		(logical === undefined || logical.type === 'STRING')
	);
}

/** hyparquet's page header and per-column decoding settings (not exported from the package's root). */
type PageHeader = ReturnType<typeof parquetHeader>;
type ColumnDecoder = Parameters<typeof readDataPageV2>[2];

const bitWidth = (value: number) => 32 - Math.clz32(value);

/** The definition levels of `rows` rows, and how many of them have no value (hyparquet's reading). */
function definitionLevels(
	reader: { view: DataView; offset: number },
	rows: number,
	present: number,
	length?: number
): { levels: number[] | undefined; nulls: number } {
	if (present === 0) return { levels: undefined, nulls: 0 };
	const levels = new Array<number>(rows);
	readRleBitPackedHybrid(reader, bitWidth(present), levels, length);
	let nulls = 0;
	for (let i = 0; i < rows; i++) if (levels[i] !== present) nulls++;
	return { levels: nulls === 0 ? undefined : levels, nulls };
}

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * A PLAIN data page (v1 or v2, still compressed as stored) of a flat column whose definition level for a
 * present value is `present`, or undefined when the page is not a PLAIN data page.
 */
export function readPlainTextPage(
	compressed: Uint8Array,
	header: PageHeader,
	decoder: Pick<ColumnDecoder, 'codec' | 'compressors'>,
	present: number
): TextPage | undefined {
	const size = Number(header.uncompressed_page_size);
	if (header.type === 'DATA_PAGE' && header.data_page_header?.encoding === 'PLAIN') {
		const rows = header.data_page_header.num_values;
		const page = decompressPage(compressed, size, decoder.codec, decoder.compressors);
		const reader = { view: viewOf(page), offset: 0 };
		// v1: the levels are inside the compressed page, with their byte length before them.
		const { levels, nulls } = definitionLevels(reader, rows, present);
		return { levels, bytes: page, offset: reader.offset, count: rows - nulls };
	}
	const v2 = header.data_page_header_v2;
	if (header.type === 'DATA_PAGE_V2' && v2?.encoding === 'PLAIN') {
		// v2: the levels come first, never compressed, with their byte lengths in the header.
		const levelBytes = v2.repetition_levels_byte_length + v2.definition_levels_byte_length;
		const reader = { view: viewOf(compressed), offset: v2.repetition_levels_byte_length };
		const { levels, nulls } = definitionLevels(
			reader,
			v2.num_values,
			present,
			v2.definition_levels_byte_length
		);
		let values = compressed.subarray(levelBytes);
		if (v2.is_compressed !== false)
			values = decompressPage(values, size - levelBytes, decoder.codec, decoder.compressors);
		// The values counted from the levels, not the header's num_nulls: the levels place them, and a header
		// that miscounts would otherwise leave rows the levels give a value with none to read.
		return { levels, bytes: values, offset: 0, count: v2.num_values - nulls };
	}
	return undefined;
}
