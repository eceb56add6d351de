// Generated files read every way Benchtop reads delimited text must give the same table: the text
// parser fed in chunks cut anywhere, the byte reader fed the growing windows readDelimitedBytes gives
// it (cut anywhere, inside quotes and inside multi-byte characters), and the parallel parts split at
// line breaks (often inside quoted fields). Fields hold quotes, doubled quotes, delimiters, CRLF / LF /
// lone CR, multi-byte UTF-8 and number-like text; rows may be ragged and the last line may lack a break.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinColumnParts } from '../../../../../src/lib/core/data/import/byte-column.ts';
import { ByteRecordReader } from '../../../../../src/lib/core/data/import/byte-records.ts';
import { ColumnSink, type RaggedPolicy } from '../../../../../src/lib/core/data/import/column-sink.ts';
import { DelimitedParser } from '../../../../../src/lib/core/data/import/delimited-parser.ts';
import { importTable, type ImportOptions } from '../../../../../src/lib/core/data/import/index.ts';
import {
	joinParts,
	partStarts,
	readPart,
	type PartRunner
} from '../../../../../src/lib/core/data/import/parallel-parse.ts';
import type { RawColumn } from '../../../../../src/lib/core/data/import/raw-table.ts';
import {
	sinkRecords,
	type CollectedRecords
} from '../../../../../src/lib/core/data/import/read-delimited.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const inline: PartRunner = async (tasks) => tasks.map((task) => readPart(structuredClone(task)));

/** A raw column as one string per row, whatever stage it ended in (dictionary, numbers, text). */
function texts(column: RawColumn): (string | null)[] {
	if (column.kind === 'text') return [...column.values];
	if (column.kind === 'numeric') return column.text();
	if (column.kind === 'dictionary') return Array.from(column.codes, (code) => column.entries[code]!);
	throw new Error(`unexpected column kind ${column.kind}`);
}

interface Records {
	header?: string[];
	rows: number;
	emptyLines: number;
	ragged: number;
	firstRagged: { line: number; fields: number }[];
	strayQuotes: number;
	firstStrayQuote: number;
	columns: (string | null)[][];
}

/** What a reader collected, its columns as text; `stopped`: ragged rows stopped the import, so none are read. */
function asRecords(collected: CollectedRecords, stopped = false): Records {
	const { header, rows, emptyLines, ragged, firstRagged, strayQuotes, firstStrayQuote } = collected;
	return {
		header,
		rows,
		emptyLines,
		ragged,
		firstRagged,
		strayQuotes,
		firstStrayQuote,
		columns: stopped ? [] : collected.columns().map(texts)
	};
}

function attempt(read: () => Records): Records | { error: string } {
	try {
		return read();
	} catch (error) {
		return { error: (error as Error).message };
	}
}

/** The text parser, fed the text cut at `cuts` (character offsets). */
function byText(text: string, policy: RaggedPolicy, cuts: number[]): Records | { error: string } {
	return attempt(() => {
		const sink = new ColumnSink(policy);
		const parser = new DelimitedParser(',', sink);
		let at = 0;
		for (const cut of [...cuts].sort((a, b) => a - b)) {
			if (cut <= at || cut >= text.length) continue;
			parser.push(text.slice(at, cut));
			at = cut;
		}
		parser.push(text.slice(at));
		parser.finish();
		return asRecords(sinkRecords(sink), policy === 'error' && sink.ragged > 0);
	});
}

/** The byte reader over windows ending at `cuts` (byte offsets), as readDelimitedBytes reads slices. */
function byBytes(bytes: Uint8Array, policy: RaggedPolicy, cuts: number[]): Records | { error: string } {
	return attempt(() => {
		const reader = new ByteRecordReader(',', policy);
		let at = 0;
		let to = 0;
		const ends = [...cuts.filter((cut) => cut > 0 && cut < bytes.length).sort((a, b) => a - b), bytes.length];
		for (const end of ends) {
			if (end <= to) continue;
			to = end;
			at = reader.read(bytes, at, to, to === bytes.length);
		}
		const part = reader.part();
		const columns = () => part.columns.map((column) => joinColumnParts([column]));
		return asRecords({ ...part, columns }, policy === 'error' && part.ragged > 0);
	});
}

