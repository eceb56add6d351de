import * as aq from 'arquero';
import { dateDay, dictionary, float32, int64, timestamp, TimeUnit, utf8 } from '@uwdata/flechette';
import { describe, expect, it } from 'vitest';
import { tableToParquet } from '../../../../../src/lib/core/data/export/table-to-parquet.ts';
import {
	detectFormat,
	importTable,
	type ImportProgress
} from '../../../../../src/lib/core/data/import/index.ts';
import { BenchtopError } from '../../../../../src/lib/core/errors.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

function csvRows(rows: number): string {
	const lines = ['id,value,group'];
	for (let i = 0; i < rows; i++) lines.push(`${i},${(i * 0.5).toFixed(1)},${i % 2 ? 'odd' : 'even'}`);
	return `${lines.join('\n')}\n`;
}

async function failure(promise: Promise<unknown>): Promise<BenchtopError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	if (!(error instanceof BenchtopError)) throw new Error(`expected a BenchtopError, got ${String(error)}`);
	return error;
}

describe('detectFormat', () => {
	it('trusts the extension, then the first bytes', () => {
		expect(detectFormat('a.TSV', bytes('x'))).toBe('tsv');
		expect(detectFormat('a.ndjson', bytes('x'))).toBe('jsonl');
		expect(detectFormat(undefined, bytes('PAR1\x15\x00\x15'))).toBe('parquet');
		expect(detectFormat(undefined, bytes('ARROW1\0\0'))).toBe('arrow');
		expect(detectFormat(undefined, new Uint8Array([255, 255, 255, 255, 120, 0, 0, 0]))).toBe('arrow');
		expect(detectFormat(undefined, bytes('\ufeff  [{"a":1}]'))).toBe('json');
		expect(detectFormat(undefined, bytes('{"a":1}\n{"a":2}'))).toBe('jsonl');
		expect(detectFormat(undefined, bytes('a,b\n1,2'))).toBe('csv');
	});

	it('lets the signature of a binary format win over a text extension, but not text that merely starts alike', () => {
		expect(detectFormat('export.csv', bytes('PAR1\x15\x00\x15'))).toBe('parquet');
		expect(detectFormat('export.csv', bytes('PAR1,PAR2\n1,2\n'))).toBe('csv');
	});
});

