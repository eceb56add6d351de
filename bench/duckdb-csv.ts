// DuckDB-WASM (the same WebAssembly build a page would load) reading a CSV into typed columns, for the
// csv-ingest comparison: run in Node through its blocking bindings, single-threaded as in a page
// without cross-origin isolation. Reports the load into a DuckDB table, and the table out as Arrow.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface DuckDbTimes {
	/** read_csv_auto into a table: parse, sniff and type. */
	loadMs: number;
	/** That table handed to JavaScript as Arrow columns (what the studio would keep). */
	toArrowMs: number;
	rows: number;
	version: string;
}

interface Bindings {
	instantiate(): Promise<unknown>;
	connect(): {
		query(sql: string): { numRows: number; getChildAt(i: number): unknown };
		close(): void;
	};
	registerFileBuffer(name: string, buffer: Uint8Array): void;
	getVersion(): string;
	reset(): void;
}

export async function duckDbReadCsv(bytes: Uint8Array): Promise<DuckDbTimes> {
	const require = createRequire(import.meta.url);
	const entry = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
	const duckdb = require(entry) as {
		createDuckDB(bundles: unknown, logger: unknown, runtime: unknown): Promise<Bindings>;
		VoidLogger: new () => unknown;
		NODE_RUNTIME: unknown;
	};
	const dist = dirname(entry);
	const bundles = {
		mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
		eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
	};
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate();
	const conn = db.connect();
	try {
		db.registerFileBuffer('ingest.csv', bytes);
		let start = performance.now();
		conn.query(`CREATE TABLE ingest AS SELECT * FROM read_csv_auto('ingest.csv')`);
		const loadMs = performance.now() - start;
		start = performance.now();
		const table = conn.query('SELECT * FROM ingest');
		for (let i = 0; i < 10; i++) table.getChildAt(i);
		const toArrowMs = performance.now() - start;
		return { loadMs, toArrowMs, rows: table.numRows, version: db.getVersion() };
	} finally {
		conn.close();
		db.reset();
	}
}
