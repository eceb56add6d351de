// Comparing runs, the validation gate and the report in Chromium: two iris runs that differ in epochs
// compared side by side, a gate that fails a run with its reason and then passes it, and a downloaded
// report that holds every section, its charts as SVG and no request to anywhere.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const runs = (page: Page) => page.getByRole('list', { name: 'Runs' });

async function openSample(page: Page, sample: string): Promise<string> {
	await page.goto('/');
	await page.getByRole('button', { name: `Open ${sample}` }).click();
	await page.waitForURL(/\/data\?id=/);
	return new URL(page.url()).searchParams.get('id')!;
}

/** Trains one run with `epochs` on the Train page (early stopping off); waits until it is listed. */
async function train(page: Page, epochs: number, expectedRuns: number): Promise<void> {
	const settings = page.locator('details', {
		has: page.locator('summary', { hasText: 'Training settings' })
	});
	if (!(await settings.evaluate((el) => (el as HTMLDetailsElement).open))) {
		await page.locator('summary', { hasText: 'Training settings' }).click();
	}
	await page.getByLabel('Epochs', { exact: true }).fill(String(epochs));
	await page.getByLabel('Epochs', { exact: true }).press('Tab');
	await page.getByLabel('Stop when the watched value stops improving').uncheck();
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(runs(page).getByRole('button')).toHaveCount(expectedRuns, { timeout: 90_000 });
}

test('two iris runs compared, gated (fail with its reason, then pass) and reported', async ({ page }) => {
	test.setTimeout(240_000);
	const id = await openSample(page, 'Iris flowers');
	await page.goto(`/train?id=${encodeURIComponent(id)}`);
	await expect(page.getByTestId('task-reason')).toContainText('classification');
	// Two epochs leave iris well short of 0.99 accuracy; forty reach well past 0.5.
	await train(page, 2, 1);
	await train(page, 40, 2);

	await page.goto(`/evaluate?id=${encodeURIComponent(id)}`);
	await page.getByRole('tab', { name: /Compare/ }).click();

	// The two newest runs start ticked; what differs is the number of epochs.
	const differences = page.getByRole('table', { name: 'What differs between the runs' });
	await expect(differences).toBeVisible();
	const epochsRow = differences.getByRole('row', { name: /settings\.epochs/ });
	await expect(epochsRow).toContainText('2');
	await expect(epochsRow).toContainText('40');
	await expect(differences).not.toContainText('settings.batchSize');
	const metrics = page.getByRole('table', { name: 'Metrics of the runs' });
	await expect(metrics.getByRole('row', { name: /test accuracy/ }).locator('td.best')).not.toHaveCount(0);
	await expect(
		page.getByRole('figure', { name: 'Learning curves of the compared runs' }).locator('svg')
	).toBeVisible();

	// A gate the two-epoch run cannot meet: it fails and says why, with both numbers.
	await page.getByRole('button', { name: 'Add threshold' }).click();
	const value = page.getByLabel('Threshold value');
	await value.fill('0.99');
	const results = page.getByTestId('gate-result');
	await expect(results).toHaveCount(2);
	const first = results.filter({ hasText: 'Run 1' });
	await expect(first).toContainText('fail');
	await expect(first).toContainText(/test accuracy 0?\.\d+ does not meet ≥ 0\.99\./);
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

	await value.fill('0.5');
	const second = results.filter({ hasText: 'Run 2' });
	await expect(second).toContainText('pass');
	await expect(second).toContainText(/test accuracy [\d.]+ meets ≥ 0\.5\./);
	// Saved with the experiment: it is there again after a reload.
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	await page.reload();
	await page.getByRole('tab', { name: /Compare/ }).click();
	await expect(page.getByLabel('Threshold value')).toHaveValue('0.5');

	// One click, one self-contained HTML file, once the run's evaluation (metrics with baseline) is in.
	await expect(page.getByText('Until the evaluation is in')).toBeHidden({ timeout: 60_000 });
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download report' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^benchtop-report-.+\.html$/);
	const html = await readFile((await file.path())!, 'utf8');
	// Checked as booleans: a failure message holding the whole file would bury the point.
	const sections = [
		'data',
		'quality',
		'recipe',
		'model',
		'settings',
		'metrics',
		'charts',
		'importance',
		'reproducibility'
	];
	expect(sections.filter((section) => !html.includes(`<section id="${section}">`))).toEqual([]);
	expect(html.includes('<svg'), 'charts drawn as inline SVG').toBe(true);
	expect(html.includes('Confusion matrix'), 'the confusion matrix chart').toBe(true);
	expect(html.includes('Baseline'), 'metrics beside the baseline').toBe(true);
	expect(
		/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i.exec(html)?.[0],
		'a remote src or href'
	).toBeUndefined();
	expect(/<script/i.test(html), 'a script').toBe(false);
});