describe('importTable, delimited text', () => {
	it('reads a Blob in chunks and reports progress up to the whole file', async () => {
		const text = csvRows(200_000);
		const seen: ImportProgress[] = [];
		const result = await importTable(new Blob([text]), {
			fileName: 'big.csv',
			onProgress: (p) => seen.push(p)
		});
		expect(result.rows).toBe(200_000);
		expect(result.schema.map((c) => c.type)).toEqual(['integer', 'number', 'category']);
		const reading = seen.filter((p) => p.phase === 'reading');
		expect(reading.length).toBeGreaterThan(1);
		expect(reading.at(-1)!.bytesRead).toBe(new TextEncoder().encode(text).length);
		expect(seen.at(-1)).toMatchObject({ phase: 'typing', rows: 200_000 });
	});

	it('stops with "aborted" when the signal fires', async () => {
		const controller = new AbortController();
		let calls = 0;
		const pending = importTable(new Blob([csvRows(300_000)]), {
			signal: controller.signal,
			onProgress: () => {
				calls++;
				controller.abort();
			}
		});
		await expect(pending).rejects.toMatchObject({ code: 'aborted', message: 'Import cancelled.' });
		expect(calls).toBe(1);
	});

	it('does not start when the signal has already fired', async () => {
		const controller = new AbortController();
		controller.abort();
		const error = await failure(importTable('a\n1\n', { signal: controller.signal }));
		expect(error.code).toBe('aborted');
	});

	it('accepts plain text and bytes as well as Blobs', async () => {
		expect((await importTable('a;b\n1;2\n')).delimiter).toBe(';');
		expect((await importTable(bytes('a\tb\n1\t2\n'))).table.array('b')).toEqual([2]);
	});

	it('imports a very wide file (20,000 columns)', async () => {
		const header = Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',');
		const row = Array.from({ length: 20_000 }, (_, i) => String(i)).join(',');
		const result = await importTable(`${header}\n${row}\n${row}\n`);
		expect(result.schema.length).toBe(20_000);
		expect(result.table.get('c19999', 1)).toBe(19_999);
	});

	it('imports a 5 MB cell whole', async () => {
		const big = 'lorem ipsum '.repeat(420_000);
		const result = await importTable(new Blob([`id,note\n1,"${big}"\n2,short\n`]));
		expect((result.table.get('note', 0) as string).length).toBe(big.length);
		expect(result.table.get('note', 1)).toBe('short');
	});

	it('applies the person’s type overrides and says how many values did not fit', async () => {
		const result = await importTable('code,n\n007,1\n042,x\n', {
			typeOverrides: { code: 'integer', n: 'integer' }
		});
		expect(result.table.array('code')).toEqual([7, 42]);
		expect(result.table.array('n')).toEqual([1, null]);
		expect(result.notices.find((n) => n.kind === 'lost-values')?.message).toBe(
			'1 value of “n” is not a whole number and became missing.'
		);
	});

	it('ignores an override for a column the file does not have, and one named like a built-in', async () => {
		const overrides = JSON.parse('{"__proto__": "text", "missing": "date"}') as Record<string, 'text'>;
		const result = await importTable('a\n1\n', { typeOverrides: overrides });
		expect(result.schema).toEqual([{ name: 'a', type: 'integer' }]);
	});

	it('reads decimal commas when asked, and by default in ";" files', async () => {
		const comma = await importTable('a,b\n"1,5",x\n"2,25",y\n', { decimalComma: true });
		expect(comma.table.array('a')).toEqual([1.5, 2.25]);
		const plain = await importTable('a,b\n"1,5",x\n"2,25",y\n');
		expect(plain.schema[0]!.type).toBe('text');
		const semicolon = await importTable('a;b\n1,5;x\n2;y\n');
		expect(semicolon.table.array('a')).toEqual([1.5, 2]);
	});

	it('honours a delimiter the person picked over the sniffed one', async () => {
		const result = await importTable('a,b;c\n1,2;3\n', { delimiter: ';' });
		expect(result.table.columnNames()).toEqual(['a,b', 'c']);
	});

	it('turns an empty source into a clear error, not an exception from deep inside', async () => {
		const error = await failure(importTable(new Uint8Array()));
		expect(error.message).toBe('The file is empty: there is no header and no data.');
	});

	it('calls a file binary when its start is full of control characters', async () => {
		const noise = new Uint8Array(2000).map((_, i) => (i % 3 === 0 ? 0x01 : 0xc3 + (i % 40)));
		const error = await failure(importTable(noise, { fileName: 'x.csv' }));
		expect(error.message).toMatch(/^This does not look like a text table \(it contains binary data\)/);
	});

	it('names where the text stops being UTF-8 when that happens after the start', async () => {
		const start = bytes(`a\n${'é\n'.repeat(400_000)}`);
		const bad = new Uint8Array(start.length + 3);
		bad.set(start);
		bad.set([0xe9, 0x0a, 0x0a], start.length);
		const error = await failure(importTable(new Blob([bad])));
		// The line too: a byte offset in a 1 MB file is not something a person can find in an editor.
		expect(error.message).toMatch(
			`The text stops being valid UTF-8 after byte ${start.length.toLocaleString('en')} (line 400,002): `
		);
	});

	it('reads Windows-1252 whose first accent comes after the part that chose the encoding', async () => {
		// Older Excel exports: plain ASCII for thousands of rows, then a name with an accent.
		const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
		const csv = latin1(`name,n\n${'abc,1\n'.repeat(20_000)}José,2\n`);
		const fromCsv = await importTable(new Blob([csv]), { fileName: 'old.csv' });
		expect(fromCsv.table.get('name', 20_000)).toBe('José');
		expect(fromCsv.rows).toBe(20_001);
		expect(fromCsv.notices.map((n) => n.message)).toEqual([expect.stringMatching(/not UTF-8.*Windows-1252/)]);
		// Past the first chunk of the text reader (1 MiB), as JSON lines are read.
		const jsonl = latin1(`${'{"name":"abc"}\n'.repeat(80_000)}{"name":"Zoë"}\n`);
		const fromJsonl = await importTable(jsonl, { fileName: 'old.jsonl' });
		expect(fromJsonl.table.get('name', 80_000)).toBe('Zoë');
		expect(fromJsonl.notices.map((n) => n.message)).toEqual([expect.stringMatching(/Windows-1252/)]);
		// The accent as the file's very last byte, cut off from any character it could start.
		const last = await importTable(latin1(`name\n${'abc\n'.repeat(20_000)}Jos\xe9`), { fileName: 'end.csv' });
		expect(last.table.get('name', 20_000)).toBe('José');
	});

	it('keeps refusing a byte-order-marked UTF-8 file that stops being UTF-8', async () => {
		const start = bytes(`\ufeffname,n\n${'abc,1\n'.repeat(20_000)}`);
		const bad = new Uint8Array([...start, 0x4a, 0xe9, 0x2c, 0x32, 0x0a]);
		const error = await failure(importTable(bad, { fileName: 'bom.csv' }));
		expect(error.message).toMatch(/^The text stops being valid UTF-8 after byte/);
	});

	it('reads past a byte-order mark at a field’s start (files joined with cat) in names and numbers', async () => {
		const text = 'x,\ufeffy\n1,\ufeff2\n3,4\n';
		for (const source of [text, bytes(text)]) {
			const r = await importTable(source);
			expect(r.table.columnNames()).toEqual(['x', 'y']);
			expect(r.table.array('y')).toEqual([2, 4]);
		}
	});

	it('counts line breaks inside quotes as an editor does (lone CR, CRLF) in every reader', async () => {
		const text = 'a,b\r"x\ry",1\r"p\r\nq",2\r1,2,3\r4,5\r';
		const expected = /^1 row has a different number of fields than the header \(2\): line 6\./;
		expect((await failure(importTable(text))).message).toMatch(expected);
		expect((await failure(importTable(bytes(text)))).message).toMatch(expected);
		const open = 'a,b\r1,2\r"x\ry",1\r3,"never\r'; // the last quote opens on line 5
		const unclosed = /^A quoted field that starts on line 5, column 2 is never closed/;
		expect((await failure(importTable(open))).message).toMatch(unclosed);
		expect((await failure(importTable(bytes(open)))).message).toMatch(unclosed);
	});

	it('counts lines as an editor does (CRLF, LF, lone CR) when naming where UTF-8 stops', async () => {
		const start = bytes(`name,n\r\n${'é,1\r\n'.repeat(30_000)}a,2\rb,3\n`);
		const bad = new Uint8Array(start.length + 5);
		bad.set(start);
		bad.set([0x63, 0xe9, 0x2c, 0x34, 0x0a], start.length);
		const error = await failure(importTable(bad, { fileName: 'x.csv' }));
		expect(error.message).toMatch(/after byte [\d,]+ \(line 30,004\): part of the file/);
	});
});

