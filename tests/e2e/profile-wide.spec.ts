// A wide table's profile on the Data page: its numeric columns are summarised on profile workers beside
// the data worker, and the correlation matrix's pairs split among them (136 pairs × 130,000 rows is past
// PARALLEL_MIN_PAIR_VALUES); what the page shows is the same exact statistics a single thread gives.
import { expect, test } from './fixtures.ts';
import { importCsv } from './import-file.ts';

const ROWS = 130_000;
const NUMERIC = 17;

function wideCsv(): string {
	const header = [...Array.from({ length: NUMERIC }, (_, c) => `x${c}`), 'kind'].join(',');
	const lines = [header];
	for (let i = 0; i < ROWS; i++) {
		const row: (number | string)[] = [];
		// x0 is 0…999 repeated: mean 499.5, max 999; the others are other whole-number patterns.
		for (let c = 0; c < NUMERIC; c++) row.push((i * (2 * c + 1)) % (1000 + c));
		row.push(i % 3 ? 'a' : 'b');
		lines.push(row.join(','));
	}
	return `${lines.join('\n')}\n`;
}

test('a wide table is profiled on profile workers and shows exact statistics', async ({ page }) => {
	test.setTimeout(120_000);
	const workers: string[] = [];
	page.on('worker', (worker) => workers.push(worker.url()));
	await importCsv(page, 'wide.csv', wideCsv());
	await page.getByRole('tab', { name: 'Profile & quality' }).click();
	const overview = page.getByRole('region', { name: 'Overview' });
	await expect(overview).toContainText('130,000 rows', { timeout: 60_000 });
	await expect(overview).toContainText('18 columns');
	const x0 = page.locator('[data-column="x0"]');
	await expect(x0).toContainText('Max 999');
	await expect(x0).toContainText('499.5');
	await expect(page.locator('[data-column="x16"]')).toContainText('Max 1015');
	await expect(page.locator('[data-column="kind"]')).toContainText('a');
	await expect(page.getByLabel('Correlation heat map')).toBeVisible();
	expect(workers.some((url) => /profile/.test(url))).toBe(true);
});
