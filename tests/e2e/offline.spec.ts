// Offline (issue 17): after one visit the service worker holds the whole site, so with the network off
// the studio reloads, opens the iris sample, trains on it, keeps the run and saves it as a model; a newer build is offered as
// "a new version is ready: reload". The only spec that lets the service worker run (playwright.config.ts
// blocks it for the others).
import { readFile, writeFile } from 'node:fs/promises';
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

test('with the network off after one visit: reload, open iris, train, keep the run, save the model', async ({
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

	// Saved as a model version, still offline (the run's detail holds "Save as model").
	await page.getByRole('button', { name: 'Save as model' }).first().click();
	await page.getByLabel('Model name').fill('iris offline');
	await page.getByRole('button', { name: 'Save version' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved as' })).toContainText('iris offline');
	await page.goto('/models');
	await expect(page.locator('main')).toContainText('iris offline');
});

test('a newer build beside the running one is offered as “a new version is ready: reload”', async ({
	page
}) => {
	test.setTimeout(90_000);
	await page.goto('/');
	await serviceWorkerReady(page);
	await page.reload();
	// The first install is not an update: nothing is offered.
	await expect(page.getByRole('button', { name: 'Open Iris flowers' })).toBeVisible();
	await expect(page.getByText('A new version of Benchtop is ready.')).toBeHidden();

	// The next deploy, made in place: the served worker script with its build version changed (same
	// length: `vite preview` keeps each file's size from its start). page.route cannot stand in for
	// this, the browser's update check of a service worker script does not pass through it.
	const [store] = await page.evaluate(() => caches.keys());
	const version = store!.replace('benchtop-', '');
	const next = version.slice(0, -1) + String((Number(version.at(-1)) + 1) % 10);
	const script = `${process.env.SVELTEKIT_OUT_DIR ?? '.svelte-kit'}/output/client/service-worker.js`;
	const served = await readFile(script, 'utf8');
	expect(served).toContain(version);
	try {
		await writeFile(script, served.replace(version, next));
		await page.evaluate(async () => {
			await (await navigator.serviceWorker.getRegistration())?.update();
		});
		const banner = page.getByRole('status').filter({ hasText: 'A new version of Benchtop is ready.' });
		await expect(banner).toBeVisible();
		const reloaded = page.waitForEvent('load');
		await banner.getByRole('button', { name: 'Reload' }).click();
		await reloaded;
		await expect(page.getByRole('button', { name: 'Open Iris flowers' })).toBeVisible();
		await expect(page.getByText('A new version of Benchtop is ready.')).toBeHidden();
		// The new version is in charge and the old one's store is gone.
		await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`benchtop-${next}`]);
	} finally {
		await writeFile(script, served);
	}
});
