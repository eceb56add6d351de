// The Export page in Chromium: an iris run trained on the Train page is exported as a TF.js zip and as an
// edge bundle (which holds model.js), its embed snippet predicts live in the sandboxed preview; in a fresh
// browser context (nothing stored) the zip is imported as a model version, exports again with the very
// same weights and predicts the same; a zip whose weights were changed is refused with the exact reason.
import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { expect, test } from './fixtures.ts';
import { shot } from './shots.ts';

const ROW = { sepal_length: '6.1', sepal_width: '2.8', petal_length: '4.7', petal_width: '1.2' };

async function trainIris(page: Page): Promise<void> {
	await page.goto('/');
	await page.getByRole('button', { name: 'Open Iris flowers' }).click();
	await page.waitForURL(/\/data\?id=/);
	const id = new URL(page.url()).searchParams.get('id')!;
	await page.goto(`/train?id=${encodeURIComponent(id)}`);
	await expect(page.getByTestId('task-reason')).toContainText('classification');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(page.getByRole('list', { name: 'Runs' }).getByRole('listitem')).toHaveCount(1, {
		timeout: 90_000
	});
}

/** Fills the live preview's form with ROW and returns what the snippet shows. */
async function previewPrediction(page: Page): Promise<string> {
	await expect(page.getByTestId('embed-status')).toContainText('Live', { timeout: 30_000 });
	const frame = page.frameLocator('iframe[title="Embed preview"]');
	for (const [name, value] of Object.entries(ROW)) await frame.locator(`input[name="${name}"]`).fill(value);
	const predict = frame.getByRole('button', { name: 'Predict' });
	const output = frame.locator('output');
	// The snippet shows "Predicting…" at once, then the answer or why there is none. Once in CI a click on
	// the int8 frame reached no handler (the form filled, the output still empty 15 s later; not reproduced):
	// the frame now keeps the form disabled until its script has run (preview.js), which fill and click wait
	// for. Should a click still be lost, it is pressed again, as a person would: the answer must still come.
	await expect(async () => {
		if ((await output.textContent()) === '') await predict.click();
		await expect(output).not.toHaveText('', { timeout: 3000 });
	}).toPass({ timeout: 20_000 });
	await expect(output).not.toHaveText(/^(Predicting…)?$/);
	// The frame grows to what it shows: the answer is in sight, not below a fixed-height frame's edge.
	await expect(output).toBeInViewport();
	return output.innerText();
}

async function download(page: Page, button: string, path: string): Promise<Uint8Array> {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: button }).click()
	]);
	await file.saveAs(path);
	return new Uint8Array(await readFile(path));
}

test('iris: TF.js zip out and back in a fresh context, same weights and predictions; the bundle holds model.js; a tampered zip is refused', async ({
	page,
	browser
}, testInfo) => {
	test.setTimeout(240_000);
	await trainIris(page);
	await page.goto('/export');
	await expect(page.getByLabel('Model version or run').locator('option')).toHaveCount(1);

	// Variants with their sizes and measured test metrics, before any download.
	const variants = page.getByTestId('bundle-variants');
	await expect(variants.locator('tbody tr')).toHaveCount(3, { timeout: 30_000 });
	await expect(variants.locator('thead')).toContainText('Test accuracy');
	await expect(variants.locator('tr[data-variant="int8"]')).toContainText(/B/);

	// The figures the README reports: each variant's weights and measured test metrics, and the prediction.
	console.log(`iris variants:\n${await variants.innerText()}`);
	const before = await previewPrediction(page);
	console.log(`iris preview for ${JSON.stringify(ROW)}: ${before}`);
	expect(before).toMatch(/^(setosa|versicolor|virginica) \(\d+\.\d %\)$/);

	const zipA = await download(page, 'Download TF.js zip', testInfo.outputPath('iris-a.zip'));
	const filesA = unzipSync(zipA);
	// The optimizer's state rides along, so `benchtop train --init` on the zip goes on from it.
	expect(Object.keys(filesA).sort()).toEqual([
		'benchtop.json',
		'model.json',
		'optimizer.bin',
		'optimizer.json',
		'weights.bin'
	]);

	// The int8 variant: the preview reruns on it (same label), and the bundle downloaded is that variant.
	await page.getByRole('radio', { name: /int8/ }).check();
	await expect(page.getByTestId('embed-status')).toContainText('int8', { timeout: 30_000 });
	const int8 = await previewPrediction(page);
	console.log(`int8 preview: ${int8}`);
	expect(int8.split(' ')[0]).toBe(before.split(' ')[0]);
	const bundle = unzipSync(await download(page, 'Download bundle (.zip)', testInfo.outputPath('bundle.zip')));
	const modelJs = Object.keys(bundle).find((name) => name.endsWith('/model.js'));
	expect(modelJs).toBeDefined();
	expect(strFromU8(bundle[modelJs!]!)).toContain('export async function predict(rows)');
	expect(Object.keys(bundle).some((name) => name.endsWith('/model.bin'))).toBe(true);
	expect(strFromU8(bundle[modelJs!]!)).toContain('"quantize":"int8"');

	// A fresh context: nothing stored, so the page says how to get a model; then the zip comes in.
	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await other.goto('/export');
	await expect(other.getByTestId('export-empty')).toContainText('No model to export yet');

	const weights = filesA['weights.bin']!.slice();
	weights[12] = weights[12]! ^ 0x40;
	const tampered = testInfo.outputPath('tampered.zip');
	await writeFile(tampered, zipSync({ ...filesA, 'weights.bin': weights }));
	await other.getByLabel('Model files').setInputFiles(tampered);
	await expect(other.getByRole('alert')).toContainText(
		/^weights\.bin has SHA-256 [0-9a-f]{12}…, but benchtop\.json records weightsSha256 [0-9a-f]{12}…: the weights were changed or belong to another model/
	);
	await expect(other.getByTestId('import-accepted')).toHaveCount(0);

	await other.getByLabel('Model files').setInputFiles(testInfo.outputPath('iris-a.zip'));
	await expect(other.getByTestId('import-accepted')).toContainText('Accepted');
	await other.getByLabel('Save as model').fill('iris imported');
	await other.getByRole('button', { name: 'Save as model version' }).click();
	await expect(other.getByTestId('import-saved')).toHaveText('Saved as iris imported v1.');
	await expect(other.getByLabel('Model version or run')).toHaveValue(/^version:/);

	const after = await previewPrediction(other);
	expect(after).toBe(before);
	const filesB = unzipSync(await download(other, 'Download TF.js zip', testInfo.outputPath('iris-b.zip')));
	expect(filesB['weights.bin']).toEqual(filesA['weights.bin']);
	expect(JSON.parse(strFromU8(filesB['model.json']!))).toEqual(JSON.parse(strFromU8(filesA['model.json']!)));
	const recordA = JSON.parse(strFromU8(filesA['benchtop.json']!));
	const recordB = JSON.parse(strFromU8(filesB['benchtop.json']!));
	expect(recordB.recipe).toEqual(recordA.recipe);
	expect(recordB.run.metrics.test).toEqual(recordA.run.metrics.test);
	expect(recordB.lineage).toMatchObject({ model: 'iris imported', version: 1 });
	await fresh.close();
});

