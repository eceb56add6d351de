import { SAMPLE_DATASETS } from '../../src/lib/core/data/sample-manifest.ts';
import { expect, test } from './fixtures.ts';

test('the home page shows the stages, the sample gallery and an empty data set list', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Machine learning on your own machine');
	const stages = page.getByRole('navigation', { name: 'Experiment stages' });
	for (const stage of ['Data', 'Prepare', 'Train', 'Evaluate', 'Models', 'Export & share']) {
		await expect(stages.getByRole('link', { name: stage })).toBeVisible();
	}
	const gallery = page.getByRole('list', { name: 'Sample data sets' });
	await expect(gallery.getByRole('listitem')).toHaveCount(SAMPLE_DATASETS.length);
	await expect(page.getByText('No data sets yet.')).toBeVisible();
});

test('keyboard users can skip to the content and reach every stage with a visible focus', async ({
	page
}) => {
	await page.goto('/');
	// The studio renders in the browser: wait until it is there before pressing keys.
	await expect(page.getByRole('list', { name: 'Sample data sets' })).toBeVisible();
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Benchtop home' })).toBeFocused();
	await page.keyboard.press('Tab');
	const data = page.getByRole('link', { name: 'Data' });
	await expect(data).toBeFocused();
	const outline = await data.evaluate((el) => getComputedStyle(el).outlineStyle);
	expect(outline).not.toBe('none');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/data$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data');
});

test('an unknown address gets a friendly 404 with a way back', async ({ page }) => {
	const response = await page.goto('/no/such/page');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
	await page.getByRole('link', { name: 'Go to the start page' }).click();
	await expect(page.getByRole('list', { name: 'Sample data sets' })).toBeVisible();
});
