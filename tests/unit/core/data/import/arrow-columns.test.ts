// Arrow columns built from typed data must store the very bytes the general path stores: a data set's
// content hash is the SHA-256 of those bytes, so a change here would make every stored version "new".
// Checked two ways: against hashes the previous implementation (values through arquero's toArrowIPC)
// wrote for the corpus, the sample data sets and two layout fixtures (committed in
// tests/fixtures/arrow-layout/stored-hashes.json), and against that general path run here on the values
// each import reads back (which holds whatever the readers give).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import {
	arrowTableToIPC,
	tableFromArrowIPC,
	tableToArrowIPC
} from '../../../../../src/lib/core/data/arrow-ipc.ts';
import {
	codedColumn,
	columnFromCells,
	dateColumn,
	numberColumn
} from '../../../../../src/lib/core/data/import/arrow-columns.ts';
import { timestamp, TimeUnit, utf8 } from '@uwdata/flechette';
import { importTable, type ImportResult } from '../../../../../src/lib/core/data/import/index.ts';
import { generateCsv } from '../../../../generated-csv.ts';

const FIXTURES = new URL('../../../../fixtures/', import.meta.url);
const SAMPLES = new URL('../../../../../sample-datasets/', import.meta.url);
const STORED: Record<string, string> = JSON.parse(
	readFileSync(new URL('arrow-layout/stored-hashes.json', FIXTURES), 'utf8')
);

function files(): [string, Blob][] {
	const out: [string, Blob][] = [];
	for (const dir of ['import', 'arrow-layout']) {
		for (const name of readdirSync(new URL(`${dir}/`, FIXTURES)).sort()) {
			if (name.endsWith('.ts') || (name.endsWith('.json') && dir === 'arrow-layout')) continue;
			out.push([`${dir}/${name}`, new Blob([readFileSync(new URL(`${dir}/${name}`, FIXTURES))])]);
		}
	}
	for (const name of readdirSync(SAMPLES).sort()) {
		if (/\.(csv|tsv|json)$/.test(name))
			out.push([`samples/${name}`, new Blob([readFileSync(new URL(name, SAMPLES))])]);
	}
	out.push(['generated-20000.csv', new Blob([generateCsv(20_000)])]);
	return out;
}

