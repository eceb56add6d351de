// A plain TF.js image model (cnn-digits) and a Teachable Machine-shaped nested model (nested-mobilenet) go
// through the Export page's import, in the export worker. (The 4.6 MB model's no-long-task check is in
// export-worker-thread.spec.ts, run alone.)
import { expect, test } from './fixtures.ts';

test('a plain TF.js image model imports as a CNN; a Teachable Machine-shaped nested model without its metadata.json is refused with the reason', async ({
	page
}) => {
	const cnn = (name: string) => `tests/fixtures/tfjs/cnn-digits/${name}`;
	await page.goto('/export');
	await page
		.getByLabel('Model files')
		.setInputFiles(['model.json', 'group1-shard1of2.bin', 'group1-shard2of2.bin'].map(cnn));
	await expect(page.getByTestId('import-accepted')).toContainText(
		'64 inputs (a 8×8×1 image per row, row-major, channels last) → 10 classes (softmax)'
	);
	const tm = (name: string) => `tests/fixtures/tfjs/nested-mobilenet/${name}`;
	await page.getByLabel('Model files').setInputFiles([tm('model.json'), tm('weights.bin')]);
	await expect(page.getByRole('alert')).toContainText(
		'model.json: layer 1 (mobilenet_truncated) is a nested Sequential model of 2 layers taking 224×224×3 images with DepthwiseConv2D, GlobalAveragePooling2D layers'
	);
	await expect(page.getByRole('alert')).toContainText(
		'a Teachable Machine model is imported with its metadata.json (labels, imageSize) beside model.json and weights.bin'
	);
	await expect(page.getByTestId('import-accepted')).toHaveCount(0);
});
