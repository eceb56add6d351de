// The Models page and the storage panel as a person meets them, at 1280 and 390 px: the empty state, a
// model with two versions and a champion, the error state when another tab moved the storage on; the
// storage panel's usage per data set and per model, whether storage is persistent, the data set delete
// dialog naming the model trained on it, a model deleted after a confirmation naming its versions and
// aliases; and a backup of the workspace, read by slices in a fresh browser, listing the model again.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { openTrain } from './open-train.ts';
import { shot } from './shots.ts';

async function noOverflow(page: Page, what: string): Promise<void> {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow, `horizontal overflow of ${what}`).toBeLessThanOrEqual(0);
}

async function shoot(page: Page, name: string): Promise<void> {
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		await shot(page, `${name}-${width}`);
		await noOverflow(page, `${name} at ${width} px`);
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

async function saveRun(page: Page, name: string): Promise<void> {
	const detail = page.getByRole('region', { name: /MLP|Linear/ });
	await detail.getByRole('button', { name: 'Save as model' }).click();
	const form = detail.getByRole('form', { name: /as a model version/ });
	await form.getByLabel('Model name').fill(name);
	await form.getByRole('button', { name: 'Save version' }).click();
	await expect(detail.getByRole('status').filter({ hasText: 'Saved as' })).toBeVisible();
}

test('Models page and storage panel: states, usage, deletes with confirmation, backup back in a fresh browser', async ({
	page,
	browser,
	baseURL
}, testInfo) => {
	test.setTimeout(240_000);
	await page.goto('/models');
	await expect(page.getByTestId('models-empty')).toBeVisible();
	await shoot(page, 'models-empty');

	const datasetId = await openTrain(page, 'Iris flowers');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(
		page.getByRole('list', { name: 'Runs' }).getByRole('button', { name: /accuracy/ })
	).toHaveCount(1, { timeout: 90_000 });
	await saveRun(page, 'Iris species');
	await saveRun(page, 'Iris species');

	await page.goto('/models');
	const card = page.getByTestId('model-card');
	await card.getByRole('link', { name: 'v1', exact: true }).click();
	const detail = page.getByTestId('version-detail');
	await detail.getByRole('button', { name: 'Promote to champion' }).click();
	await expect(detail.getByRole('status').filter({ hasText: 'champion now points at v1' })).toBeVisible();
	await expect(card).toContainText('champion v1');
	await shoot(page, 'models-detail');

	// The storage panel: per data set, per model, persistence.
	await page.goto('/system');
	await expect(page.getByTestId('dataset-usage')).toContainText(/Iris flowers: \d+(\.\d)? KB/);
	const usage = page.getByTestId('model-usage');
	await expect(usage).toContainText(/Iris species: 2 versions, \d+(\.\d)? KB/);
	await expect(
		page.getByText(/The browser (will keep your data sets and models|may clear this data)/)
	).toBeVisible();
	await shoot(page, 'storage');

	// Backup of the whole workspace, before anything is deleted.
	const backup = page.getByRole('region', { name: 'Backup and restore' });
	await page.evaluate(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
	const downloading = page.waitForEvent('download');
	await backup.getByRole('button', { name: 'Export backup' }).click();
	const file = testInfo.outputPath('workspace.benchtop.zip');
	await (await downloading).saveAs(file);

	// Deleting the data set names the model versions trained on it (and is not carried out here).
	await page.goto(`/data?id=${encodeURIComponent(datasetId)}`);
	await page.getByRole('button', { name: 'Delete…' }).click();
	await expect(page.getByTestId('model-dependents')).toContainText(
		'2 model versions were trained on it: Iris species v1, Iris species v2'
	);
	await page.getByRole('button', { name: 'Keep it' }).click();

	// Deleting the model: the confirmation names what goes.
	await page.goto('/system');
	await usage.getByRole('button', { name: 'Delete Iris species…' }).click();
	const confirm = usage.getByRole('group', { name: 'Delete Iris species?' });
	await expect(confirm).toContainText('Its 2 versions and their weights');
	await expect(confirm).toContainText('its aliases (champion → v1)');
	await page.setViewportSize({ width: 390, height: 900 });
	await shot(page, 'storage-confirm-390');
	await noOverflow(page, 'the delete confirmation at 390 px');
	await page.setViewportSize({ width: 1280, height: 900 });
	await confirm.getByRole('button', { name: 'Delete the model' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Deleted “Iris species” and its 2 versions.' })
	).toBeVisible();
	await expect(page.getByTestId('model-usage')).toHaveCount(0);
	await page.goto('/models');
	await expect(page.getByTestId('models-empty')).toBeVisible();

	// The error state: another tab moved the storage on; the next read says to reload.
	await page.goto('/models');
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const request = indexedDB.open('benchtop', 99);
				request.onsuccess = () => {
					request.result.close();
					resolve();
				};
				request.onerror = () => reject(request.error);
			})
	);
	await page.getByRole('link', { name: 'Train', exact: true }).first().click();
	await page.getByRole('link', { name: 'Models', exact: true }).first().click();
	// The Models page's own notice (the layout's banner about the newer tab, also an alert, may come first).
	await expect(page.locator('div.error[role="alert"]')).toContainText(/reload/i);
	await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
	await shoot(page, 'models-error');

	// The backup, imported in a fresh browser (read by slices), brings the model back with its versions.
	const second = await browser.newContext({ baseURL });
	const fresh = await second.newPage();
	await fresh.goto('/system');
	await fresh
		.getByRole('region', { name: 'Backup and restore' })
		.getByLabel('Import a Benchtop backup')
		.setInputFiles(file);
	await expect(fresh.getByRole('region', { name: 'Backup and restore' }).getByRole('status')).toContainText(
		'2 model versions'
	);
	await fresh.goto('/models');
	const restored = fresh.getByTestId('model-card');
	await expect(restored.getByRole('heading', { name: 'Iris species' })).toBeVisible();
	await expect(restored).toContainText('2 versions');
	await expect(restored).toContainText('champion v1');
	await restored.getByRole('link', { name: 'v2', exact: true }).click();
	await expect(fresh.getByTestId('version-detail').getByRole('heading', { level: 2 })).toContainText(
		'Iris species v2'
	);
	await second.close();
});
