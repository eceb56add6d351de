import { expect, test } from './fixtures.ts';

test('a seeded synthetic data set is generated, stored with its generator and seed, and repeats exactly', async ({
	page
}) => {
	await page.goto('/data');
	await page.getByRole('tab', { name: 'Generate' }).click();
	await page.getByLabel('Generator').selectOption('moons');
	await page.getByLabel('Seed').fill('7');
	await page.getByRole('button', { name: 'Generate data set' }).click();
	await expect(page.getByRole('heading', { level: 2, name: /^Moons \(.*seed 7\)$/ })).toBeVisible();
	await expect(page.getByText('Generated (moons, seed 7)')).toBeVisible();
	const preview = page.getByRole('region', { name: 'Data preview' });
	await expect(preview.getByRole('button', { name: /^Type of x1:/ })).toHaveText('number');
	await expect(preview.getByRole('button', { name: /^Type of class:/ })).toHaveText('category');
	// By its title: the view also draws an unseen font sample with a made-up hash while a version opens.
	const contentHash = page.getByTitle('SHA-256 of the stored Arrow data');
	const hash = await contentHash.textContent();

	// The same generator, parameters and seed give the same bytes: recognised as the same data set.
	await page.getByRole('tab', { name: 'Generate' }).click();
	await page.getByLabel('Generator').selectOption('moons');
	await page.getByLabel('Seed').fill('7');
	await page.getByRole('button', { name: 'Generate data set' }).click();
	await expect(contentHash).toHaveText(hash!);
	await expect(page.getByRole('list', { name: 'Your data sets' }).getByRole('link')).toHaveCount(1);
});

test('an out-of-range parameter gets a clear message', async ({ page }) => {
	await page.goto('/data');
	await page.getByRole('tab', { name: 'Generate' }).click();
	await page.getByLabel('Generator').selectOption('moons');
	const noise = page.getByLabel(/noise/i);
	await noise.evaluate((el: HTMLInputElement) => {
		el.removeAttribute('max');
		el.value = '50';
		el.dispatchEvent(new Event('input', { bubbles: true }));
	});
	await page.getByRole('button', { name: 'Generate data set' }).click();
	await expect(page.locator('[role="alert"][data-code="bad-input"]')).toContainText(/oise must be between/);
});
