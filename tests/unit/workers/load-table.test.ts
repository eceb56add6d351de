import * as aq from 'arquero';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tableToArrowIPC } from '../../../src/lib/core/data/arrow-ipc.ts';
import { openRegistry } from '../../../src/lib/core/registry/registry.ts';
import type { ColumnSchema } from '../../../src/lib/core/table/column-types.ts';
import { aliasKeptTable, keepTable, loadArrowBytes, loadTable } from '../../../workers/load-table.ts';

const SCHEMA: ColumnSchema[] = [
	{ name: 'x', type: 'integer' },
	{ name: 'label', type: 'text' }
];

function arrowOf(xs: number[]): Uint8Array {
	const table = aq.table({ x: xs, label: xs.map((x) => `row ${x}`) });
	return tableToArrowIPC(table, SCHEMA);
}

function blobOf(bytes: Uint8Array): Blob {
	return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.apache.arrow.file' });
}

afterEach(() => vi.unstubAllGlobals());

describe('loadTable', () => {
	it('decodes a memory ref from its Blob, with the rows that were written', async () => {
		const table = await loadTable({ kind: 'memory', id: 'mem-1', blob: blobOf(arrowOf([4, 5, 6])) }, 'test');
		expect(table.numRows()).toBe(3);
		expect(Array.from(table.array('x') as ArrayLike<number>)).toEqual([4, 5, 6]);
		expect(table.get('label', 2)).toBe('row 6');
	});

	it('reuses the decoded table for the same version id and decodes a new one for another id', async () => {
		const first = await loadTable({ kind: 'memory', id: 'mem-2', blob: blobOf(arrowOf([1])) }, 'test');
		const again = await loadTable({ kind: 'memory', id: 'mem-2', blob: blobOf(arrowOf([1])) }, 'test');
		expect(again).toBe(first);
		const other = await loadTable({ kind: 'memory', id: 'mem-3', blob: blobOf(arrowOf([7, 8])) }, 'test');
		expect(other).not.toBe(first);
		expect(other.numRows()).toBe(2);
	});

	it('reads a stored ref from IndexedDB, and names the worker when there is no storage', async () => {
		vi.stubGlobal('indexedDB', new IDBFactory());
		const registry = await openRegistry();
		expect(registry.persistent).toBe(true);
		const arrow = arrowOf([10, 20]);
		const { record } = await registry.saveDatasetVersion({
			name: 'two rows',
			source: { kind: 'paste' },
			rows: 2,
			schema: SCHEMA,
			arrow
		});
		expect(await loadArrowBytes({ kind: 'stored', id: record.id }, 'test worker')).toEqual(arrow);
		const table = await loadTable({ kind: 'stored', id: record.id }, 'test worker');
		expect(Array.from(table.array('x') as ArrayLike<number>)).toEqual([10, 20]);
		await expect(loadTable({ kind: 'stored', id: 'gone' }, 'test worker')).rejects.toMatchObject({
			code: 'not-found'
		});
	});

	it('a kept pending table answers to its stored id and its pending id after the commit, until replaced', async () => {
		const kept = aq.table({ x: [1, 2], label: ['row 1', 'row 2'] });
		keepTable('pending-1', kept);
		aliasKeptTable('pending-1', 'stored-1');
		// Neither id reads the (empty) Blobs: both get the kept table.
		const empty = blobOf(new Uint8Array(0));
		expect(await loadTable({ kind: 'memory', id: 'pending-1', blob: empty }, 'test')).toBe(kept);
		expect(await loadTable({ kind: 'memory', id: 'stored-1', blob: empty }, 'test')).toBe(kept);
		// Another version replaced it: aliasing the old pending id then changes nothing.
		const other = await loadTable({ kind: 'memory', id: 'mem-9', blob: blobOf(arrowOf([3])) }, 'test');
		aliasKeptTable('pending-1', 'stored-2');
		expect(await loadTable({ kind: 'memory', id: 'mem-9', blob: empty }, 'test')).toBe(other);
		// And the unaliased id reads its own (empty) bytes, not a kept table.
		const own = await loadTable({ kind: 'memory', id: 'stored-2', blob: empty }, 'test');
		expect(own).not.toBe(other);
		expect(own.numRows()).toBe(0);
	});
});
