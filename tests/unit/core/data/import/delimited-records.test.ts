import { describe, expect, it } from 'vitest';
import { DelimitedRecords } from '../../../../../src/lib/core/data/import/delimited-records.ts';

function parse(chunks: string[], delimiter = ','): { rows: string[][]; lines: number[] } {
	const rows: string[][] = [];
	const lines: number[] = [];
	const parser = new DelimitedRecords(delimiter, (fields, line) => {
		rows.push(fields);
		lines.push(line);
	});
	for (const chunk of chunks) parser.push(chunk);
	parser.finish();
	return { rows, lines };
}

const TRICKY = 'a,b,c\r\n1,"x, ""y""\r\nz",3\r\n\r\n"",,"end"\n4,5,6';
const EXPECTED = [
	['a', 'b', 'c'],
	['1', 'x, "y"\r\nz', '3'],
	['', '', 'end'],
	['4', '5', '6']
];

describe('DelimitedRecords', () => {
	it('gives the same records wherever the chunks are cut', () => {
		for (let cut = 0; cut <= TRICKY.length; cut++) {
			expect(parse([TRICKY.slice(0, cut), TRICKY.slice(cut)]).rows, `cut at ${cut}`).toEqual(EXPECTED);
		}
		expect(parse([...TRICKY]).rows).toEqual(EXPECTED);
	});

	it('reports the line each record starts on, counting line breaks inside quotes', () => {
		expect(parse([TRICKY]).lines).toEqual([1, 2, 5, 6]);
	});

	it('keeps a 5 MB field whole, in linear time', () => {
		const big = 'x'.repeat(5_000_000);
		const text = `a,b\n1,"${big}"\n2,y\n`;
		const chunks = text.match(/[\s\S]{1,65536}/g)!;
		const start = performance.now();
		const { rows } = parse(chunks);
		expect(rows[1]![1]!.length).toBe(5_000_000);
		expect(rows[2]).toEqual(['2', 'y']);
		expect(performance.now() - start).toBeLessThan(2000);
	});

	it('names the line where an unclosed quote opened', () => {
		expect(() => parse(['a,b\n1,2\n3,"open\n4,5\n'])).toThrow(/starts on line 3 is never closed/);
	});

	it('rejects a delimiter that is not one character', () => {
		expect(() => parse(['a'], '::')).toThrow(/one character/);
	});
});
