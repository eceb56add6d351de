import { describe, expect, it } from 'vitest';
import { ColumnSink, type RaggedPolicy } from '../../../../../src/lib/core/data/import/column-sink.ts';
import { DelimitedParser } from '../../../../../src/lib/core/data/import/delimited-parser.ts';

function collect(text: string, policy: RaggedPolicy): ColumnSink {
	const sink = new ColumnSink(policy);
	const parser = new DelimitedParser(',', sink);
	parser.push(text);
	parser.finish();
	return sink;
}

describe('ColumnSink', () => {
	it('keeps one array of strings per column, never rows', () => {
		const sink = collect('a,b\n1,2\n3,4\n', 'error');
		expect(sink.header).toEqual(['a', 'b']);
		expect(sink.columns.map((c) => c.materialize())).toEqual([
			['1', '3'],
			['2', '4']
		]);
		expect(sink.rows).toBe(2);
	});

	it('drops empty and blank lines and counts them, but keeps a quoted empty value', () => {
		const sink = collect('\na\n1\n  \n""\n\n2\n', 'error');
		expect(sink.header).toEqual(['a']);
		expect(sink.columns.map((c) => c.materialize())).toEqual([['1', '', '2']]);
		expect(sink.emptyLines).toBe(3);
	});

	it('pads short rows and cuts long ones when asked to pad', () => {
		const sink = collect('a,b,c\n1\n2,3,4,5\n', 'pad');
		expect(sink.columns.map((c) => c.materialize())).toEqual([
			['1', '2'],
			['', '3'],
			['', '4']
		]);
		expect(sink.ragged).toBe(2);
		expect(sink.firstRagged).toEqual([
			{ line: 2, fields: 1 },
			{ line: 3, fields: 4 }
		]);
	});

	it('takes back the fields of a skipped row', () => {
		const sink = collect('a,b,c\n1,2\n3,4,5\n6,7,8,9\n', 'skip');
		expect(sink.columns.map((c) => c.materialize())).toEqual([['3'], ['4'], ['5']]);
		expect(sink.rows).toBe(1);
	});

	it('stops keeping values once the import must fail, but counts every ragged row', () => {
		const lines = ['a,b'];
		for (let i = 0; i < 100; i++) lines.push(i % 10 === 0 ? '1' : '1,2');
		const sink = collect(lines.join('\n'), 'error');
		expect(sink.ragged).toBe(10);
		expect(sink.firstRagged.map((r) => r.line)).toEqual([2, 12, 22, 32, 42]);
		expect(sink.columns).toEqual([]);
	});
});