/** The parallel parts, or undefined when readDelimited would read the file in one go instead. */
function byParts(bytes: Uint8Array, policy: RaggedPolicy, parts: number): Records | undefined {
	const head = new ByteRecordReader(',', policy);
	head.headerOnly = true;
	let bodyStart: number;
	try {
		bodyStart = head.read(bytes, 0, bytes.length, true);
	} catch {
		return undefined;
	}
	const header = head.part();
	if (header.header === undefined || bodyStart >= bytes.length) return undefined;
	const starts = partStarts(bytes, bodyStart, bytes.length, parts);
	const results = starts.map((start, k) => {
		const end = starts[k + 1] ?? bytes.length;
		const task = { offset: start, delimiter: ',', policy, width: header.header!.length };
		return readPart({ ...task, bytes: bytes.slice(start, end), last: end === bytes.length });
	});
	if (!results.every((result) => result.complete)) return undefined;
	const joined = joinParts(
		header,
		results.map((result) => result.records),
		policy
	);
	return asRecords(joined);
}

const value = fc.oneof(
	fc.constantFrom(
		'',
		' ',
		'1',
		'-0',
		'1e5',
		' 12 ',
		'NaN',
		'inf',
		'0123',
		'1.50',
		'1,234',
		'é',
		'日本',
		'😀'
	),
	fc.integer({ min: -99_999, max: 99_999 }).map(String),
	fc.string({
		unit: fc.constantFrom('a', ',', '"', '\n', '\r', '\r\n', 'é', '😀', ' ', '1', '.'),
		maxLength: 7
	})
);
/**
 * A field as a writer would put it: quoted when it must be (or at random), quotes doubled inside; now
 * and then with text after its closing quote, as broken writers leave it.
 */
