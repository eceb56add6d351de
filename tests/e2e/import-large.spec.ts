// A real-world-sized file: 1,000,000 rows × 10 columns (about 80 MB) imports without freezing the page
// (main-thread tasks watched with the Long Tasks API), and Cancel really stops it.
//
// No main-thread task may keep the page busy for more than 50 ms. Parsing, typing, hashing and storing
// run in the data worker, and the table fetches only the rows in sight from it, so the page never holds
// the 56 MB version; opening the new version is split into small tasks (header, table head, rows, then
// the profile). The 50 ms bound is checked on each task's CPU time, from a Chromium trace of the main
// thread. The Long Tasks API's wall time is recorded too, and only a gross freeze (1 s) fails on it: a
// task's wall time counts the time it waits for a core or for the browser process (the data worker,
// IndexedDB and the GPU process share 2 cores with it), and on a slow CI machine a task of 28 ms of CPU
// has measured 301 ms of wall time (5–20 ms of CPU: 57–151 ms on faster ones). What the wall bound is
// for is a task that blocks on something while using little CPU, a synchronous wait a person feels.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { generateCsv } from '../generated-csv.ts';
import { MainThreadTrace } from './main-thread-trace.ts';

const ROWS = 1_000_000;
let dir: string;
let file: string;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'benchtop-large-'));
	file = join(dir, 'million.csv');
	writeFileSync(file, generateCsv(ROWS));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LONGEST_TASK_CPU_MS = 50;
const LONGEST_TASK_WALL_MS = 1000;

test('a million-row CSV imports with progress and no long main-thread task', async ({ page }) => {
	await page.addInitScript(() => {
		const w = window as unknown as { longTasks: number[] };
		w.longTasks = [];
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) w.longTasks.push(Math.round(entry.duration));
		}).observe({ type: 'longtask', buffered: false });
	});
	await page.goto('/data');
	await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
	await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0));
	const trace = await MainThreadTrace.start(page);
	const started = Date.now();
	await page.getByLabel('Choose a file…').setInputFiles(file);
	await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
	// Playwright's role and text queries run in the page, on the main thread, and the long-task observer
	// counts them too; while the tasks are being watched, the waits use plain CSS selectors instead.
	const heading = page.locator('h2', { hasText: /^million$/ });
	await expect(heading).toBeVisible({ timeout: 150_000 });
	const count = `${ROWS.toLocaleString('en')} of ${ROWS.toLocaleString('en')} rows`;
	await expect(page.locator('form[aria-label="Filter rows"] .count')).toHaveText(count);
	const seconds = (Date.now() - started) / 1000;
	const preview = page.locator('[role="region"][aria-label="Data preview"]');
	await preview.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
	await expect(preview.locator('td.index', { hasText: /^500,001$/ })).toBeVisible();
	const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
	const tasks = await trace.stop();
	const longestCpu = tasks[0]?.cpuMs ?? 0;
	const description =
		`${ROWS} rows in ${seconds.toFixed(1)} s; ${tasks.length} main-thread tasks, longest ${longestCpu.toFixed(1)} ms ` +
		`of CPU (top 5: ${tasks.slice(0, 5).map((t) => `${t.cpuMs.toFixed(1)} cpu/${t.wallMs.toFixed(0)} wall`)}); ` +
		`long tasks by wall time: ${JSON.stringify(longTasks)} ` +
		`(in the trace: ${tasks.filter((t) => t.wallMs > 50).map((t) => `${t.wallMs.toFixed(0)} wall/${t.cpuMs.toFixed(1)} cpu at ${t.atMs.toFixed(0)} ms`)})`;
	test.info().annotations.push({ type: 'import', description });
	console.log(description);
	await expect(page.getByRole('heading', { level: 2, name: 'million' })).toBeVisible();
	await expect(page.getByText(count)).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Data preview' }).getByRole('cell', { name: '500,001', exact: true })
	).toBeVisible();
	expect(longestCpu, `CPU time of the longest main-thread task: ${description}`).toBeLessThanOrEqual(
		LONGEST_TASK_CPU_MS
	);
	expect(
		Math.max(0, ...longTasks),
		`longest main-thread task by wall time (all: ${longTasks})`
	).toBeLessThanOrEqual(LONGEST_TASK_WALL_MS);
});

test('Cancel stops a running import and stores nothing', async ({ page }) => {
	await page.goto('/data');
	await page.getByLabel('Choose a file…').setInputFiles(file);
	await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible({ timeout: 30_000 });
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.locator('[role="alert"][data-code="aborted"]')).toContainText(
		'Import cancelled. Nothing was stored.'
	);
	await expect(page.getByText('No data sets yet.')).toBeVisible();
});