async function imported(name: string, blob: Blob): Promise<ImportResult | undefined> {
	try {
		return await importTable(blob, { fileName: name.split('/').pop() });
	} catch {
		return undefined; // the corpus's bad files: refused, nothing stored
	}
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The general path: every value as a JS value (dates as Date) in a plain arquero table. */
function generalBytes(result: ImportResult): Uint8Array {
	const columns: Record<string, unknown[]> = {};
	for (const { name } of result.schema) columns[name] = result.table.array(name) as unknown[];
	return tableToArrowIPC(aq.table(columns), result.schema);
}

describe('Arrow columns from typed data', () => {
	it('store the same bytes as the previous implementation for the corpus, the samples and the layouts', async () => {
		let compared = 0;
		for (const [name, blob] of files()) {
			const expected = STORED[name];
			if (expected === undefined) continue;
			const result = await imported(name, blob);
			expect(result, name).toBeDefined();
			expect(result!.arrow, name).toBeDefined();
			expect(`${name} ${sha256(arrowTableToIPC(result!.arrow!))}`).toBe(`${name} ${expected}`);
			compared++;
		}
		// Every entry of the fixture was found and compared (none skipped by a renamed file).
		expect(compared).toBe(Object.keys(STORED).length);
	}, 60_000);

	it('store the bytes the general path stores for the values each import reads back', async () => {
		let compared = 0;
		for (const [name, blob] of files()) {
			const result = await imported(name, blob);
			if (!result?.arrow) continue;
			expect(sha256(arrowTableToIPC(result.arrow)), name).toBe(sha256(generalBytes(result)));
			compared++;
		}
		expect(compared).toBeGreaterThan(50);
	}, 60_000);

	it('give a table that reads as the stored version decodes', async () => {
		const blob = new Blob([readFileSync(new URL('arrow-layout/arrow-layout.csv', FIXTURES))]);
		const result = (await imported('arrow-layout.csv', blob))!;
		const decoded = tableFromArrowIPC(arrowTableToIPC(result.arrow!));
		expect(result.table.objects()).toEqual(decoded.objects());
		expect(result.table.get('when', 2)).toEqual(new Date(Date.UTC(1969, 6, 20)));
	});
});

describe('numberColumn', () => {
	it('makes NaN missing, and whole numbers that fit int32', () => {
		const column = numberColumn(Float64Array.of(1, Number.NaN, -3), true);
		expect(column.type.typeId).toBe(2); // Int
		expect(Array.from(column)).toEqual([1, null, -3]);
	});

	it('keeps whole numbers beyond int32 as float64', () => {
		const column = numberColumn(Float64Array.of(3e9, Number.NaN), true);
		expect(column.type.typeId).toBe(3); // FloatingPoint
		expect(Array.from(column)).toEqual([3e9, null]);
	});
});

describe('codedColumn', () => {
	it('keys categories in the order rows first show them, merging codes of the same value', () => {
		const column = codedColumn(Uint16Array.of(2, 0, 1, 2, 3), ['a', 'b', 'a', null], 'category');
		expect(Array.from(column)).toEqual(['a', 'a', 'b', 'a', null]);
		const keys = column.data[0]!.values as Int32Array;
		expect(Array.from(keys.subarray(0, 4))).toEqual([0, 0, 1, 0]);
	});

	it('writes dates before 1970 and after 2038 as their milliseconds', () => {
		const times = [Date.UTC(1969, 6, 20), Date.UTC(2100, 0, 1)];
		const column = codedColumn(
			Uint16Array.of(0, 1, 2),
			[new Date(times[0]!), new Date(times[1]!), null],
			'date'
		);
		const values = column.data[0]!.values as BigInt64Array;
		expect(Array.from(values, Number)).toEqual([times[0], times[1], 0]);
		expect(column.nullCount).toBe(1);
	});

	it('lays out text byte for byte as the general path does, from 32-bit codes too', () => {
		const rows = ['ä€', null, 'bc', null, 'ä€', ''];
		const column = codedColumn(Uint32Array.of(0, 1, 2, 1, 0, 3), ['ä€', null, 'bc', ''], 'text');
		expect(Array.from(column)).toEqual(rows);
		const general = columnFromCells(rows, utf8());
		for (const buffer of ['offsets', 'values', 'validity'] as const)
			expect(column.data[0]![buffer], buffer).toEqual(general.data[0]![buffer]);
		expect(column.nullCount).toBe(2);
	});

	it('writes booleans as bits', () => {
		const column = codedColumn(Uint16Array.of(0, 1, 2, 0), [true, false, null], 'boolean');
		expect(Array.from(column)).toEqual([true, false, null, true]);
	});
});

describe('dateColumn', () => {
	it('lays out epoch milliseconds byte for byte as the general path lays out their Dates', () => {
		const times = [Date.UTC(1969, 6, 20, 1, 2, 3, 4), Number.NaN, -8.64e15, 8.64e15, 0, Date.UTC(2100, 0, 1)];
		for (const rows of [times, times.filter((t) => !Number.isNaN(t)), [Number.NaN, Number.NaN]]) {
			const column = dateColumn(Float64Array.from(rows));
			const general = columnFromCells(
				rows.map((t) => (Number.isNaN(t) ? null : new Date(t))),
				timestamp(TimeUnit.MILLISECOND)
			);
			for (const buffer of ['values', 'validity'] as const)
				expect(column.data[0]![buffer], buffer).toEqual(general.data[0]![buffer]);
			expect(column.nullCount).toBe(general.nullCount);
			expect(Array.from(column)).toEqual(Array.from(general));
		}
	});
});
