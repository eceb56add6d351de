// The engine chooser on a GPU backend: a run large enough to be timed (iris for up to 2000 epochs: about
// 3 GFLOP planned) on WebGPU times the fused engine against TF.js WebGPU without losing the device (the
// engine's dropout masks are drawn in plain JS, no synchronous GPU read-back), and the software adapter's
// TF.js path is never the one chosen.
import { expect, test } from './fixtures.ts';
import { trainTimedIris } from './chooser-run.ts';

test('on WebGPU (SwiftShader) the chooser times both paths, keeps the device, and prefers the engine', async ({
	page
}) => {
	test.setTimeout(180_000);
	await trainTimedIris(page, 'webgpu');
	const record = page.getByText(/batches by the fused WASM engine/).first();
	await expect(record).toContainText("measured on this run's batches");
	await expect(record).toContainText(/TF\.js webgpu \(software adapter\) [\d.]+ ms per batch/);
	await expect(record).toContainText('software adapters are never preferred');
	await expect(page.getByRole('list', { name: 'Runs' })).toContainText('on webgpu');
});
