// The byte reader and the parallel parts against the text reader: the same result on every corpus file
// and on generated files, the same Arrow bytes, and errors that keep their line and column.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

// Whole files read several ways over; the shared machine is slow.
vi.setConfig({ testTimeout: 120_000 });
import { tableToArrowIPC } from '../../../../../src/lib/core/data/arrow-ipc.ts';
import {
	importTable,
	type ImportOptions,
	type ImportResult
} from '../../../../../src/lib/core/data/import/index.ts';
import {
	partStarts,
	readPart,
	type PartRunner
} from '../../../../../src/lib/core/data/import/parallel-parse.ts';
import { chooseEncoding } from '../../../../../src/lib/core/data/import/read-text.ts';
import { BenchtopError } from '../../../../../src/lib/core/errors.ts';
import { generateCsv } from '../../../../generated-csv.ts';

const DIR = new URL('../../../../fixtures/import/', import.meta.url);
const encode = (text: string) => new TextEncoder().encode(text);

/** Runs every part here, in order, as the data worker's parse workers would. */
const inline: PartRunner = async (tasks) => tasks.map((task) => readPart(structuredClone(task)));
let partsRead = 0;
const counting: PartRunner = async (tasks) => {
	partsRead += tasks.length;
	return inline(tasks);
};

type Outcome = { result: ImportResult; arrow: Uint8Array } | { error: BenchtopError };

async function outcome(source: Blob | Uint8Array | string, options: ImportOptions = {}): Promise<Outcome> {
	try {
		const result = await importTable(source, options);
		return { result, arrow: tableToArrowIPC(result.table, result.schema) };
	} catch (error) {
		if (error instanceof BenchtopError) return { error };
		throw error;
	}
}

/** What a person and the studio see of an import: the same for every way of reading. */
function seen(o: Outcome): unknown {
	if ('error' in o) return { code: o.error.code, message: o.error.message, detail: o.error.detail };
	const { result } = o;
	return {
		schema: result.schema,
		rows: result.rows,
		delimiter: result.delimiter,
		notices: result.notices,
		values: result.schema
			.map((c) => result.table.array(c.name))
			.map((a) => Array.from(a as ArrayLike<unknown>))
	};
}

const delimitedFixtures = readdirSync(DIR).filter((name) => /\.(csv|tsv)$/.test(name));
/** The files the byte reader takes (the others are decoded to text first, or refused). */
const utf8Fixtures = delimitedFixtures.filter((name) => {
	try {
		return chooseEncoding(readFileSync(new URL(name, DIR)).subarray(0, 65_536)) === 'utf-8';
	} catch {
		return false;
	}
});

describe('the byte reader', () => {
	it.each(utf8Fixtures)('reads %s as the text reader does', async (name) => {
		const bytes = new Uint8Array(readFileSync(new URL(name, DIR)));
		const text = new TextDecoder().decode(bytes);
		for (const raggedRows of ['error', 'pad', 'skip'] as const) {
			const options = { fileName: name, raggedRows };
			// A string goes through the text parser; bytes through the byte reader.
			expect(seen(await outcome(bytes, options))).toEqual(seen(await outcome(text, options)));
		}
	});

	it('reads the generated 10,000-row file as the text reader does, down to the Arrow bytes', async () => {
		const csv = generateCsv(10_000);
		const fromBytes = await outcome(encode(csv));
		const fromText = await outcome(csv);
		expect(seen(fromBytes)).toEqual(seen(fromText));
		expect('arrow' in fromBytes && 'arrow' in fromText).toBe(true);
		if ('arrow' in fromBytes && 'arrow' in fromText) expect(fromBytes.arrow).toEqual(fromText.arrow);
	});

	it('names the byte where the text stops being UTF-8', async () => {
		// Past the first 64 KB, which decide the encoding: the start is valid UTF-8, accents included.
		const start = encode(`name,n\n${'abé,1\n'.repeat(20_000)}`);
		const bytes = new Uint8Array([...start, ...encode('xyz,2\n')]);
		bytes[start.length + 1] = 0xff;
		const o = await outcome(bytes);
		expect('error' in o && o.error.message).toMatch(
			new RegExp(
				`^The text stops being valid UTF-8 after byte ${start.length.toLocaleString('en')} \\(line 20,002\\):`
			)
		);
	});

	it('reads Windows-1252 whose first accent comes past the start, in parts too, as the text reader does', async () => {
		const start = `name,n\n${'abc,1\n'.repeat(20_000)}`;
		const bytes = new Uint8Array([...encode(start), 0x4a, 0x6f, 0x73, 0xe9, ...encode(',2\n')]);
		const text = `${start}José,2\n`;
		const one = await outcome(bytes);
		const parts = await outcome(bytes, { parseParts: inline, parallelParts: 4 });
		const expected = {
			...(seen(await outcome(text)) as object),
			notices: [expect.objectContaining({ kind: 'info' })]
		};
		expect(seen(one)).toEqual(expected);
		expect(seen(parts)).toEqual(expected);
		expect('result' in one && one.result.table.get('name', 20_000)).toBe('José');
		expect('result' in one && one.result.notices[0]!.message).toMatch(/not UTF-8.*Windows-1252/);
	});
});

