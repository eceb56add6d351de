import { describe, expect, it } from 'vitest';
import { tableFromArrowIPC, tableToArrowIPC } from '../../../../src/lib/core/data/arrow-ipc.ts';
import { parseDelimitedText } from '../../../../src/lib/core/data/parse-delimited-text.ts';

describe('Arrow IPC round trip', () => {
	it('gives back the same values, nulls and dates', () => {
		const csv =
			'id,score,ok,day,group,note\n1,0.5,true,2020-01-02,a,hello\n2,,false,,b,\n3,2.25,,2021-03-04,a,x y\n';
		const { table, schema } = parseDelimitedText(csv);
		const bytes = tableToArrowIPC(table, schema);
		expect(bytes).toBeInstanceOf(Uint8Array);
		const back = tableFromArrowIPC(bytes);
		expect(back.columnNames()).toEqual(['id', 'score', 'ok', 'day', 'group', 'note']);
		expect(back.objects()).toEqual(table.objects());
		expect(back.get('score', 1)).toBeNull();
		expect(back.get('day', 2)).toEqual(new Date('2021-03-04'));
	});

	it('keeps integers beyond 32 bits exact', () => {
		const { table, schema } = parseDelimitedText('big\n9007199254740991\n1\n');
		const back = tableFromArrowIPC(tableToArrowIPC(table, schema));
		expect(back.get('big', 0)).toBe(9007199254740991);
	});
});
