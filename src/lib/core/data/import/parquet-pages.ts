// A flat Parquet column chunk (no lists, at most one optional level) read page by page straight into its
// sink, with hyparquet's own page decoders. hyparquet's general path assembles every page into a JS array
// (nulls pushed one by one, dictionary values copied out per row), which was most of the time a
// 3M-row file took; here the definition levels say which rows have a value, and dictionary indices go to
// the sink as they are, so a string column is looked up once per distinct value, not once per row. Dates
// and timestamps go to the sink as epoch milliseconds (parquet-time.ts), never as one Date per value;
// PLAIN string pages go to it as their bytes (parquet-text-page.ts), never as one string per value.
import type { ColumnChunk, Compressors, DecodedArray, SchemaElement } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { convert, DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
import { decompressPage, readDataPage, readDataPageV2 } from 'hyparquet/src/datapage.js';
import { readPlain } from 'hyparquet/src/plain.js';
import { getMaxDefinitionLevel, getSchemaPath } from 'hyparquet/src/schema.js';
import type { ParquetColumnSink } from './parquet-columns.ts';
import { isPlainText, readPlainTextPage } from './parquet-text-page.ts';
import { epochMillis, timeUnitOf, type ParquetTimeUnit } from './parquet-time.ts';

/** hyparquet's per-column decoding settings (its type is not exported from the package's root). */
type ColumnDecoder = Parameters<typeof readDataPageV2>[2];

export interface FlatChunk {
	decoder: ColumnDecoder;
	/** The definition level of a row with a value (0 for a required column). */
	present: number;
	/** A date or timestamp column's unit: its values go to the sink as epoch milliseconds, not Dates. */
	time: ParquetTimeUnit | undefined;
	/** Where the chunk's bytes are in the file. */
	start: number;
	end: number;
}

/** How to read a top-level column's chunk page by page, or undefined when it is nested or repeated. */
export function flatChunk(
	schema: SchemaElement[],
	chunk: ColumnChunk,
	compressors: Compressors
): FlatChunk | undefined {
	const meta = chunk.meta_data;
	if (!meta || meta.path_in_schema.length !== 1) return undefined;
	const schemaPath = getSchemaPath(schema, meta.path_in_schema);
	const element = schemaPath.at(-1)!.element;
	if (schemaPath.length !== 2 || element.repetition_type === 'REPEATED' || element.num_children)
		return undefined;
	// Some writers leave dictionary_page_offset at 0 when there is no dictionary: hyparquet's rule.
	const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
	return {
		decoder: {
			pathInSchema: meta.path_in_schema,
			type: meta.type,
			element,
			schemaPath,
			codec: meta.codec,
			parsers: DEFAULT_PARSERS,
			compressors,
			utf8: true
		},
		present: getMaxDefinitionLevel(schemaPath),
		time: timeUnitOf(element),
		start,
		end: start + Number(meta.total_compressed_size)
	};
}

/** Reads `rows` rows of a chunk's pages (its bytes) into the sink from row `at`; returns the rows read. */
export function readFlatChunk(
	bytes: Uint8Array,
	chunk: FlatChunk,
	rows: number,
	sink: ParquetColumnSink,
	at: number
): number {
	const { decoder, present, time } = chunk;
	const values = (data: DecodedArray) => (time ? epochMillis(data, time) : convert(data, decoder));
	const text = isPlainText(decoder.element);
	const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
	let dictionary: DecodedArray | undefined;
	let read = 0;
	while (read < rows && reader.offset < bytes.byteLength - 1) {
		const header = parquetHeader(reader);
		const compressed = bytes.subarray(reader.offset, reader.offset + header.compressed_page_size);
		reader.offset += header.compressed_page_size;
		const size = Number(header.uncompressed_page_size);
		if (header.type === 'DICTIONARY_PAGE') {
			const page = decompressPage(compressed, size, decoder.codec, decoder.compressors);
			const view = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 };
			const count = header.dictionary_page_header!.num_values;
			dictionary = values(readPlain(view, decoder.type, count, decoder.element.type_length));
			continue;
		}
		const textPage = text ? readPlainTextPage(compressed, header, decoder, present) : undefined;
		if (textPage) {
			read += sink.putText(textPage, present, at + read);
			continue;
		}
		let page;
		let encoding;
		if (header.type === 'DATA_PAGE') {
			const daph = header.data_page_header!;
			page = readDataPage(
				decompressPage(compressed, size, decoder.codec, decoder.compressors),
				daph,
				decoder
			);
			encoding = daph.encoding;
		} else if (header.type === 'DATA_PAGE_V2') {
			page = readDataPageV2(compressed, header, decoder);
			encoding = header.data_page_header_v2!.encoding;
		} else continue; // index pages
		const coded = encoding.endsWith('_DICTIONARY');
		if (coded && !dictionary) throw new Error('parquet dictionary-encoded page without a dictionary page');
		const levels = page.definitionLevels?.length ? page.definitionLevels : undefined;
		const data = coded ? page.dataPage : values(page.dataPage);
		read += sink.putPage(data, coded ? dictionary : undefined, levels, present, at + read);
	}
	return read;
}
