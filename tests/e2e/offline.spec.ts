// Offline (issue 17): after one visit the service worker holds the whole site, so with the network off
// the studio reloads, opens the iris sample, trains on it and keeps the run. The only spec that lets the
// service worker run (playwright.config.ts blocks it for the others).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

test.use({ serviceWorkers: 'allow' });

/** Waits until this version's service worker has installed (everything stored) and is active. */
async function serviceWorkerReady(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
}

function runCount(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((done, fail) => {
				const open = indexedDB.open('benchtop');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const request = open.result.transaction('runs').objectStore('runs').count();
					request.onsuccess = () => {
						open.result.close();
						done(request.result);
					};
				};
			})
	);
}

test('with the network off after one visit: reload, open iris, train, and the run is kept', async ({
	page,
	context
}) => {
	test.setTimeout(180_000);
	await page.goto('/');
	await serviceWorkerReady(page);

	await context.setOffline(true);
	// The network really is off: a file the site does not hold cannot be had.
	expect(
		await page.evaluate(() =>
			fetch('/not-in-the-site.txt').then(
				() => 'fetched',
				() => 'failed'
			)
		)
	).toBe('failed');
	await page.reload();
	await page.getByRole('button', { name: 'Open Iris flowers' }).click();
	await page.waitForURL(/\/data\?id=/);
	await expect(page.getByRole('grid').or(page.getByRole('table')).first()).toContainText('setosa');
	const id = new URL(page.url()).searchParams.get('id')!;

	// A full page load of another route, offline, with its query.
	await page.goto(`/train?id=${encodeURIComponent(id)}`);
	await expect(page.getByTestId('task-reason')).toContainText('classification');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	const runs = page.getByRole('list', { name: 'Runs' });
	await expect(runs.getByRole('button')).toHaveCount(1, { timeout: 120_000 });
	await expect(runs.getByRole('button').first()).toContainText(/accuracy \d\.\d+/);

	await page.reload();
	await expect(page.getByRole('list', { name: 'Runs' }).getByRole('button')).toHaveCount(1);
	expect(await runCount(page)).toBe(1);
});
