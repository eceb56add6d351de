// "Continue training" on a version trained with binary cross-entropy, in Chromium: two of iris's species as
// a two-class target, trained on the Train page with the loss set to binary cross-entropy and saved as v1
// (with its optimizer state); continued 5 more epochs on the same data from v1's continue page → v2, a
// child trained further from v1 with the optimizer state, both versions scored on the same test rows.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.ts';
import { importCsv } from './import-file.ts';
import { saveAsModel, trainRun } from './train-and-save.ts';
import { targetSelect } from './target-select.ts';
import { shot } from './shots.ts';

const iris = readFileSync(fileURLToPath(new URL('../../sample-datasets/iris.csv', import.meta.url)), 'utf8')
	.trimEnd()
	.split('\n');
// Versicolor against virginica: 100 rows, two classes.
const twoSpecies = `${iris.filter((line, i) => i === 0 || !line.endsWith('setosa')).join('\n')}\n`;

test('a version trained with binary cross-entropy trains further as a child version', async ({ page }) => {
	test.setTimeout(360_000);
	const id = await importCsv(page, 'iris-two.csv', twoSpecies);
	await page.goto(`/train?id=${encodeURIComponent(id)}`);
	await expect(page.getByTestId('task-reason')).not.toContainText('Reading');
	await targetSelect(page).selectOption('species');
	await page.locator('summary', { hasText: 'Training settings' }).click();
	await page.getByLabel('Loss').selectOption('binary-cross-entropy');
	await page.getByLabel('Epochs', { exact: true }).fill('12');
	await page.getByLabel('Epochs', { exact: true }).press('Tab');
	await trainRun(page);
	const saved = await saveAsModel(page, { name: 'Two species', from: 'run list' });
	await expect(saved).toContainText('version 1');

	await page.goto('/models');
	await page.getByTestId('model-card').getByRole('link', { name: 'v1', exact: true }).click();
	await page.getByTestId('version-detail').getByRole('link', { name: 'Continue training' }).click();
	await expect(page.getByRole('heading', { name: 'Two species v1' })).toBeVisible();
	await expect(page.getByText(/optimizer state kept/)).toBeVisible();
	await expect(page.getByTestId('continue-refused')).toHaveCount(0);
	await page.getByLabel('More epochs').fill('5');
	await page.getByRole('button', { name: 'Continue training' }).click();
	const result = page.getByTestId('continue-result');
	await expect(result.getByRole('heading')).toHaveText('Two species v2, trained further from v1', {
		timeout: 90_000
	});
	await expect(result).toContainText(/went on from epoch \d+ on the same data, with the optimizer state/);
	const accuracy = result.getByRole('row', { name: /^accuracy/ });
	await expect(accuracy.getByRole('cell').nth(0)).toHaveText(/^0\.\d{3}|^1\.000$/);
	await expect(accuracy.getByRole('cell').nth(1)).toHaveText(/^0\.\d{3}|^1\.000$/);
	await shot(page, 'continue-bce-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await shot(page, 'continue-bce-390');
});
