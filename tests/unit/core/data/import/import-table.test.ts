import { describe, expect, it } from 'vitest';
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

describe('detectFormat', () => {
	it('trusts the extension, then the first bytes', () => {
		expect(detectFormat('a.TSV', bytes('x'))).toBe('tsv');
		expect(detectFormat('a.ndjson', bytes('x'))).toBe('jsonl');
		expect(detectFormat(undefined, bytes('PAR1....'))).toBe('parquet');
		expect(detectFormat(undefined, bytes('ARROW1\0\0'))).toBe('arrow');
		expect(detectFormat(undefined, bytes('\ufeff  [{"a":1}]'))).toBe('json');
		expect(detectFormat(undefined, bytes('{"a":1}\n{"a":2}'))).toBe('jsonl');
		expect(detectFormat(undefined, bytes('a,b\n1,2'))).toBe('csv');
	});
});

describe('importTable', () => {
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

	it('accepts plain text and bytes as well as Blobs', async () => {
		expect((await importTable('a;b\n1;2\n')).delimiter).toBe(';');
		expect((await importTable(bytes('a\tb\n1\t2\n'))).table.array('b')).toEqual([2]);
	});

	it('applies the person’s type overrides and says how many values did not fit', async () => {
		const result = await importTable('code,n\n007,1\n042,x\n', {
			typeOverrides: { code: 'integer', n: 'integer' }
		});
		expect(result.table.array('code')).toEqual([7, 42]);
		expect(result.table.array('n')).toEqual([1, null]);
		expect(result.notices.find((n) => n.kind === 'lost-values')?.message).toBe(
			'1 values of “n” are not integer values and became missing.'
		);
	});

	it('turns an empty source into a clear error, not an exception from deep inside', async () => {
		const error = await importTable(new Uint8Array()).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(BenchtopError);
		expect((error as BenchtopError).message).toBe('The file is empty: there is no header and no data.');
	});
});
