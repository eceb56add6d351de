// Parquet on the Data page: a file with a struct column imports with one column per field (read row
// group by row group in the data worker), and a file with a list column is refused with its name.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { shotWidths } from './shots.ts';

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
	await shotWidths(page, 'parquet-struct', { fullPage: false });
});

test('a Parquet list column is refused with its name and what it holds', async ({ page }) => {
	await page.goto('/data');
	await page.getByLabel('Choose a file…').setInputFiles(fixture('list.parquet'));
	await expect(page.getByText(/The Parquet column “tags” holds a list of strings per row/)).toBeVisible();
	await shotWidths(page, 'parquet-list', { fullPage: false });
});
