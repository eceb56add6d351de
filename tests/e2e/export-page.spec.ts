// The Export page in Chromium: an iris run trained on the Train page is exported as a TF.js zip and as an
// edge bundle (which holds model.js), its embed snippet predicts live in the sandboxed preview; in a fresh
// browser context (nothing stored) the zip is imported as a model version, exports again with the very
// same weights and predicts the same; a zip whose weights were changed is refused with the exact reason.
import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { expect, test } from './fixtures.ts';

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
	await frame.getByRole('button', { name: 'Predict' }).click();
	const output = frame.locator('output');
	await expect(output).not.toBeEmpty();
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

	const before = await previewPrediction(page);
	expect(before).toMatch(/^(setosa|versicolor|virginica) \(\d+\.\d %\)$/);

	const zipA = await download(page, 'Download TF.js zip', testInfo.outputPath('iris-a.zip'));
	const filesA = unzipSync(zipA);
	expect(Object.keys(filesA).sort()).toEqual(['benchtop.json', 'model.json', 'weights.bin']);

	const bundle = unzipSync(await download(page, 'Download bundle (.zip)', testInfo.outputPath('bundle.zip')));
	const modelJs = Object.keys(bundle).find((name) => name.endsWith('/model.js'));
	expect(modelJs).toBeDefined();
	expect(strFromU8(bundle[modelJs!]!)).toContain('export async function predict(rows)');
	expect(Object.keys(bundle).some((name) => name.endsWith('/model.bin'))).toBe(true);

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
