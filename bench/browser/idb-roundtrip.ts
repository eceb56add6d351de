// Runs in Chromium: stores a generated table through the studio's own registry (Arrow blob + record in
// one strict transaction), closes it, reopens it, and reads the table back.
import { tableFromArrowIPC, tableToArrowIPC } from '../../src/lib/core/data/arrow-ipc.ts';
import { openRegistry, sha256Hex } from '../../src/lib/core/registry/index.ts';
import { seededTable } from './seeded-table.ts';

export interface RoundTripFigures {
	rows: number;
	arrowBytes: number;
	generateMs: number;
	encodeMs: number;
	/** SHA-256 of the Arrow bytes on their own; saveMs includes the registry's own hash of them. */
	hashMs: number;
	/** Creating the empty database, so that saveMs is the write alone. */
	createMs: number;
	saveMs: number;
	reopenMs: number;
	readMs: number;
	decodeMs: number;
}

const SEED = 42;

/** Times each step in turn: `lap()` returns the milliseconds since the previous call. */
function stopwatch(): () => number {
	let last = performance.now();
	return () => {
		const now = performance.now();
		const elapsed = now - last;
		last = now;
		return elapsed;
	};
}

async function roundTrip(rows: number): Promise<RoundTripFigures> {
	const name = `bench-${rows}-${Date.now()}`;
	const lap = stopwatch();
	const { table, schema } = seededTable(rows, SEED);
	const generateMs = lap();
	const arrow = tableToArrowIPC(table, schema);
	const encodeMs = lap();
	await sha256Hex(arrow);
	const hashMs = lap();
	const registry = await openRegistry({ name });
	if (!registry.persistent) throw new Error('IndexedDB is not available in the bench browser.');
	const createMs = lap();
	const { record } = await registry.saveDatasetVersion({
		name: 'bench table',
		source: { kind: 'synthetic', generator: 'bench', seed: SEED },
		rows,
		schema,
		arrow
	});
	const saveMs = lap();
	registry.close();

	lap();
	const reopened = await openRegistry({ name });
	const reopenMs = lap();
	const bytes = await reopened.loadDatasetArrow(record.id);
	const readMs = lap();
	const back = tableFromArrowIPC(bytes);
	const decodeMs = lap();
	reopened.close();
	if (back.numRows() !== rows) throw new Error(`read back ${back.numRows()} rows, expected ${rows}`);
	if (bytes.byteLength !== arrow.byteLength) {
		throw new Error(`read back ${bytes.byteLength} bytes, wrote ${arrow.byteLength}`);
	}
	await new Promise<void>((resolve) => {
		const request = indexedDB.deleteDatabase(name);
		request.onsuccess = request.onerror = request.onblocked = () => resolve();
	});
	return {
		rows,
		arrowBytes: arrow.byteLength,
		generateMs,
		encodeMs,
		hashMs,
		createMs,
		saveMs,
		reopenMs,
		readMs,
		decodeMs
	};
}

(globalThis as { benchRoundTrip?: typeof roundTrip }).benchRoundTrip = roundTrip;
document.body.dataset.ready = 'true';
