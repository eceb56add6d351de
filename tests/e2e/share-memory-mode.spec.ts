// A share link opened where the studio cannot store anything (IndexedDB refused, as in some private
// windows): the studio runs in memory only. The link still opens, the experiment is reproduced (with the
// weights: the sender's test metrics at once; without: retrained with the seed on the CPU, the same
// metrics), nothing throws, and the person is told that what they open will not outlive the tab.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { shownTestMetrics, trainIrisOnCpu } from './share-sender.ts';
import { shot } from './shots.ts';

/** A fresh browser whose IndexedDB is refused; every page error it throws is collected. */
async function memoryOnlyPage(
	browser: Browser,
	baseURL: string | undefined
): Promise<{ page: Page; errors: string[] }> {
	const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
	await context.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', {
			get() {
				throw new DOMException('The user denied permission to access the database.', 'SecurityError');
			}
		});
	});
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	return { page, errors };
}

test('a share link opens in memory-only mode: reproduced with and without weights, and it says nothing is kept', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(300_000);
	// The sender (storage works): iris, 30 epochs on the CPU engine, evaluated.
	const datasetId = await trainIrisOnCpu(page, 30);
	await page.getByRole('button', { name: 'Share' }).click();
	const dialog = page.getByRole('dialog', { name: 'Share this experiment' });
	const linkBox = dialog.getByRole('textbox', { name: 'Share link' });
	const plainLink = await linkBox.inputValue();
	await dialog.getByRole('checkbox', { name: /With the trained weights/ }).check();
	await expect(dialog.getByTestId('share-length')).toContainText('weights included');
	const weightsLink = await linkBox.inputValue();
	await dialog.getByRole('button', { name: 'Close' }).click();
	await page.goto(`/evaluate?id=${encodeURIComponent(datasetId)}`);
	const senderMetrics = await shownTestMetrics(page);
	const path = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');

	// With weights: opens, says it is kept in this tab only, and evaluates to the sender's metrics.
	const { page: other, errors } = await memoryOnlyPage(browser, baseURL);
	await other.goto(path(weightsLink));
	await expect(other.getByText('Not saving to this browser.')).toBeVisible();
	await expect(other.getByRole('heading', { name: /Shared experiment:/ })).toBeVisible();
	await expect(other.getByTestId('share-memory-only')).toContainText('stays in this tab only');
	await shot(other, 'share-memory-1280');
	await other.getByRole('button', { name: 'Open in my workspace' }).click();
	const opened = other.getByTestId('share-opened');
	await expect(opened).toContainText('(in this tab only, not saved)');
	await expect(opened).toContainText('the trained run');
	await expect(opened).toContainText('byte for byte the sender’s');
	// In-app navigation keeps the tab's memory: the shared run evaluates to the sender's figures.
	await other.getByRole('link', { name: 'Evaluate the shared run' }).click();
	await other.waitForURL(/\/evaluate\?/);
	expect(await shownTestMetrics(other)).toEqual(senderMetrics);

	// Without weights (a new load: the tab's memory starts empty): retrained with the seed, the same.
	await other.goto(path(plainLink));
	await expect(other.getByTestId('share-memory-only')).toBeVisible();
	await other.getByRole('button', { name: 'Open in my workspace' }).click();
	await expect(other.getByTestId('share-opened')).toContainText('(in this tab only, not saved)');
	await other.getByRole('button', { name: /^Train with seed \d+ on the CPU$/ }).click();
	await expect(other.getByTestId('share-verdict')).toHaveText(/The same metrics as the sender’s/, {
		timeout: 180_000
	});
	await other.setViewportSize({ width: 390, height: 844 });
	await shot(other, 'share-memory-retrained-390');
	expect(errors).toEqual([]);
	await other.context().close();
});
