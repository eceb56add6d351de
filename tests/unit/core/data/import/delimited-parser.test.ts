import { describe, expect, it } from 'vitest';
import { DelimitedParser, type FieldSink } from '../../../../../src/lib/core/data/import/delimited-parser.ts';

/** Collects whole records, for asserting on the parser alone. */
class Records implements FieldSink {
	readonly rows: string[][] = [];
	readonly lines: number[] = [];
	readonly quoted: boolean[][] = [];
	private row: string[] = [];
	private flags: boolean[] = [];
	field(value: string, quoted: boolean): void {
		this.row.push(value);
		this.flags.push(quoted);
	}
	endRecord(line: number): void {
		this.rows.push(this.row);
		this.quoted.push(this.flags);
		this.lines.push(line);
		this.row = [];
		this.flags = [];
	}
}

function parse(chunks: string[], delimiter = ','): Records {
	const records = new Records();
	const parser = new DelimitedParser(delimiter, records);
	for (const chunk of chunks) parser.push(chunk);
	parser.finish();
	return records;
}

const TRICKY = 'a,b,c\r\n1,"x, ""y""\r\nz",3\r\n\r\n"",,"end"\n4,5,6\r7,"""",9';
const EXPECTED = [
	['a', 'b', 'c'],
	['1', 'x, "y"\r\nz', '3'],
	[''],
	['', '', 'end'],
	['4', '5', '6'],
	['7', '"', '9']
];

describe('DelimitedParser', () => {
	it('gives the same records wherever the chunks are cut', () => {
		for (let cut = 0; cut <= TRICKY.length; cut++) {
			expect(parse([TRICKY.slice(0, cut), TRICKY.slice(cut)]).rows, `cut at ${cut}`).toEqual(EXPECTED);
		}
		for (let cut = 1; cut < TRICKY.length - 1; cut++) {
			const three = [TRICKY.slice(0, cut), TRICKY.slice(cut, cut + 1), TRICKY.slice(cut + 1)];
			expect(parse(three).rows, `one-character chunk at ${cut}`).toEqual(EXPECTED);
		}
		expect(parse([...TRICKY]).rows).toEqual(EXPECTED);
	});

	it('reports the line each record starts on, counting line breaks inside quotes', () => {
		expect(parse([TRICKY]).lines).toEqual([1, 2, 4, 5, 6, 7]);
	});

	it('says which fields were quoted, so "" is a value and an empty line is not', () => {
		const records = parse(['a\n""\n\n']);
		expect(records.rows).toEqual([['a'], [''], ['']]);
		expect(records.quoted).toEqual([[false], [true], [false]]);
	});

	it('ends a last record that has no line break, including a trailing empty field', () => {
		expect(parse(['a,b\n1,']).rows).toEqual([
			['a', 'b'],
			['1', '']
		]);
		expect(parse(['a,b\n']).rows).toEqual([['a', 'b']]);
	});

	it('splits on any one-character delimiter', () => {
		expect(parse(['a;b\n"1;2";3\n'], ';').rows).toEqual([
			['a', 'b'],
			['1;2', '3']
		]);
		expect(parse(['a\tb\n1\t2\n'], '\t').rows[1]).toEqual(['1', '2']);
	});

	// How long these take is measured in bench/core-timings.ts (parse-5mb-field), not asserted here.
	it('keeps a 5 MB field whole, whether quoted or not', () => {
		const big = 'x'.repeat(5_000_000);
		for (const field of [`"${big}"`, big, `"${big.slice(0, 2_500_000)}""${big.slice(2_500_001)}"`]) {
			const text = `a,b\n1,${field}\n2,y\n`;
			const chunks = text.match(/[\s\S]{1,65536}/g)!;
			const { rows } = parse(chunks);
			expect(rows[1]![1]!.length).toBe(5_000_000);
			expect(rows[2]).toEqual(['2', 'y']);
		}
	});

	it('reads very wide rows of quoted fields', () => {
		const wide = Array.from({ length: 50_000 }, (_, i) => `"c${i}"`).join(',');
		const { rows, lines } = parse([`${wide}\n${wide}\n"a\nb"\n`]);
		expect(rows[1]!.length).toBe(50_000);
		expect(rows[1]![49_999]).toBe('c49999');
		expect(lines).toEqual([1, 2, 3]);
	});

	it('names the line and column where an unclosed quote opened', () => {
		expect(() => parse(['a,b\n1,2\n3,"open\n4,5\n'])).toThrow(
			/^A quoted field that starts on line 3, column 2 is never closed/
		);
	});

	it('rejects a delimiter that cannot work', () => {
		expect(() => parse(['a'], '::')).toThrow(/one character/);
		expect(() => parse(['a'], '"')).toThrow(/other than a quote/);
	});
});