describe('parts at once', () => {
	it('splits just after line breaks, in order', () => {
		const bytes = encode('h\n1\n2\n3\n4\n5\n6\n');
		const starts = partStarts(bytes, 2, bytes.length, 3);
		expect(starts[0]).toBe(2);
		for (const start of starts.slice(1)) expect(bytes[start - 1]).toBe(10);
		expect([...starts].sort((a, b) => a - b)).toEqual(starts);
		expect(new Set(starts).size).toBe(starts.length);
	});

	it.each([2, 3, 7])('gives what one read gives on the generated file, in %i parts', async (parts) => {
		const bytes = encode(generateCsv(12_000));
		const single = await outcome(bytes);
		partsRead = 0;
		const parallel = await outcome(bytes, { parallelParts: parts, parseParts: counting });
		expect(partsRead).toBe(parts);
		expect(seen(parallel)).toEqual(seen(single));
		if ('arrow' in single && 'arrow' in parallel) expect(parallel.arrow).toEqual(single.arrow);
		else throw new Error('the generated file must import');
	});

	it.each(delimitedFixtures)('gives what one read gives on %s, in 2 to 5 parts', async (name) => {
		const bytes = new Uint8Array(readFileSync(new URL(name, DIR)));
		for (const raggedRows of ['error', 'pad', 'skip'] as const) {
			const single = seen(await outcome(bytes, { fileName: name, raggedRows }));
			for (let parts = 2; parts <= 5; parts++) {
				const options = { fileName: name, raggedRows, parallelParts: parts, parseParts: inline };
				expect(seen(await outcome(bytes, options))).toEqual(single);
			}
		}
	});

	it('reads quoted line breaks that sit where the file is split (and then reads it in one go)', async () => {
		// Every line is a record whose quoted field holds a line break followed by text that looks like a
		// whole record, so any split lands inside quotes or right before such a field.
		const lines = ['id,note,n'];
		for (let i = 0; i < 2_000; i++) lines.push(`${i},"first ${i}\n${i},fake,${i}\nend",${i % 7}`);
		const bytes = encode(`${lines.join('\n')}\n`);
		const single = await outcome(bytes);
		expect('result' in single && single.result.rows).toBe(2_000);
		for (let parts = 2; parts <= 9; parts++) {
			const parallel = await outcome(bytes, { parallelParts: parts, parseParts: inline });
			expect(seen(parallel)).toEqual(seen(single));
			if ('arrow' in single && 'arrow' in parallel) expect(parallel.arrow).toEqual(single.arrow);
		}
	});

	it('knows when a part started inside quotes', () => {
		const bytes = encode('1,"a\n2,b\n3,c\n"\n');
		const task = { offset: 5, delimiter: ',', policy: 'error' as const, width: 2, last: true };
		// From byte 5 the part reads `2,b`, `3,c`, then a quote that never closes: not a record start.
		expect(readPart({ ...task, bytes: bytes.slice(5) }).complete).toBe(false);
		expect(readPart({ ...task, offset: 0, bytes: bytes.slice(0) }).complete).toBe(true);
	});

	it('keeps the line of every ragged row found in a later part', async () => {
		const lines = ['a,b,c'];
		for (let i = 0; i < 3_000; i++) lines.push(i === 2_500 || i === 2_990 ? `${i},x` : `${i},"q\nq",${i}`);
		const bytes = encode(`${lines.join('\n')}\n`);
		const single = await outcome(bytes);
		expect('error' in single && single.error.code).toBe('ragged-rows');
		// Row i starts on line 2 + 2i, less one past row 2,500 (the one earlier row with no quoted line break).
		expect('error' in single && single.error.detail).toBe('line 5002: 2 fields; line 5981: 2 fields');
		for (let parts = 2; parts <= 6; parts++) {
			expect(seen(await outcome(bytes, { parallelParts: parts, parseParts: inline }))).toEqual(seen(single));
		}
	});

	it('keeps the line and column of a quote that never closes', async () => {
		const lines = ['a,b'];
		for (let i = 0; i < 3_000; i++) lines.push(`${i},${i}`);
		lines.push('3000,"open');
		const bytes = encode(`${lines.join('\n')}\nmore\n`);
		for (let parts = 1; parts <= 4; parts++) {
			const o = await outcome(bytes, { parallelParts: parts, parseParts: inline });
			expect('error' in o && o.error.message).toMatch(/starts on line 3002, column 2 is never closed/);
		}
	});
});
