// Runs in Chromium: stores a generated table through the studio's own registry (Arrow blob + record in
// one strict transaction), closes it, reopens it, and reads the table back.
import { tableFromArrowIPC, tableToArrowIPC } from '../../src/lib/core/data/arrow-ipc.ts';
import { openRegistry } from '../../src/lib/core/registry/index.ts';
import { seededTable } from './seeded-table.ts';

export interface RoundTripFigures {
	rows: number;
	arrowBytes: number;
	generateMs: number;
	encodeMs: number;
	saveMs: number;
	reopenMs: number;
	readMs: number;
	decodeMs: number;
}

async function roundTrip(rows: number): Promise<RoundTripFigures> {
	const name = `bench-${rows}-${Date.now()}`;
	const t0 = performance.now();
	const { table, schema } = seededTable(rows, 42);
	const t1 = performance.now();
	const arrow = tableToArrowIPC(table, schema);
	const t2 = performance.now();
	const registry = await openRegistry({ name });
	if (!registry.persistent) throw new Error('IndexedDB is not available in the bench browser.');
	const { record } = await registry.saveDatasetVersion({
		name: 'bench table',
		source: { kind: 'synthetic', generator: 'bench', seed: 42 },
		rows,
		schema,
		arrow
	});
	const t3 = performance.now();
	registry.close();

	const t4 = performance.now();
	const reopened = await openRegistry({ name });
	const tOpen = performance.now();
	const bytes = await reopened.loadDatasetArrow(record.id);
	const t5 = performance.now();
	const back = tableFromArrowIPC(bytes);
	const t6 = performance.now();
	if (back.numRows() !== rows) throw new Error(`read back ${back.numRows()} rows, expected ${rows}`);
	reopened.close();
	await new Promise<void>((resolve) => {
		const request = indexedDB.deleteDatabase(name);
		request.onsuccess = request.onerror = request.onblocked = () => resolve();
	});
	return {
		rows,
		arrowBytes: arrow.byteLength,
		generateMs: t1 - t0,
		encodeMs: t2 - t1,
		saveMs: t3 - t2,
		reopenMs: tOpen - t4,
		readMs: t5 - tOpen,
		decodeMs: t6 - t5
	};
}

(globalThis as { benchRoundTrip?: typeof roundTrip }).benchRoundTrip = roundTrip;
document.body.dataset.ready = 'true';
