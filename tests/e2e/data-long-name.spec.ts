// A long data set name on the Data page (issue 17): in the list it ends in an ellipsis inside the side
// column (the whole name is the text and the title), in the detail it wraps; neither spills into the other
// column nor widens the page, at 1280 and at 390 px.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { shot } from './shots.ts';

const LONG = `${'quarterly_sales_by_region_and_product_line_'.repeat(3)}final_v2`;

async function box(locator: Locator) {
	const found = await locator.boundingBox();
	if (!found) throw new Error('not on screen');
	return found;
}

async function pageWidth(page: Page) {
	return page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		client: document.documentElement.clientWidth
	}));
}

for (const width of [1280, 390]) {
	test(`a long data set name stays in its column at ${width} px`, async ({ page }) => {
		await page.setViewportSize({ width, height: 900 });
		await page.goto('/data');
		await page
			.getByLabel('Choose a file…')
			.setInputFiles({ name: `${LONG}.csv`, mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n3,4\n') });
		await page.waitForURL(/\/data\?id=/);
		const item = page.getByRole('list', { name: 'Your data sets' }).getByRole('link').first();
		const name = item.locator('.name bdi');
		await expect(name).toHaveText(LONG);
		await expect(name).toHaveAttribute('title', LONG);
		const heading = page.getByRole('heading', { level: 2, name: LONG });
		await expect(heading).toBeVisible();

		const list = await box(page.getByRole('list', { name: 'Your data sets' }));
		const shown = await box(name);
		expect(shown.x + shown.width).toBeLessThanOrEqual(list.x + list.width + 0.5);
		// The name is cut (it is far longer than the column), not hidden.
		expect(await name.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
		const title = await box(heading);
		const summary = await box(page.getByTestId('experiment-summary'));
		expect(title.x + title.width).toBeLessThanOrEqual(summary.x + summary.width + 0.5);
		if (width > 900) expect(title.x).toBeGreaterThanOrEqual(list.x + list.width);
		else expect(title.y).toBeGreaterThan(list.y + list.height);
		const { scroll, client } = await pageWidth(page);
		expect(scroll).toBeLessThanOrEqual(client);
		await shot(page, `data-long-name-${width}`);
	});
}
