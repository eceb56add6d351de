// The Data page importing the 1,000,000 × 10 CSV of csv-ingest (100,000 with --quick) in Chromium, on the
// built site: from the file chosen to a scrollable typed table, then to "Saved" (the hash and the store run
// in the background once the rows are drawn) and to the profile's sparklines, with the data worker's own
// breakdown (read and parse, infer, Arrow encode; then hash and store), the page's JS heap, and the CPU
// time of the longest main-thread task (from a trace of the main thread).
// BUILD_DIR and SVELTEKIT_OUT_DIR (as svelte.config.js reads them) choose the build; one is made if
// missing. Wall times on a busy machine stretch: the load average is noted beside them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview } from 'vite';
import { generateCsv } from '../tests/generated-csv.ts';
import { MainThreadTrace } from '../tests/e2e/main-thread-trace.ts';
import type { Benchmark, Figure } from './types.ts';

interface CommitTimings {
	hashAndStoreMs: number;
	startedAt: number;
	finishedAt: number;
}

interface WorkerTimings {
	readAndParseMs: number;
	inferMs: number;
	arrowMs: number;
	hashAndStoreMs: number;
	parts: number;
	startedAt: number;
	finishedAt: number;
}

const TIMEOUT_MS = 300_000;

export const pageImport: Benchmark = {
	name: 'page-import',
	description: 'Data page: a CSV chosen to a scrollable typed table, then its profile (built site, Chromium)',
	async run({ quick, repoRoot, browser }) {
		const rows = quick ? 100_000 : 1_000_000;
		const buildName = process.env.BUILD_DIR ?? 'build';
		if (!existsSync(join(repoRoot, buildName, 'index.html'))) {
			console.log(`page-import: no ${buildName}/index.html, running vite build first ...`);
			execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' });
		}
		const dir = mkdtempSync(join(tmpdir(), 'benchtop-page-import-'));
		const file = join(dir, 'million.csv');
		writeFileSync(file, generateCsv(rows));
		const server = await preview({
			root: repoRoot,
			preview: { host: '127.0.0.1', port: 0, strictPort: false }
		});
		const context = await (await browser()).newContext();
		try {
			const address = server.httpServer.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			const page = await context.newPage();
			// When the first row is drawn, by the page's own clock (Playwright's polling adds its latency).
			await page.addInitScript(() => {
				const w = window as unknown as { firstRowAt?: number };
				new MutationObserver((_, observer) => {
					if (document.querySelector('.detail [aria-label="Data preview"] td.index')) {
						w.firstRowAt = performance.timeOrigin + performance.now();
						observer.disconnect();
					}
				}).observe(document, { subtree: true, childList: true });
			});
			await page.goto(`http://127.0.0.1:${port}/data`);
			await page.locator('h1', { hasText: 'Data' }).waitFor();
			const cdp = await context.newCDPSession(page);
			await cdp.send('Performance.enable');
			const trace = await MainThreadTrace.start(page);
			const started = performance.now();
			const chosenAt = Date.now();
			await page.locator('#file-input').setInputFiles(file);
			// Plain CSS selectors: Playwright's role queries run on the main thread being measured. Inside
			// .detail, as the script above: the page's hidden font sampler draws a preview with a row 1 too
			// (on a loaded CI machine both were on screen at once, a strict-mode failure).
			const firstRow = page.locator('.detail [role="region"][aria-label="Data preview"] td.index', {
				hasText: /^1$/
			});
			await firstRow.waitFor({ timeout: TIMEOUT_MS });
			const tableMs = performance.now() - started;
			const shownAt = Date.now();
			// Both are waited for side by side: the profile may finish before the commit or after it.
			const saved = page
				.locator('[data-testid="save-status"]', { hasText: /^Saved$/ })
				.waitFor({ timeout: TIMEOUT_MS })
				.then(() => performance.now() - started);
			const profiled = page
				.locator('svg.sparkline')
				.first()
				.waitFor({ timeout: TIMEOUT_MS })
				.then(() => performance.now() - started);
			const [savedMs, profileMs] = await Promise.all([saved, profiled]);
			const tasks = await trace.stop();
			const { metrics } = (await cdp.send('Performance.getMetrics')) as {
				metrics: { name: string; value: number }[];
			};
			const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
			const [timings, commitTimings, firstRowAt] = await page.evaluate(() => [
				...['benchtop:import', 'benchtop:commit'].map((name) => {
					const marks = performance.getEntriesByName(name, 'mark') as PerformanceMark[];
					return marks.at(-1)?.detail as unknown;
				}),
				(window as unknown as { firstRowAt?: number }).firstRowAt
			]);
			if (!timings || !commitTimings) {
				throw new Error('the page recorded no import or commit timings (is the build current?)');
			}
			const t = timings as WorkerTimings;
			const c = commitTimings as CommitTimings;
			const ms = (value: number, note?: string): Figure => ({ value, unit: 'ms', ...(note ? { note } : {}) });
			const load = loadavg()[0]!.toFixed(1);
			return {
				rows: { value: rows, unit: 'rows', note: `load average ${load} at the end` },
				timeToTable: ms(
					tableMs,
					'file chosen to the first rows on screen, before the store (goal ≤ 2,000 ms)'
				),
				timeToSaved: ms(savedMs, 'file chosen to "Saved" (hashed and stored in the background)'),
				beforeWorker: ms(
					t.startedAt - chosenAt,
					'file chosen to the data worker starting the import (page, worker start)'
				),
				readAndParse: ms(t.readAndParseMs, `data worker, in ${t.parts} part${t.parts === 1 ? '' : 's'}`),
				infer: ms(t.inferMs, 'typing the columns, building their Arrow columns and the table'),
				arrowEncode: ms(t.arrowMs),
				keepPending: ms(
					t.hashAndStoreMs,
					'the table kept in the worker as a pending version (no copy to the page)'
				),
				afterWorker: ms(
					shownAt - t.finishedAt,
					'worker done to the first rows on screen (route, rows fetched, render)'
				),
				commitStart: ms(
					c.startedAt - Number(firstRowAt),
					'first row in the page (its own clock) to the commit starting (it waits for a drawn frame)'
				),
				hashAndStore: ms(
					c.hashAndStoreMs,
					'in the background: SHA-256 of the Arrow bytes, de-duplication, one IndexedDB write'
				),
				timeToProfile: ms(profileMs, 'file chosen to the header sparklines (the profile, after the table)'),
				longestMainTaskCpu: ms(tasks[0]?.cpuMs ?? 0, `of ${tasks.length} main-thread tasks (goal ≤ 50 ms)`),
				pageJsHeap: { value: heap, unit: 'B', note: 'main thread, after the profile shows' }
			};
		} finally {
			await context.close();
			await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
			rmSync(dir, { recursive: true, force: true });
		}
	}
};