const field = (delimiter: string) =>
	fc.tuple(value, fc.nat({ max: 9 })).map(([text, pick]) => {
		const quoted = `"${text.replaceAll('"', '""')}"`;
		if (pick === 0) return `${quoted}x`;
		return pick <= 5 || text.includes(delimiter) || /["\n\r]/.test(text) ? quoted : text;
	});
const lineBreak = fc.constantFrom('\n', '\r\n', '\r');

/** A file of 1 to 4 columns (rows of other widths too, now and then) and any line breaks. */
const delimitedFile = (delimiter: string, breaks = lineBreak) =>
	fc
		.tuple(
			fc.integer({ min: 1, max: 4 }),
			fc.array(fc.tuple(fc.integer({ min: -1, max: 1 }), breaks, fc.nat()), { minLength: 1, maxLength: 40 }),
			fc.array(field(delimiter), { minLength: 200, maxLength: 200 }),
			fc.boolean()
		)
		.map(([width, rows, fields, endsWithBreak]) => {
			let next = 0;
			const out = rows.map(([ragged, end], r) => {
				// Mostly full rows: a ragged one now and then, as real files have.
				const count = Math.max(1, r % 5 === 4 ? width + ragged : width);
				const cells = Array.from({ length: count }, () => fields[next++ % fields.length]!);
				return cells.join(delimiter) + (r < rows.length - 1 || endsWithBreak ? end : '');
			});
			return out.join('');
		});

describe('delimited readers on generated files', () => {
	it('the byte reader cut anywhere, the text parser cut anywhere and the parallel parts agree', () => {
		fc.assert(
			fc.property(
				delimitedFile(','),
				fc.array(fc.nat({ max: 400 }), { maxLength: 8 }),
				fc.constantFrom<RaggedPolicy>('error', 'pad', 'skip'),
				fc.integer({ min: 2, max: 7 }),
				(text, cuts, policy, parts) => {
					const bytes = encode(text);
					const whole = byBytes(bytes, policy, []);
					expect(byText(text, policy, [])).toEqual(whole);
					expect(byText(text, policy, cuts)).toEqual(whole);
					// Byte windows that end inside quotes, inside "" pairs, between CR and LF, inside characters.
					expect(byBytes(bytes, policy, cuts)).toEqual(whole);
					const parallel = byParts(bytes, policy, parts);
					if (parallel !== undefined && !('error' in whole)) expect(parallel).toEqual(whole);
				}
			),
			{ numRuns: 1000 }
		);
	}, 120_000);

	it('imports a file the same from text, from bytes and in parallel parts, down to types and notices', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc
					.constantFrom(',', ';', '\t')
					.chain((delimiter) =>
						fc.tuple(fc.constant(delimiter), delimitedFile(delimiter, fc.constantFrom('\n', '\r\n')))
					),
				fc.boolean(),
				fc.constantFrom<RaggedPolicy>('error', 'pad', 'skip'),
				fc.integer({ min: 2, max: 6 }),
				async ([, body], bom, raggedRows, parts) => {
					const text = `${bom ? '\uFEFF' : ''}${body}`;
					const options: ImportOptions = { fileName: 'generated.csv', raggedRows };
					const fromText = await seen(text, options);
					expect(await seen(encode(text), options)).toEqual(fromText);
					const parallel = { ...options, parallelParts: parts, parseParts: inline };
					expect(await seen(encode(text), parallel)).toEqual(fromText);
				}
			),
			{ numRuns: 400 }
		);
	}, 120_000);

	it('reads a quoted field with multi-byte characters that straddles the 1 MiB slice, wherever it falls', async () => {
		// readDelimitedBytes reads 1 MiB at a time: the field below is moved over that boundary one byte
		// at a time, so the cut lands inside 😀, é, a "" pair, a CRLF inside quotes and the closing quote.
		const slice = 1 << 20;
		const row = 'row,1.5,plain\r\n';
		const tricky = '"é😀 ""quoted"",\r\nnext line 日本"';
		const value = 'é😀 "quoted",\r\nnext line 日本';
		// Rows up to a little before the boundary, then one padded row and the tricky one, then one more.
		const head = `name,n,note\r\n${row.repeat(Math.floor(slice / row.length) - 8)}`;
		const rows = Math.floor(slice / row.length) - 6;
		for (let shift = 0; shift <= encode(tricky).length + 2; shift++) {
			// The field starts `shift` bytes before the boundary (after the padding and ",2,").
			const pad = 'x'.repeat(slice - encode(head).length - 3 - shift);
			const text = `${head}${pad},2,${tricky}\r\nlast,3,end`;
			const result = await importTable(encode(text));
			expect(result.rows).toBe(rows);
			expect(result.schema.map((c) => c.type)).toEqual(['category', 'number', 'category']);
			expect([result.table.get('name', rows - 2), result.table.get('n', rows - 2)]).toEqual([pad, 2]);
			expect(result.table.get('note', rows - 2)).toBe(value);
			expect(result.table.get('note', rows - 1)).toBe('end');
			if (shift % 16 === 0) expect(await seen(encode(text), {})).toEqual(await seen(text, {}));
		}
	}, 300_000);
});

/** What a person sees of an import: types, values, notices; or the error's words. */
async function seen(source: Uint8Array | string, options: ImportOptions): Promise<Record<string, unknown>> {
	try {
		const result = await importTable(source, options);
		return {
			schema: result.schema,
			rows: result.rows,
			delimiter: result.delimiter,
			notices: result.notices,
			values: result.schema.map((c) =>
				Array.from(result.table.array(c.name) as ArrayLike<unknown>, (v) =>
					v instanceof Date ? v.getTime() : v
				)
			)
		};
	} catch (error) {
		return { error: (error as Error).message, detail: (error as { detail?: string }).detail };
	}
}
