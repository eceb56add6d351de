// The exported bundle in Chromium, outside the studio: a model trained and exported by the CLI (the
// seattle-weather table: a date and numbers, a category target), served as a plain static folder. In a
// module Web Worker its predictions equal the studio's TF.js predictions (`benchtop predict` on the model
// folder) within 1e-5; the demo page's <benchtop-model> element draws a form from the schema and predicts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { shot } from './shots.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const sample = join(repo, 'sample-datasets', 'seattle-weather.csv');
const TYPES: Record<string, string> = {
	'.js': 'text/javascript',
	'.html': 'text/html; charset=utf-8',
	'.bin': 'application/octet-stream',
	'.json': 'application/json'
};

let server: Server;
let base: string;
let rows: Record<string, string>[];
let expected: string[][];

function cli(args: string[]): string {
	return execFileSync(process.execPath, [join(repo, 'src/cli/benchtop.js'), ...args], { encoding: 'utf8' });
}

test.beforeAll(async () => {
	test.setTimeout(300_000); // trains and predicts with the CLI first: minutes on a busy machine
	const folder = mkdtempSync(join(tmpdir(), 'benchtop-e2e-bundle-'));
	const model = join(folder, 'model');
	const bundle = join(folder, 'bundle');
	cli(['train', sample, '--target', 'weather', '--epochs', '2', '--seed', '3', '--out', model]);
	cli(['export', model, '--bundle', bundle]);
	expected = cli(['predict', model, sample])
		.trimEnd()
		.split('\n')
		.map((line) => line.split(','));
	const [header, ...lines] = readFileSync(sample, 'utf8').trimEnd().split('\n');
	const names = header!.split(',');
	rows = lines.map((line) => Object.fromEntries(line.split(',').map((cell, j) => [names[j]!, cell])));
	writeFileSync(
		join(bundle, 'worker.js'),
		"import { predict } from './model.js';\nself.onmessage = async (event) => self.postMessage(await predict(event.data));\n"
	);
	server = createServer((req, res) => {
		const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
			/^(\.\.[/\\])+/,
			''
		);
		try {
			const body = readFileSync(join(bundle, path === '/' ? 'index.html' : path));
			res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/plain' });
			res.end(body);
		} catch {
			res.writeHead(404).end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

test.afterAll(() => server?.close());

test('the bundle in a module Web Worker equals the studio’s TF.js predictions', async ({ page }) => {
	await page.goto(`${base}/index.html`);
	const answers = (await page.evaluate(
		(batch) =>
			new Promise((resolve, reject) => {
				const worker = new Worker('./worker.js', { type: 'module' });
				worker.onmessage = (event) => resolve(event.data);
				worker.onerror = (event) => reject(new Error(event.message));
				worker.postMessage(batch);
			}),
		rows
	)) as { label?: string; probabilities?: Record<string, number>; error?: string }[];
	const header = expected[0]!;
	expect(header[0]).toBe('label');
	expect(answers).toHaveLength(rows.length);
	const classes = header.slice(1, -1).map((name) => name.replace(/^p_/, ''));
	let compared = 0;
	answers.forEach((answer, i) => {
		const line = expected[i + 1]!;
		expect(answer.error, `row ${i}`).toBeUndefined();
		expect(answer.label, `row ${i}`).toBe(line[0]);
		classes.forEach((c, j) => {
			expect(
				Math.abs(answer.probabilities![c]! - Number(line[j + 1])),
				`row ${i} p(${c})`
			).toBeLessThanOrEqual(1e-5);
			compared++;
		});
	});
	expect(compared).toBe(rows.length * classes.length);
});

test('the demo page’s <benchtop-model> draws a form from the schema and predicts a row', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto(`${base}/index.html`);
	const element = page.locator('benchtop-model');
	await expect(element.getByRole('button', { name: 'Predict' })).toBeVisible();
	for (const name of ['date', 'precipitation', 'temp_max', 'temp_min', 'wind'])
		await expect(element.getByLabel(name, { exact: false })).toBeVisible();
	await element.getByLabel('date').fill('2015-07-14');
	await element.getByLabel('precipitation').fill('0');
	await element.getByLabel('temp_max').fill('28.3');
	await element.getByLabel('temp_min').fill('14.4');
	await element.getByLabel('wind').fill('2.1');
	await element.getByRole('button', { name: 'Predict' }).click();
	await expect(element.locator('output')).toHaveText(/^(drizzle|rain|sun|snow|fog) \(\d+\.\d%\)$/);
	await shot(page, 'bundle-demo-1280');
	await page.setViewportSize({ width: 390, height: 800 });
	await shot(page, 'bundle-demo-390');
});
