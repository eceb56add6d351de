// IndexedDB write and reopen of a generated 1,000,000 × 10 table (100,000 with --quick) as one Arrow
// blob, in Chromium, through the studio's own registry. The page code is served by a Vite dev server.
import { join } from 'node:path';
import { createServer } from 'vite';
import type { Benchmark, Figure } from './types.ts';
import type { RoundTripFigures } from './browser/idb-roundtrip.ts';
import { openBenchPage, type BenchPage } from './browser-page.ts';

export const idbArrowRoundtrip: Benchmark = {
	name: 'idb-arrow-roundtrip',
	description: 'Arrow blob in IndexedDB through the registry: save, reopen, read, decode',
	async run({ quick, repoRoot, browser }) {
		const rows = quick ? 100_000 : 1_000_000;
		const server = await createServer({
			configFile: false,
			root: repoRoot,
			// Its own cache, so the bench never invalidates the deps `vite dev` optimized for the studio.
			cacheDir: join(repoRoot, 'node_modules', '.vite-bench'),
			// Not the root tsconfig: it extends .svelte-kit/tsconfig.json, which a fresh clone lacks.
			tsconfig: join(repoRoot, 'bench', 'browser', 'tsconfig.vite.json'),
			logLevel: 'silent',
			server: { host: '127.0.0.1', port: 0, hmr: false },
			optimizeDeps: { entries: ['bench/browser/*.html'] }
		});
		let bench: BenchPage | undefined;
		try {
			await server.listen();
			const address = server.httpServer?.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			bench = await openBenchPage(
				await browser(),
				`http://127.0.0.1:${port}/bench/browser/idb-roundtrip.html`
			);
			const f = await bench.page.evaluate(
				(n) =>
					(
						globalThis as unknown as { benchRoundTrip(rows: number): Promise<RoundTripFigures> }
					).benchRoundTrip(n),
				rows
			);
			bench.assertClean();
			const ms = (value: number, note?: string): Figure => ({ value, unit: 'ms', note });
			const perSecond = (value: number, note: string): Figure => ({
				value: Math.round(f.rows / (value / 1000)),
				unit: 'rows/s',
				note
			});
			return {
				rows: { value: f.rows, unit: 'rows', note: '10 columns: 4 float64, 3 int32, 3 dictionary strings' },
				arrowBytes: { value: f.arrowBytes, unit: 'B', note: 'Arrow IPC file format' },
				generateMs: ms(f.generateMs, 'in the page, mulberry32 seed 42'),
				encodeMs: ms(f.encodeMs, 'tableToArrowIPC (arquero toArrowIPC)'),
				hashMs: ms(f.hashMs, 'SHA-256 of the bytes; saveMs includes it'),
				createMs: ms(f.createMs, 'opening a new, empty database'),
				saveMs: ms(f.saveMs, 'saveDatasetVersion: hash, Blob, one strict transaction'),
				reopenMs: ms(f.reopenMs, 'openRegistry after close'),
				readMs: ms(f.readMs, 'loadDatasetArrow: Blob to bytes'),
				decodeMs: ms(f.decodeMs, 'arquero fromArrow: numeric columns stay zero-copy views'),
				saveRowsPerSecond: perSecond(f.saveMs, 'rows / saveMs'),
				reloadRowsPerSecond: perSecond(f.reopenMs + f.readMs + f.decodeMs, 'rows / (reopen + read + decode)')
			};
		} finally {
			await bench?.close();
			await server.close();
		}
	}
};
