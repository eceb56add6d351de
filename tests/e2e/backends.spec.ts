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
	// The software WebGPU adapter is slower than WASM, so it is not the one used.
	await expect(webgpu.getByRole('rowheader')).not.toContainText('(used)');
});
