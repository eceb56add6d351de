// Hyperparameter search on the Train page, in Chromium: a small random search on iris runs its trials in
// tuning workers, shows the trials table with the baseline row and a winner, the winner is stored as a run
// and opens in Evaluate with its test accuracy; screenshots at 1280 and 390 px.
import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { openTrain } from './open-train.ts';

const SHOTS = process.env.TUNE_SHOTS ?? '';

test('a random search on iris: trials in workers, a table, a winner that opens in Evaluate', async ({
	page
}) => {
	test.setTimeout(240_000);
	const id = await openTrain(page, 'Iris flowers');
	await expect(page.getByTestId('task-reason')).toContainText('classification');
	const panel = page.locator('section.search');
	await expect(panel.getByRole('heading', { name: 'Search hyperparameters' })).toBeVisible();
	await panel.getByLabel('Strategy').selectOption('random');
	await panel.getByLabel('Trials').fill('4');
	await panel.getByLabel('Seed').fill('7');
	await panel.getByRole('button', { name: 'Start search' }).click();
	await expect(panel.getByText(/Searching on \d+ workers?/)).toBeVisible({ timeout: 30_000 });

	const winner = panel.getByRole('status');
	await expect(winner).toContainText(/Winner: trial \d/, { timeout: 180_000 });
	await expect(winner).toContainText(/test accuracy [01]\.\d+ \(scored once\)/);
	const testAccuracy = Number((await winner.innerText()).match(/test accuracy ([01]\.\d+)/)![1]);
	const table = panel.getByRole('table', { name: 'Trials' });
	// Four trials and the baseline row (the majority class: about a third on iris's validation rows).
	await expect(table.locator('tbody tr')).toHaveCount(5);
	await expect(table.locator('tr.baseline')).toContainText(/always “/);
	await expect(table.locator('tbody tr').filter({ hasText: 'completed' })).toHaveCount(4);
	const best = Number((await table.locator('tr.best td').nth(2).innerText()).trim());
	expect(best).toBeGreaterThan(0.6);

	if (SHOTS) {
		mkdirSync(SHOTS, { recursive: true });
		await panel.screenshot({ path: `${SHOTS}/search-1280.png` });
		await page.setViewportSize({ width: 390, height: 900 });
		// The charts follow their container's width on the next frame.
		await page.waitForTimeout(1000);
		await panel.screenshot({ path: `${SHOTS}/search-390.png` });
		await page.setViewportSize({ width: 1280, height: 900 });
	}

	await winner.getByRole('link', { name: 'Open the winner in Evaluate' }).click();
	await page.waitForURL(/\/evaluate\?id=.*&run=/);
	expect(new URL(page.url()).searchParams.get('id')).toBe(id);
	// Evaluate scores the stored winner on its test rows: the figure the search panel showed.
	const accuracy = page.locator('table[data-split="test"] tr[data-metric="accuracy"] td.value').first();
	await expect(accuracy).toHaveText(/^[01](\.\d+)?$/, { timeout: 60_000 });
	expect(Number(await accuracy.innerText())).toBeCloseTo(testAccuracy, 3);
});