describe('importTable, whatever goes wrong', () => {
	it('puts a file that cannot be read any more in words', async () => {
		class Vanished extends Blob {
			override slice(): Blob {
				return new Vanished();
			}
			override arrayBuffer(): Promise<ArrayBuffer> {
				return Promise.reject(new DOMException('gone', 'NotReadableError'));
			}
		}
		const error = await failure(importTable(new Vanished(['a,b\n1,2\n']), { fileName: 'a.csv' }));
		expect(error.code).toBe('bad-input');
		expect(error.message).toMatch(/^The file could not be read: it may have been moved/);
	});

	it('refuses a format it does not know', async () => {
		const format = 'xlsx' as unknown as 'csv';
		const error = await failure(importTable('a\n1\n', { format }));
		expect(error.message).toBe('Benchtop cannot read the format “xlsx”.');
	});
});

describe('importTable, JSON', () => {
	it('keeps numbers as numbers and types strings like CSV text', async () => {
		const json = JSON.stringify([
			{ n: 1, x: 1.5, code: '007', day: '2024-01-02', ok: true },
			{ n: 2, x: 3, code: '010', day: '2024-01-03', ok: false }
		]);
		const result = await importTable(json, { fileName: 'a.json' });
		expect(result.schema.map((c) => c.type)).toEqual(['integer', 'number', 'text', 'date', 'boolean']);
		expect(result.table.array('x')).toEqual([1.5, 3]);
		expect(result.table.array('code')).toEqual(['007', '010']);
	});

	it('puts keys in the order they first appear and leaves holes missing', async () => {
		const result = await importTable('{"a":1}\n{"b":2}\n{"a":3,"c":"x"}\n', { fileName: 'a.jsonl' });
		expect(result.table.columnNames()).toEqual(['a', 'b', 'c']);
		expect(result.table.array('a')).toEqual([1, null, 3]);
		expect(result.table.array('b')).toEqual([null, 2, null]);
	});

	it('names the line and column of a syntax error', async () => {
		const error = await failure(importTable('[\n {"a": 1},\n {"a": }\n]', { fileName: 'x.json' }));
		expect(error.message).toMatch(/^The JSON is not valid at line 3, column 8: /);
	});

	// Its time is measured in bench/core-timings.ts (jsonl-long-line), not asserted here.
	it('reads a JSON Lines file with one very long line', async () => {
		const long = JSON.stringify({ id: 1, note: 'x'.repeat(8_000_000) });
		const result = await importTable(new Blob([`${long}\n{"id": 2, "note": "y"}\n`]), {
			fileName: 'a.jsonl'
		});
		expect(result.table.array('id')).toEqual([1, 2]);
	});

	it('names a JSON Lines line that is not an object', async () => {
		const error = await failure(importTable('{"a":1}\n[1,2]\n', { fileName: 'x.jsonl' }));
		expect(error.message).toBe('Expected an object with one key per column at line 2, found an array.');
	});
});

