import { expect, test } from './fixtures.ts';

test('TF.js runs a tiny op in the worker on every available backend, WebGPU included', async ({ page }) => {
	await page.goto('/system');
	await page.getByRole('button', { name: 'Check backends' }).click();
	const results = page.getByRole('table', { name: 'Backend check results' });
	await expect(results).toBeVisible({ timeout: 45_000 });
	for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu']) {
		await expect(results.locator(`tr[data-backend="${backend}"]`)).toBeVisible();
	}
	// The test browser has WebGPU through SwiftShader: available, marked as a software adapter.
	const webgpu = results.locator('tr[data-backend="webgpu"]');
	await expect(webgpu.getByRole('cell').first()).toHaveText('available');
	await expect(webgpu).toContainText('Software adapter');
	const rows = await results.locator('tbody tr').all();
	let ran = 0;
	for (const row of rows) {
		if ((await row.getByRole('cell').first().textContent()) !== 'available') continue;
		await expect(row.locator('.op')).toHaveText(/^\[1, 2, 3, 4\] in [\d.]+ ms$/);
		ran++;
	}
	expect(ran).toBeGreaterThanOrEqual(3);
	// Headless Chromium emulates both GPUs on the CPU (SwiftShader), slower than WASM: WASM is used.
	await expect(webgpu.getByRole('rowheader')).not.toContainText('(used)');
	await expect(results.locator('tr[data-backend="webgl"]')).toContainText('Software adapter');
	await expect(results.locator('tr[data-backend="wasm"]').getByRole('rowheader')).toHaveText('wasm (used)');
});

test('a crashed worker shows a clear message, and the next try gets a fresh worker', async ({ page }) => {
	// A worker whose script throws as it loads is what a crash looks like to the page.
	await page.route(/compute\.worker[^/]*\.js/, (route) =>
		route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("simulated crash");' })
	);
	await page.goto('/system');
	await page.getByRole('button', { name: 'Check backends' }).click();
	const crash = page.locator('[role="alert"][data-code="worker-crashed"]');
	await expect(crash).toContainText('The compute worker stopped unexpectedly');
	await expect(crash).toContainText('Your data is safe; try again.');

	await page.unroute(/compute\.worker[^/]*\.js/);
	await page.getByRole('button', { name: 'Check backends' }).click();
	await expect(page.getByRole('table', { name: 'Backend check results' })).toBeVisible({ timeout: 45_000 });
	await expect(crash).toHaveCount(0);
});