test('a plain TF.js model (three shards, picked as loose files) needs its input columns named, then predicts; a Lambda layer is refused; 390 px and keyboard', async ({
	page
}, testInfo) => {
	const fixture = (name: string) => `tests/fixtures/tfjs/mlp-three-shards/${name}`;
	await page.goto('/export');
	await expect(page.getByTestId('export-empty')).toBeVisible();

	const lambda = JSON.parse(await readFile('tests/fixtures/tfjs/mlp-one-shard/model.json', 'utf8'));
	lambda.modelTopology.config.layers[1].class_name = 'Lambda';
	const lambdaPath = testInfo.outputPath('model.json');
	await writeFile(lambdaPath, JSON.stringify(lambda));
	await page
		.getByLabel('Model files')
		.setInputFiles([lambdaPath, 'tests/fixtures/tfjs/mlp-one-shard/weights.bin']);
	await expect(page.getByRole('alert')).toContainText(
		'model.json: layer 2 (dropout_Dropout1) is a "Lambda" layer; an imported model may hold only InputLayer, Dense, Dropout, BatchNormalization, Conv2D, MaxPooling2D, Flatten layers (a table network or a small CNN)'
	);

	await page
		.getByLabel('Model files')
		.setInputFiles([
			fixture('model.json'),
			fixture('group1-shard1of3.bin'),
			fixture('group1-shard2of3.bin'),
			fixture('group1-shard3of3.bin')
		]);
	const accepted = page.getByTestId('import-accepted');
	await expect(accepted).toContainText('6 inputs → 2 outputs (linear), 418 weights');
	await page.getByLabel('Input columns (6, comma-separated)').fill('a, b, c');
	await page.getByLabel('Save as model').fill('wide');
	await page.getByRole('button', { name: 'Save as model version' }).click();
	await expect(page.getByRole('alert')).toContainText('The model has 6 inputs; 3 names were given.');
	await page.getByLabel('Input columns (6, comma-separated)').fill('u1, u2, u3, u4, u5, u6');
	// Keyboard only: focus the save button and press Enter.
	await page.getByRole('button', { name: 'Save as model version' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('import-saved')).toHaveText('Saved as wide v1.');

	// The preview runs the imported network: TF.js's own outputs for this row are in expected.json.
	const expected = JSON.parse(await readFile(fixture('expected.json'), 'utf8'));
	await expect(page.getByTestId('embed-status')).toContainText('Live', { timeout: 30_000 });
	const frame = page.frameLocator('iframe[title="Embed preview"]');
	const row: number[] = expected.rows[0];
	for (let i = 0; i < 6; i++) await frame.locator(`input[name="u${i + 1}"]`).fill(String(row[i]));
	await frame.getByRole('button', { name: 'Predict' }).press('Enter');
	const shown = await frame.locator('output').innerText();
	const values = [...shown.matchAll(/y\d: (-?[\d.e-]+)/g)].map((m) => Number(m[1]));
	expect(values).toHaveLength(2);
	values.forEach((v, k) => expect(Math.abs(v - expected.outputs[0][k])).toBeLessThan(5e-4));

	await shot(page, 'export-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await shot(page, 'export-390');
});