describe('importTable, Arrow', () => {
	it('maps Arrow types to Benchtop types instead of guessing from text', async () => {
		const table = aq.table({
			big: [1, 2, 3, 4],
			ratio: [0.5, 1, 1.5, 2],
			digits: ['1', '2', '1', '2'],
			label: ['a', 'b', 'a', 'b'],
			when: [new Date('2024-01-01'), new Date('2024-01-02'), null, new Date('2024-01-04')],
			day: [new Date('2024-01-01'), null, new Date('2024-01-03'), new Date('2024-01-04')]
		});
		const ipc = aq.toArrowIPC(table, {
			types: {
				big: int64(),
				ratio: float32(),
				digits: utf8(),
				label: dictionary(utf8()),
				when: timestamp(TimeUnit.MILLISECOND),
				day: dateDay()
			}
		});
		const result = await importTable(ipc, { fileName: 'x.arrow' });
		expect(result.schema.map((c) => c.type)).toEqual([
			'integer',
			'number',
			'category',
			'category',
			'date',
			'date'
		]);
		expect(result.table.array('big')).toEqual([1, 2, 3, 4]);
		// Strings stay strings, even when they look like numbers: the file said they are text.
		expect(result.table.array('digits')).toEqual(['1', '2', '1', '2']);
		expect(result.table.get('when', 2)).toBeNull();
		expect(result.table.get('day', 2)).toEqual(new Date('2024-01-03'));
	});

	it('reads an overridden column from its values’ text', async () => {
		const ipc = aq.toArrowIPC(aq.table({ n: [1, 2, 3] }), { types: { n: int64() } });
		const result = await importTable(ipc, { fileName: 'x.arrow', typeOverrides: { n: 'text' } });
		expect(result.table.array('n')).toEqual(['1', '2', '3']);
	});
});

