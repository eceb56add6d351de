import { SAMPLE_DATASETS } from '../../src/lib/core/data/sample-manifest.ts';
import { expect, test } from './fixtures.ts';

test.describe('opening samples', () => {
	for (const sample of SAMPLE_DATASETS) {
		test(`${sample.name} opens as a data set with a paged, typed preview`, async ({ page }) => {
			await page.goto('/');
			await page.getByRole('button', { name: `Open ${sample.name}` }).click();
			await expect(page).toHaveURL(/\/data\?id=/);
			await expect(page.getByRole('heading', { level: 2, name: sample.name })).toBeVisible();
			const preview = page.getByRole('region', { name: 'Data preview' });
			// One header cell per column plus the row number.
			await expect(preview.locator('thead th')).toHaveCount(sample.columns + 1);
			await expect(preview.locator('thead button.badge').first()).toHaveText(
				/^(integer|number|boolean|date|category|text)$/
			);
			const rows = sample.rows.toLocaleString('en');
			await expect(page.getByText(`${rows} of ${rows} rows`)).toBeVisible();
			// Only the rows in sight are rendered, however long the table. The rows come a frame after the
			// count (the list measures its height first): once read as 0 in a full run.
			const rendered = preview.locator('tbody tr:not(.spacer)');
			await expect(rendered.nth(Math.min(10, sample.rows) - 1)).toBeAttached();
			expect(await rendered.count()).toBeLessThanOrEqual(Math.min(sample.rows, 50));
		});
	}

	test('the preview scrolls through rows, and the list and preview survive a reload', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('button', { name: 'Open Iris flowers' }).click();
		const preview = page.getByRole('region', { name: 'Data preview' });
		await expect(preview.getByRole('button', { name: /^Type of species:/ })).toHaveText('category');
		await expect(preview.getByRole('button', { name: /^Type of sepal_length:/ })).toHaveText('number');
		// Each header carries a tiny histogram of its column.
		await expect(preview.getByRole('img', { name: 'Distribution of sepal_length' })).toBeVisible();
		await expect(preview.getByRole('img', { name: 'Distribution of species' }).locator('rect')).toHaveCount(
			3
		);
		await preview.evaluate((el) => (el.scrollTop = el.scrollHeight));
		await expect(preview.getByRole('cell', { name: '150', exact: true })).toBeVisible();

		await page.reload();
		await expect(page.getByRole('heading', { level: 2, name: 'Iris flowers' })).toBeVisible();
		await expect(page.getByRole('list', { name: 'Your data sets' }).getByRole('link')).toHaveCount(1);
		await page.goto('/');
		await expect(page.getByRole('list', { name: 'Your data sets' })).toContainText('Iris flowers');
	});

	test('opening the same sample twice keeps one data set (same content hash)', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('button', { name: 'Open Linnerud exercise' }).click();
		await expect(page).toHaveURL(/\/data\?id=/);
		const firstUrl = page.url();
		await page.goto('/');
		await page.getByRole('button', { name: 'Open Linnerud exercise' }).click();
		await expect(page).toHaveURL(firstUrl);
		await expect(page.getByRole('list', { name: 'Your data sets' }).getByRole('link')).toHaveCount(1);
	});

	test('a data set can be deleted after confirming', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('button', { name: 'Open Linnerud exercise' }).click();
		await page.getByRole('button', { name: 'Delete…' }).click();
		await page.getByRole('button', { name: 'Delete', exact: true }).click();
		await expect(page).toHaveURL(/\/data$/);
		await expect(page.getByText('No data sets yet.')).toBeVisible();
	});
});

test('a data set can be renamed, and the new name is kept', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Open Linnerud exercise' }).click();
	await page.getByRole('button', { name: 'Rename…' }).click();
	await page.getByLabel('New name').fill('Exercise study');
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(page.getByRole('list', { name: 'Your data sets' })).toContainText('Exercise study');
	await expect(page.getByRole('heading', { level: 2, name: 'Exercise study' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { level: 2, name: 'Exercise study' })).toBeVisible();
	await page.getByRole('button', { name: 'Rename…' }).click();
	await page.getByLabel('New name').fill('   ');
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(page.locator('[role="alert"][data-code="bad-input"]')).toBeVisible();
	await expect(page.getByRole('list', { name: 'Your data sets' })).toContainText('Exercise study');
});
