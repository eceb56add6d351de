// The Evaluate page's analyses in Chromium on an iris run trained on the Train page: cross-validation in
// the analysis workers (cancelled, then 3 folds: a row per fold, then mean ± std), permutation importance
// (a bar and a row per raw feature) and metrics per group of a chosen column (groups, the gap in words).
import type { Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';

const runs = (page: Page) => page.getByRole('list', { name: 'Runs' });

async function trainIris(page: Page): Promise<string> {
	await page.goto('/');
	await page.getByRole('button', { name: 'Open Iris flowers' }).click();
	await page.waitForURL(/\/data\?id=/);
	const id = new URL(page.url()).searchParams.get('id')!;
	await page.goto(`/train?id=${encodeURIComponent(id)}`);
	await expect(page.getByTestId('task-reason')).toContainText('classification');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(runs(page).getByRole('button')).toHaveCount(1, { timeout: 90_000 });
	return id;
}

/** The panel, opening the page's tab that holds it when it is not on the first one. */
async function panel(page: Page, testId: string): Promise<Locator> {
	const found = page.getByTestId(testId);
	if (await found.isVisible()) return found;
	for (const tab of await page.getByRole('tab').all()) {
		await tab.click();
		if (await found.isVisible()) return found;
	}
	await expect(found).toBeVisible();
	return found;
}

test('iris: 3-fold cross-validation (after a cancelled one), permutation importance and metrics per group', async ({
	page
}) => {
	test.setTimeout(300_000);
	const id = await trainIris(page);
	await page.goto(`/evaluate?id=${encodeURIComponent(id)}`);
	await expect(page.getByTestId('run-summary')).toBeVisible();
	// The slice needs the evaluation; wait for it before looking for the panels.
	await expect(page.locator('table[data-split="test"]')).toBeVisible({ timeout: 60_000 });

	const cv = await panel(page, 'cross-validation');
	await expect(cv).toContainText('No cross-validation yet');
	// A first run cancelled: its workers stop, and a second run starts from scratch.
	await cv.getByRole('button', { name: 'Run cross-validation' }).click();
	await cv.getByRole('button', { name: 'Cancel' }).click();
	await expect(cv.getByRole('status')).toHaveText('Cross-validation was cancelled.');
	await expect(cv.getByRole('button', { name: 'Cancel' })).toBeHidden();
	await cv.getByLabel('Folds').fill('3');
	await cv.getByRole('button', { name: 'Run cross-validation' }).click();
	await expect(cv.getByRole('progressbar', { name: 'Cross-validation progress' })).toBeVisible();
	await expect(cv.getByTestId('cv-mean')).toBeVisible({ timeout: 180_000 });
	await expect(cv.getByTestId('cv-fold')).toHaveCount(3);
	for (const row of await cv.getByTestId('cv-fold').all()) {
		// Stratified 3 folds of 150 rows: 100 to train on, 50 held out.
		await expect(row.locator('td').nth(0)).toHaveText('100');
		await expect(row.locator('td').nth(1)).toHaveText('50');
	}
	await expect(cv.getByTestId('cv-mean')).toContainText('Mean ± std');
	await expect(cv.getByTestId('cv-mean')).toContainText(/0\.\d+ ± 0\.\d+/);
	await expect(cv.getByRole('figure', { name: /Each fold's metrics/ })).toBeVisible();

	const importance = await panel(page, 'importance');
	await importance.getByLabel('Shuffles per column').fill('3');
	await importance.getByRole('button', { name: 'Compute importance' }).click();
	await expect(importance.getByTestId('importance-row')).toHaveCount(4, { timeout: 60_000 });
	const features = ['petal_length', 'petal_width', 'sepal_length', 'sepal_width'];
	for (const feature of features)
		await expect(importance.getByTestId('importance-table')).toContainText(feature);
	const chart = importance.getByRole('figure', { name: /per shuffled column/ });
	await expect(chart.locator('[aria-roledescription="bar"]')).toHaveCount(4);
	// The report downloaded now carries the importance just computed.
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download report' }).click();
	const report = await readFile((await (await download).path())!, 'utf8');
	expect(report.includes('Drop in accuracy when a column')).toBe(true);
	expect(report.includes('Permutation importance was not computed')).toBe(false);

	const slice = await panel(page, 'slice');
	await slice.getByLabel('Column').selectOption('petal_width');
	await slice.getByRole('button', { name: 'Show groups' }).click();
	const groups = slice.getByTestId('slice-group');
	await expect(groups.first()).toBeVisible({ timeout: 30_000 });
	expect(await groups.count()).toBeGreaterThanOrEqual(2);
	await expect(slice.getByTestId('slice-table')).toContainText('(quantile bin)');
	await expect(slice.getByTestId('slice-gap')).toContainText('petal_width');
});