describe('importTable, Parquet', () => {
	it('reads a larger file from a Blob, column by column, with progress', async () => {
		const n = 50_000;
		const table = aq.table({
			id: Array.from({ length: n }, (_, i) => i),
			name: Array.from({ length: n }, (_, i) => `name ${i}`)
		});
		const parquet = await tableToParquet(table, [
			{ name: 'id', type: 'integer' },
			{ name: 'name', type: 'text' }
		]);
		const seen: ImportProgress[] = [];
		const result = await importTable(new Blob([parquet]), {
			fileName: 'x.parquet',
			onProgress: (p) => seen.push(p)
		});
		expect(result.rows).toBe(n);
		expect(result.schema).toEqual([
			{ name: 'id', type: 'integer' },
			{ name: 'name', type: 'text' }
		]);
		expect(result.table.get('name', n - 1)).toBe(`name ${n - 1}`);
		expect(seen.some((p) => p.phase === 'reading' && p.rows > 0)).toBe(true);
	});

	it('refuses Parquet given as text', async () => {
		const error = await failure(importTable('PAR1', { format: 'parquet' }));
		expect(error.message).toBe('Parquet data must come from a file, not from text.');
	});
});

describe('importTable, dates and infinities end to end', () => {
	const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

	it('stores date columns written in any common form as dates, the day order from the whole column', async () => {
		const csv = [
			'iso,slashed,named,us,european,x',
			'2012-01-01,2012/01/01,Jun 12 1998,06/12/1998,12/06/1998,inf',
			'2012-01-02T10:00:00Z,2012/02/29,12 June 1998,07/01/1998,13/01/1998,-Infinity',
			'2012-01-03,2012/03/01,Dec 1 1998,01/13/1998,01/02/1998,1.5'
		].join('\n');
		const result = await importTable(new Blob([csv]), { fileName: 'dates.csv' });
		expect(result.schema.map((c) => c.type)).toEqual(['date', 'date', 'date', 'date', 'date', 'number']);
		const column = (name: string) => Array.from(result.table.array(name) as ArrayLike<unknown>);
		expect(column('slashed')[0]).toEqual(day(2012, 1, 1));
		expect(column('named')).toEqual([day(1998, 6, 12), day(1998, 6, 12), day(1998, 12, 1)]);
		expect(column('us')).toEqual([day(1998, 6, 12), day(1998, 7, 1), day(1998, 1, 13)]);
		expect(column('european')).toEqual([day(1998, 6, 12), day(1998, 1, 13), day(1998, 2, 1)]);
		expect(column('x')).toEqual([Infinity, -Infinity, 1.5]);
	});

	it('types dates in JSON the same way, and keeps them dates through Arrow', async () => {
		const json = JSON.stringify([
			{ when: 'Jun 12 1998', v: 1 },
			{ when: '13/01/1998', v: null },
			{ when: null, v: 'NaN' }
		]);
		const result = await importTable(new Blob([json]), { fileName: 'dates.json' });
		expect(result.schema).toEqual([
			{ name: 'when', type: 'date' },
			{ name: 'v', type: 'integer' }
		]);
		expect(Array.from(result.table.array('when') as ArrayLike<unknown>)).toEqual([
			day(1998, 6, 12),
			day(1998, 1, 13),
			null
		]);
		const { tableToArrowIPC } = await import('../../../../../src/lib/core/data/arrow-ipc.ts');
		const again = await importTable(
			new Blob([new Uint8Array(tableToArrowIPC(result.table, result.schema))]),
			{
				fileName: 'dates.arrow'
			}
		);
		expect(again.schema[0]).toEqual({ name: 'when', type: 'date' });
		expect((again.table.array('when') as ArrayLike<unknown>)[1]).toEqual(day(1998, 1, 13));
	});
});
