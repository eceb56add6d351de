// Parquet on the Data page: a file with a struct column imports with one column per field (read row
// group by row group in the data worker), and a file with a list column is refused with its name.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';

const fixture = (name: string) => ({
	name,
	mimeType: 'application/vnd.apache.parquet',
	buffer: readFileSync(new URL(`../fixtures/parquet-encodings/${name}`, import.meta.url))
});

test('a Parquet struct becomes one typed column per field', async ({ page }) => {
	await page.goto('/data');
	await page.getByLabel('Choose a file…').setInputFiles(fixture('struct.parquet'));
	await expect(page.getByRole('heading', { level: 2, name: 'struct' })).toBeVisible();
	const preview = page.getByRole('region', { name: 'Data preview' });
	await expect(preview.getByRole('button', { name: /^Type of point\.x:/ })).toHaveText('number');
	await expect(preview.getByRole('button', { name: /^Type of point\.y:/ })).toHaveText('integer');
	await expect(preview.getByRole('button', { name: /^Type of point\.tag\.name:/ })).toHaveText('category');
	await expect(page.getByText(/of 2,500 rows/)).toBeVisible();
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `/work/shots-h20d/parquet-struct-${width}.png` });
	}
});

test('a Parquet list column is refused with its name and what it holds', async ({ page }) => {
	await page.goto('/data');
	await page.getByLabel('Choose a file…').setInputFiles(fixture('list.parquet'));
	await expect(page.getByText(/The Parquet column “tags” holds a list of strings per row/)).toBeVisible();
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `/work/shots-h20d/parquet-list-${width}.png` });
	}
});
