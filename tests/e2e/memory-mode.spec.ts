// Memory-only mode (no IndexedDB) beyond training: every worker gets the version as a DataRef holding the
// stored Blob, so the data view's sort and filter, the Arrow download, a type override, cross-validation in the worker pool,
// permutation importance and metrics per group all read the same rows as they do with IndexedDB.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const runs = (page: Page) => page.getByRole('list', { name: 'Runs' });

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

test.beforeEach(async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', {
			get() {
				throw new DOMException('The user denied permission to access the database.', 'SecurityError');
			}
		});
	});
});

test('without IndexedDB the data view sorts, filters, downloads and retypes the version in memory', async ({
	page
}) => {
	const { importTable } = await import('../../src/lib/core/data/import/index.ts');
	await page.goto('/');
	await page.getByRole('button', { name: 'Open Iris flowers' }).click();
	await page.waitForURL(/\/data\?id=/);
	const preview = page.getByRole('region', { name: 'Data preview' });
	await preview.getByRole('button', { name: /^sepal_length, not sorted/ }).click();
	await expect(preview.locator('tbody tr:not(.spacer)').first().locator('td').nth(1)).toHaveText('4.3');
	const filter = page.getByRole('form', { name: 'Filter rows' });
	await filter.getByLabel('Filter column').selectOption('species');
	await filter.getByLabel('Value').fill('setosa');
	await filter.getByRole('button', { name: 'Filter' }).click();
	await expect(page.getByText('50 of 150 rows')).toBeVisible();

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('group', { name: 'Download' }).getByRole('button', { name: 'Arrow' }).click()
	]);
	const bytes = new Uint8Array(
		await (await download.createReadStream()).toArray().then((parts) => Buffer.concat(parts))
	);
	const read = await importTable(bytes, { fileName: 'iris.arrow' });
	expect(read.rows).toBe(150);
	expect(read.schema.map((c) => c.name)).toEqual([
		'sepal_length',
		'sepal_width',
		'petal_length',
		'petal_width',
		'species'
	]);

	// A type override makes a new version, kept in memory (the worker hands it to the page whole).
	await preview.getByRole('button', { name: /^Type of species:/ }).click();
	await preview.getByRole('combobox', { name: 'Type of species' }).selectOption('text');
	await expect(page.getByText('Column “species” read as text.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Open the version this came from' })).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Data preview' }).getByRole('button', { name: /^Type of species:/ })
	).toHaveText('text');
});

test('without IndexedDB cross-validation, importance and metrics per group run on the rows in memory', async ({
	page
}) => {
	test.setTimeout(300_000);
	await page.goto('/');
	await page.getByRole('button', { name: 'Open Iris flowers' }).click();
	await page.waitForURL(/\/data\?id=/);
	// Everything lives in this tab's memory: move between stages with the page's own links only.
	await page.getByRole('link', { name: /Train/ }).first().click();
	await expect(page.getByTestId('task-reason')).toContainText('classification');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(runs(page).getByRole('button')).toHaveCount(1, { timeout: 90_000 });
	await page
		.getByRole('link', { name: /Evaluate/ })
		.first()
		.click();
	await expect(page.locator('table[data-split="test"]')).toBeVisible({ timeout: 60_000 });

	const cv = await panel(page, 'cross-validation');
	await cv.getByLabel('Folds').fill('3');
	await cv.getByRole('button', { name: 'Run cross-validation' }).click();
	await expect(cv.getByTestId('cv-mean')).toBeVisible({ timeout: 180_000 });
	await expect(cv.getByTestId('cv-fold')).toHaveCount(3);
	for (const row of await cv.getByTestId('cv-fold').all()) {
		await expect(row.locator('td').nth(0)).toHaveText('100');
		await expect(row.locator('td').nth(1)).toHaveText('50');
	}

	const importance = await panel(page, 'importance');
	await importance.getByLabel('Shuffles per column').fill('3');
	await importance.getByRole('button', { name: 'Compute importance' }).click();
	await expect(importance.getByTestId('importance-row')).toHaveCount(4, { timeout: 60_000 });

	const slice = await panel(page, 'slice');
	await slice.getByLabel('Column').selectOption('petal_width');
	await slice.getByRole('button', { name: 'Show groups' }).click();
	await expect(slice.getByTestId('slice-group').first()).toBeVisible({ timeout: 30_000 });
	expect(await slice.getByTestId('slice-group').count()).toBeGreaterThanOrEqual(2);
});
