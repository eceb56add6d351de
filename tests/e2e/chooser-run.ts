// The engine chooser specs' run: iris for up to 2000 epochs (about 3 GFLOP planned, over the chooser's 1 GFLOP,
// so its paths are timed; early stopping, on by default, ends it long before), on `backend` or the studio's
// choice, trained to its metrics without an error.
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { openTrain } from './open-train.ts';

export async function trainTimedIris(page: Page, backend: 'auto' | 'webgpu'): Promise<void> {
	await openTrain(page, 'Iris flowers');
	await page.locator('summary', { hasText: 'Training settings' }).click();
	await page.getByLabel('Epochs', { exact: true }).fill('2000');
	await page.getByLabel('Epochs', { exact: true }).press('Tab');
	if (backend === 'auto') await expect(page.getByLabel('Backend')).toHaveValue('auto');
	else await page.getByLabel('Backend').selectOption(backend);
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await page.getByRole('table', { name: 'Metrics' }).waitFor({ timeout: 150_000 });
	await expect(page.getByRole('alert')).toHaveCount(0);
}
