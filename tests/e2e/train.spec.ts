// The Train stage in Chromium: a newcomer's run with defaults (in the train worker, the page kept
// responsive), pause, resume and stop, a diverging run that says what to do, settings refused before
// training, and runs that survive a reload. Failures of the machine (lost device, crashed worker), a tab in
// the background and the queue are in train-recovery.spec.ts.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { openTrain } from './open-train.ts';
import { MainThreadTrace } from './main-thread-trace.ts';

async function openSettings(page: Page) {
	await page.locator('summary', { hasText: 'Training settings' }).click();
}

const runs = (page: Page) => page.getByRole('list', { name: 'Runs' });

test('a newcomer trains iris with the defaults, the page stays responsive, and the run is kept', async ({
	page
}) => {
	test.setTimeout(120_000);
	await openTrain(page, 'Iris flowers');
	await expect(page.getByTestId('task-reason')).toContainText('species');
	await expect(page.getByTestId('task-reason')).toContainText('classification');

	// Watched from the click until the run has ended (the live view gone); drawing the finished run's
	// charts afterwards is not part of the run.
	const trace = await MainThreadTrace.start(page);
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	// The kept run in the list marks the end; the live view can come and go between two polls on a fast machine.
	await expect(runs(page).getByRole('button')).toHaveCount(1, { timeout: 90_000 });
	await expect(page.locator('section.running')).toBeHidden();
	const tasks = await trace.stop();

	const run = runs(page).getByRole('button').first();
	const accuracy = Number((await run.innerText()).match(/accuracy (\d\.\d+)/)![1]);
	expect(accuracy).toBeGreaterThanOrEqual(0.9);
	const detail = page.getByRole('region', { name: /MLP/ });
	await expect(detail.getByRole('table', { name: 'Metrics' })).toContainText('f1_macro');
	await expect(detail.getByRole('img', { name: 'Loss by epoch' })).toBeVisible();
	await expect(detail.getByRole('img', { name: 'Accuracy by epoch' })).toBeVisible();
	await expect(detail).toContainText('backend');
	// On a CPU backend the default MLP's batches run in the fused WASM engine; a GPU backend keeps TF.js.
	if (/\bwasm\b|WASM/.test(await run.innerText())) {
		await expect(detail).toContainText('batches by the fused WASM engine');
	}
	expect(
		tasks[0]!.cpuMs,
		`longest main-thread task: ${JSON.stringify(tasks.slice(0, 5))}`
	).toBeLessThanOrEqual(50);

	await page.reload();
	await expect(runs(page).getByRole('button')).toHaveCount(1);
	await expect(page.getByRole('region', { name: /MLP/ }).getByText('Reproducibility record')).toBeVisible();
});

test('a run pauses, resumes, and stops keeping the best model so far', async ({ page }) => {
	test.setTimeout(120_000);
	await openTrain(page, 'Wine');
	await openSettings(page);
	await page.getByLabel('Epochs', { exact: true }).fill('2000');
	await page.getByLabel('Epochs', { exact: true }).press('Tab');
	await page.getByLabel('Stop when the watched value stops improving').uncheck();
	await page.getByRole('button', { name: 'Train', exact: true }).click();

	const live = page.getByTestId('live-loss');
	await expect(live).toBeVisible({ timeout: 30_000 });
	await page.getByRole('button', { name: 'Pause' }).click();
	await expect(page.getByRole('heading', { name: 'Paused', exact: true })).toBeVisible();
	await page.waitForTimeout(500);
	const pausedAt = await page.getByRole('region', { name: 'Paused' }).locator('.facts').innerText();
	await page.waitForTimeout(1500);
	expect(await page.getByRole('region', { name: 'Paused' }).locator('.facts').innerText()).toBe(pausedAt);
	await page.getByRole('button', { name: 'Resume' }).click();
	await expect(page.getByRole('heading', { name: 'Training', exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Stop' }).click();
	await expect(runs(page).getByRole('button')).toHaveCount(1, { timeout: 30_000 });
	await expect(runs(page)).toContainText('stopped by you');
	await expect(runs(page)).toContainText(/accuracy \d\.\d+/);
});

test('a diverging run stops with what to do; bad settings are refused before training', async ({ page }) => {
	test.setTimeout(120_000);
	await openTrain(page, 'Diabetes progression');
	await openSettings(page);
	await page.getByLabel('Optimizer', { exact: true }).selectOption('sgd');
	await page.getByLabel('Learning rate', { exact: true }).fill('1000000');
	await page.getByLabel('Learning rate', { exact: true }).press('Tab');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(runs(page)).toContainText('diverged', { timeout: 60_000 });
	await expect(page.getByRole('status').filter({ hasText: /learning rate/i })).toBeVisible();

	await page.getByLabel('Batch size', { exact: true }).fill('0');
	await page.getByLabel('Batch size', { exact: true }).press('Tab');
	await expect(
		page.getByText('Batch size must be a whole number of at least 1 (got 0); set to 1.')
	).toBeVisible();
	await expect(page.getByLabel('Batch size', { exact: true })).toHaveValue('1');
	await expect(runs(page).getByRole('button')).toHaveCount(1);
});
