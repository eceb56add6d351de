import { describe, expect, it } from 'vitest';
import { uniqueColumnNames } from '../../../../../src/lib/core/data/import/column-names.ts';
import { withDecimalPoint } from '../../../../../src/lib/core/data/import/decimal-comma.ts';
import { chooseEncoding, readAllText } from '../../../../../src/lib/core/data/import/read-text.ts';
import { sniffDelimiter } from '../../../../../src/lib/core/data/import/sniff-delimiter.ts';
import { BenchtopError } from '../../../../../src/lib/core/errors.ts';

describe('sniffDelimiter', () => {
	it('picks the delimiter that splits every line into the same number of fields', () => {
		expect(sniffDelimiter('a,b,c\n1,2,3\n', true)).toBe(',');
		expect(sniffDelimiter('a;b\n1,5;2,5\n3;4\n', true)).toBe(';');
		expect(sniffDelimiter('a\tb\n1\t2\n', true)).toBe('\t');
		expect(sniffDelimiter('a|b|c\n1|2|3\n', true)).toBe('|');
	});

	it('respects quotes, ignores empty lines, and falls back to a comma', () => {
		expect(sniffDelimiter('"a;b",c\n"1;2",3\n\n"4;5",6\n', true)).toBe(',');
		expect(sniffDelimiter('name\nAda\n', true)).toBe(',');
	});

	it('does not let a sample cut in the middle of a quoted field throw', () => {
		expect(sniffDelimiter('a;b\n1;"open\n', false)).toBe(';');
	});
});

describe('uniqueColumnNames', () => {
	it('leaves good names alone and says nothing', () => {
		expect(uniqueColumnNames(['a', 'b'])).toEqual({ names: ['a', 'b'] });
	});

	it('names empty columns by position and numbers repeats without taking an existing name', () => {
		const { names, notice } = uniqueColumnNames(['x', '', 'x', 'x_2', ' ']);
		expect(names).toEqual(['x', 'column_2', 'x_3', 'x_2', 'column_5']);
		expect(notice?.kind).toBe('renamed-columns');
		expect(notice?.message).toBe(
			'Some column names were empty, repeated or reserved and were renamed: an empty name became “column_2”, “x” became “x_3”, an empty name became “column_5”.'
		);
	});

	it('keeps built-in property names, except __proto__, which no plain object can hold as a key', () => {
		const { names } = uniqueColumnNames(['constructor', 'toString', '__proto__', 'hasOwnProperty']);
		expect(names).toEqual(['constructor', 'toString', '__proto___', 'hasOwnProperty']);
	});

	it('lists at most five renames', () => {
		const { notice } = uniqueColumnNames(Array.from({ length: 8 }, () => 'a'));
		expect(notice?.message).toMatch(/, and 2 more\.$/);
	});
});

describe('withDecimalPoint', () => {
	it('rewrites a column written with decimal commas throughout', () => {
		expect(withDecimalPoint(['1,5', '1.234,5', '-2', null, 'NA'])).toEqual([
			'1.5',
			'1234.5',
			'-2',
			null,
			'NA'
		]);
	});

	it('leaves a column alone unless every value is written that way and one has a comma', () => {
		expect(withDecimalPoint(['1,5', 'x'])).toBeUndefined();
		expect(withDecimalPoint(['1.5', '2.25'])).toBeUndefined();
		expect(withDecimalPoint(['12', '13'])).toBeUndefined();
	});
});

describe('chooseEncoding', () => {
	const bytes = (...values: number[]) => new Uint8Array(values);

	it('reads byte-order marks', () => {
		expect(chooseEncoding(bytes(0xef, 0xbb, 0xbf, 0x61))).toBe('utf-8');
		expect(chooseEncoding(bytes(0xff, 0xfe, 0x61, 0))).toBe('utf-16le');
		expect(chooseEncoding(bytes(0xfe, 0xff, 0, 0x61))).toBe('utf-16be');
	});

	it('takes UTF-8 when the start is valid UTF-8, else Windows-1252 for text', () => {
		expect(chooseEncoding(new TextEncoder().encode('a,b\nJosé,1\n'))).toBe('utf-8');
		expect(chooseEncoding(bytes(0x4a, 0x6f, 0x73, 0xe9, 0x0a))).toBe('windows-1252');
	});

	it('refuses binary files, zip archives and gzip with a specific message', () => {
		const message = (head: Uint8Array) => {
			try {
				chooseEncoding(head);
			} catch (error) {
				if (error instanceof BenchtopError) return error.message;
			}
			return 'no error';
		};
		expect(message(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d))).toMatch(
			/binary data/
		);
		expect(message(bytes(0x50, 0x4b, 3, 4, 20, 0))).toMatch(/Excel workbook/);
		expect(message(bytes(0x1f, 0x8b, 8, 0))).toMatch(/gzip/);
	});
});

describe('readAllText, when the first accent comes late', () => {
	const CHUNK = 1 << 20;
	/** ASCII bytes with `high` put at `at`. */
	const asciiWith = (length: number, at: number, ...high: number[]) => {
		const bytes = new Uint8Array(length).fill(0x61);
		bytes.set(high, at);
		return bytes;
	};
	const notices = async (bytes: Uint8Array<ArrayBuffer>) => {
		const said: string[] = [];
		const text = await readAllText(new Blob([bytes]), { onNotice: (n) => said.push(n.message) });
		return { text, said };
	};

	it('reads Windows-1252 from a byte that is not UTF-8, wherever the read chunks end', async () => {
		// In the second chunk; as the first chunk's last byte (held back as the start of a character);
		// as the file's last byte (held back until the end).
		for (const at of [CHUNK + 10, CHUNK - 1, CHUNK + 99]) {
			const { text, said } = await notices(asciiWith(CHUNK + 100, at, 0xe9));
			expect(text.length).toBe(CHUNK + 100);
			expect(text.indexOf('é')).toBe(at);
			expect(said).toEqual([expect.stringMatching(/read as Windows-1252/)]);
		}
	});

	it('keeps calling UTF-8 that goes wrong after a real UTF-8 accent damaged', async () => {
		const bytes = asciiWith(CHUNK + 100, 10, 0xc3, 0xa9);
		bytes[CHUNK + 10] = 0xe9;
		await expect(notices(bytes)).rejects.toThrow(/^The text stops being valid UTF-8 after byte 1,048,576:/);
	});
});
