// IndexedDB write and reopen of a generated 1,000,000 × 10 table (100,000 with --quick) as one Arrow
// blob, in Chromium, through the studio's own registry. The page code is served by a Vite dev server.
import { createServer } from 'vite';
import type { Benchmark } from './types.ts';
import type { RoundTripFigures } from './browser/idb-roundtrip.ts';

export const idbArrowRoundtrip: Benchmark = {
	name: 'idb-arrow-roundtrip',
	description: 'Arrow blob in IndexedDB: save, reopen, read, decode',
	async run({ quick, repoRoot, browser }) {
		const rows = quick ? 100_000 : 1_000_000;
		const server = await createServer({
			configFile: false,
			root: repoRoot,
			logLevel: 'silent',
			server: { host: '127.0.0.1', port: 0, hmr: false },
			optimizeDeps: { entries: ['bench/browser/*.html'] }
		});
		await server.listen();
		const address = server.httpServer?.address();
		const port = typeof address === 'object' && address ? address.port : 0;
		const context = await (await browser()).newContext();
		try {
			const page = await context.newPage();
			await page.goto(`http://127.0.0.1:${port}/bench/browser/idb-roundtrip.html`);
			await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 60_000 });
			const figures = await page.evaluate(
				(n) =>
					(
						globalThis as unknown as { benchRoundTrip(rows: number): Promise<RoundTripFigures> }
					).benchRoundTrip(n),
				rows
			);
			const perSecond = (ms: number) => Math.round(figures.rows / (ms / 1000));
			return {
				rows: { value: figures.rows, unit: 'rows' },
				arrowBytes: { value: figures.arrowBytes, unit: 'B' },
				encodeMs: { value: figures.encodeMs, unit: 'ms' },
				saveMs: { value: figures.saveMs, unit: 'ms' },
				reopenMs: { value: figures.reopenMs, unit: 'ms' },
				readMs: { value: figures.readMs, unit: 'ms' },
				decodeMs: { value: figures.decodeMs, unit: 'ms' },
				saveRowsPerSecond: { value: perSecond(figures.saveMs), unit: 'rows/s' },
				reloadRowsPerSecond: {
					value: perSecond(figures.reopenMs + figures.readMs + figures.decodeMs),
					unit: 'rows/s'
				}
			};
		} finally {
			await context.close();
			await server.close();
		}
	}
};
