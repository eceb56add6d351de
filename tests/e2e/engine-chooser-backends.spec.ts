// The engine chooser across TF.js backends, in headless Chromium: with the backend left to the studio, a
// run large enough to be timed (iris for up to 2000 epochs: about 3 GFLOP planned) times the fused engine
// and TF.js WASM on its own batches; WebGPU and WebGL are SwiftShader here (software adapters: never
// preferred over WASM, so not timed, and the run detail says so), and cpu is skipped beside WASM. The run
// detail lists every path with its time per batch or why it was not timed, and marks the one used.
import { expect, test } from './fixtures.ts';
import { trainTimedIris } from './chooser-run.ts';
import { shot, takingShots } from './shots.ts';

test('left to the studio, the chooser times the engine and TF.js WASM, skips the software GPUs, and the run detail shows it', async ({
	page
}) => {
	test.setTimeout(180_000);
	await trainTimedIris(page, 'auto');

	const trials = page.getByTestId('engine-trials');
	await expect(trials).toBeVisible();
	const timed = /^[\d.]+ ms per batch \(median of \d+\)$/;
	await expect(trials.locator('tr[data-path="dense-wasm"] td')).toHaveText(timed);
	await expect(trials.locator('tr[data-path="wasm"] td')).toHaveText(timed);
	await expect(trials.locator('tr[data-path="webgpu"] td')).toHaveText(
		/^not timed: a software adapter .*never preferred over WASM$/
	);
	await expect(trials.locator('tr[data-path="webgl"] td')).toHaveText(
		/^not timed: a software adapter .*never preferred over WASM$/
	);
	await expect(trials.locator('tr[data-path="cpu"] td')).toHaveText(
		'not timed: plain JavaScript: TF.js WASM does the same arithmetic faster'
	);
	// Exactly one path stepped the batches, and it is one that was timed; the caption names it.
	const used = trials.locator('tr.used');
	await expect(used).toHaveCount(1);
	await expect(used.locator('td')).toHaveText(timed);
	const usedLabel = (await used.locator('th').textContent())!.replace(' (used)', '');
	await expect(trials.locator('caption')).toHaveText(
		`Training paths timed on this run's batches: ${usedLabel} stepped them`
	);
	// The run stayed on WASM (the backend the studio chose first: no timed TF.js path beat it elsewhere).
	await expect(page.getByText(/backend wasm, chosen automatically/).first()).toBeVisible();

	if (takingShots) {
		await trials.scrollIntoViewIfNeeded();
		await shot(page, 'engine-trials-1280', { fullPage: false });
		await page.setViewportSize({ width: 390, height: 844 });
		await trials.scrollIntoViewIfNeeded();
		await shot(page, 'engine-trials-390', { fullPage: false });
	}
});
