// The sending side of the share-link tests: iris trained on the CPU engine (so the receiver can retrain
// it to the same figures), and the test metrics the Evaluate page prints for a run.
import { expect, type Page } from '@playwright/test';
import { openTrain } from './open-train.ts';

/** Iris on the CPU engine for `epochs` epochs, trained until its run is listed; returns the data set id. */
export async function trainIrisOnCpu(page: Page, epochs: number): Promise<string> {
	const datasetId = await openTrain(page, 'Iris flowers');
	await page.getByLabel('Backend').selectOption('cpu');
	await page.locator('summary', { hasText: 'Training settings' }).click();
	await page.getByLabel('Epochs', { exact: true }).fill(String(epochs));
	await page.getByLabel('Epochs', { exact: true }).press('Tab');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(page.getByRole('list', { name: 'Runs' }).getByRole('button')).toHaveCount(1, {
		timeout: 120_000
	});
	return datasetId;
}

/** The test metrics (accuracy, macro F1, log loss) the Evaluate page shows for its run, as printed. */
export async function shownTestMetrics(page: Page): Promise<Record<string, string>> {
	const values: Record<string, string> = {};
	for (const metric of ['accuracy', 'f1_macro', 'log_loss']) {
		const cell = page.locator(`table[data-split="test"] tr[data-metric="${metric}"] td.value`).first();
		await expect(cell).toHaveText(/\d/, { timeout: 60_000 });
		values[metric] = (await cell.innerText()).trim();
	}
	return values;
}
