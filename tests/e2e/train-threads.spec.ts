// WASM threads for the fused dense engine: `vite preview` sends COOP/COEP, so the page is cross-origin
// isolated and the train worker splits each batch across one thread per core (up to 8); the run record
// and the System page say so. With the headers stripped (a host that sends none, no service worker), the
// same run trains on one thread and the record says why.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { openTrain } from './open-train.ts';

/** Iris on WASM; `wide` widens the MLP's dense layers (1 and 3) to 512 and 256 units (about 26 MFLOP a batch, past the 8 MFLOP
 * where the engine splits a batch across threads) and trains 5 epochs. */
async function trainIrisOnWasm(page: Page, wide = false) {
	await openTrain(page, 'Iris flowers');
	await page.getByLabel('Backend').selectOption('wasm');
	if (wide) {
		await page.locator('summary', { hasText: 'Architecture' }).click();
		for (const [layer, units] of [
			[1, '512'],
			[3, '256']
		] as const) {
			const field = page.getByLabel(`Units of layer ${layer}`);
			await field.fill(units);
			await field.press('Tab');
		}
		await page.locator('summary', { hasText: 'Training settings' }).click();
		await page.getByLabel('Epochs', { exact: true }).fill('5');
		await page.getByLabel('Epochs', { exact: true }).press('Tab');
	}
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	// Waits for the kept run's record, not for the live view: on a machine with many cores the wide run
	// ends in well under a second, between two polls of the live view (a CI run missed it that way).
	const detail = page.getByRole('region', { name: /MLP/ });
	await expect(detail).toContainText('batches by the fused WASM engine', { timeout: 90_000 });
	await expect(page.locator('section.running')).toBeHidden();
	return detail;
}

/** Serves every response of the site without the isolation headers. */
async function stripIsolation(context: BrowserContext) {
	await context.route('**/*', async (route) => {
		const response = await route.fetch();
		const headers = { ...response.headers() };
		delete headers['cross-origin-opener-policy'];
		delete headers['cross-origin-embedder-policy'];
		await route.fulfill({ response, headers });
	});
}

test('an isolated page trains a wide MLP on one thread per core and says so', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/system');
	expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
	const cores = await page.evaluate(() => navigator.hardwareConcurrency);
	const threads = Math.min(cores, 8);
	test.skip(threads < 2, 'this machine reports one core: nothing to split');
	await expect(page.getByTestId('threads-status')).toHaveText(new RegExp(`^isolated: ${threads} threads`));

	const detail = await trainIrisOnWasm(page, true);
	await expect(detail.getByTestId('run-threads')).toHaveText(
		`${threads} threads (the page is cross-origin isolated; the device reports ${cores} cores)`
	);
});

test('an isolated page keeps a small batch on one thread and says why', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/system');
	const threads = await page.evaluate(() => Math.min(navigator.hardwareConcurrency, 8));
	test.skip(threads < 2, 'this machine reports one core: nothing to split');
	const detail = await trainIrisOnWasm(page);
	await expect(detail.getByTestId('run-threads')).toHaveText(
		new RegExp(
			`^one thread \\(the worker could run ${threads} threads, but a batch is about [\\d.]+ MFLOP, under the 8 MFLOP where more than one pays\\)$`
		)
	);
});

test('without COOP/COEP the engine falls back to one thread and the run records why', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	await stripIsolation(context);
	await page.goto('/system');
	expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(false);
	await expect(page.getByTestId('threads-status')).toHaveText(
		/^not isolated: one thread, because the page is not cross-origin isolated/
	);
	const detail = await trainIrisOnWasm(page);
	await expect(detail.getByTestId('run-threads')).toContainText(
		'one thread (the page is not cross-origin isolated'
	);
});

test.describe('a static host that sends no headers (GitHub Pages)', () => {
	test.use({ serviceWorkers: 'allow' });

	test('the offline service worker isolates the page from the load after it installs', async ({
		page,
		context
	}) => {
		test.setTimeout(120_000);
		await stripIsolation(context);
		await page.goto('/system');
		expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(false);
		await expect(page.getByTestId('threads-status')).toHaveText(/^not isolated: one thread/);
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		// The copies it stored must hold no COOP/COEP (its fetches may pass the route above): any that do lose
		// them here, as a host that sends none would have served them, so only the worker's setting can isolate.
		const stored = await page.evaluate(async () => {
			let count = 0;
			for (const name of await caches.keys()) {
				const cache = await caches.open(name);
				for (const request of await cache.keys()) {
					const response = (await cache.match(request))!;
					const headers = new Headers(response.headers);
					count++;
					if (!headers.has('cross-origin-embedder-policy')) continue;
					headers.delete('cross-origin-embedder-policy');
					headers.delete('cross-origin-opener-policy');
					const body = await response.arrayBuffer();
					await cache.put(request, new Response(body, { status: response.status, headers }));
				}
			}
			return count;
		});
		expect(stored).toBeGreaterThan(0);
		// The service worker now answers the page and sets COOP/COEP on what it serves.
		await page.reload();
		expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
		await expect(page.getByTestId('threads-status')).toHaveText(
			/^isolated: \d+ threads|^isolated: one thread/
		);
	});
});
