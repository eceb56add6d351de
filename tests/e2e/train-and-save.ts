// Trains a run on the Train page (opened, its task read) and keeps it as a model version: the steps the
// model registry, drift and continue-training specs all start from.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { targetSelect } from './target-select.ts';

export interface TrainOptions {
	/** The column to predict; the page's own pick when left out. */
	target?: string;
	/** Epochs under Training settings; the page's default when left out. */
	epochs?: number;
}

export interface SaveOptions {
	/** The model's name: a new model, or the next version of one with that name. */
	name: string;
	/**
	 * Where "Save as model" is pressed: the run detail's button (the form opens in place; the default),
	 * or the run list's link to the save page.
	 */
	from?: 'detail' | 'run list';
}

const runList = (page: Page) => page.getByRole('list', { name: 'Runs' });

/** Sets the target and epochs, presses Train, and waits until the run is listed with its accuracy. */
export async function trainRun(page: Page, { target, epochs }: TrainOptions = {}): Promise<void> {
	if (target !== undefined) await targetSelect(page).selectOption(target);
	if (epochs !== undefined) {
		await page.locator('summary', { hasText: 'Training settings' }).click();
		await page.getByLabel('Epochs', { exact: true }).fill(String(epochs));
		await page.getByLabel('Epochs', { exact: true }).press('Tab');
	}
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(runList(page).getByRole('button', { name: /accuracy/ })).toHaveCount(1, { timeout: 90_000 });
}

/** Saves the run shown (or the listed one, `from: 'run list'`) as a model version; returns the status line. */
export async function saveAsModel(page: Page, { name, from = 'detail' }: SaveOptions): Promise<Locator> {
	let scope: Page | Locator = page;
	if (from === 'detail') {
		scope = page.getByRole('region', { name: /MLP|Linear/ });
		await scope.getByRole('button', { name: 'Save as model' }).click();
	} else
		await runList(page)
			.getByRole('link', { name: /Save .* as model/ })
			.click();
	const form = scope.getByRole('form', { name: /as a model version/ });
	await form.getByLabel('Model name').fill(name);
	await form.getByRole('button', { name: 'Save version' }).click();
	const status = scope.getByRole('status').filter({ hasText: 'Saved as' });
	await expect(status).toBeVisible();
	return status;
}

/** trainRun, then saveAsModel. */
export async function trainAndSave(page: Page, options: TrainOptions & SaveOptions): Promise<Locator> {
	await trainRun(page, options);
	return saveAsModel(page, options);
}
