// A Teachable Machine image model in Chromium: its three files (made by tests/fixtures/teachable with TF.js
// layers, TM's exact nesting, 224 × 224) are imported on the Export page, saved as a model version whose
// Try it predicts a picture (class bars whose probabilities equal TF.js on the same prepared tensor) and
// says so for a file that is not a picture; the bundle downloaded carries the image runtime.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import * as tf from '@tensorflow/tfjs';
import { strFromU8, unzipSync } from 'fflate';
import { imagePixels } from '../../src/lib/runtime/image.ts';
import { expect, test } from './fixtures.ts';
import { saveImageModel, writeTeachableFiles } from './teachable-files.ts';
import { shot } from './shots.ts';

const LABELS = ['Cat', 'Dog', 'Neither'];

/** A 96 × 64 PNG drawn in the page (gradients and a disc), and its RGBA pixels as the browser decodes them. */
async function picture(page: Page) {
	return page.evaluate(async () => {
		const canvas = document.createElement('canvas');
		canvas.width = 96;
		canvas.height = 64;
		const context = canvas.getContext('2d')!;
		const gradient = context.createLinearGradient(0, 0, 96, 64);
		gradient.addColorStop(0, '#d94');
		gradient.addColorStop(1, '#27c');
		context.fillStyle = gradient;
		context.fillRect(0, 0, 96, 64);
		context.fillStyle = '#fff';
		context.beginPath();
		context.arc(48, 32, 18, 0, Math.PI * 2);
		context.fill();
		const blob = await new Promise<Blob>((done) => canvas.toBlob((b) => done(b!), 'image/png'));
		const bytes = new Uint8Array(await blob.arrayBuffer());
		const bitmap = await createImageBitmap(blob);
		const decoded = document.createElement('canvas');
		decoded.width = bitmap.width;
		decoded.height = bitmap.height;
		const ctx = decoded.getContext('2d')!;
		ctx.drawImage(bitmap, 0, 0);
		return { png: [...bytes], rgba: [...ctx.getImageData(0, 0, 96, 64).data] };
	});
}

test('a Teachable Machine model imports, predicts a picture in Try it as TF.js does, and exports its bundle', async ({
	page
}, testInfo) => {
	test.setTimeout(180_000);
	const { model, paths } = await writeTeachableFiles({ size: 224, labels: LABELS, seed: 5 }, testInfo);

	await page.goto('/export');
	// The picture every check predicts, and TF.js's probabilities for it (the browser's decoded pixels,
	// prepared as the runtime does).
	const { png, rgba } = await picture(page);
	const prepared = imagePixels(
		{ image: { width: 96, height: 64, data: Uint8ClampedArray.from(rgba) } },
		{ height: 224, width: 224, channels: 3, scale: 1 / 127.5, offset: -1 }
	) as Float64Array;
	const x = tf.tensor4d(Float32Array.from(prepared), [1, 224, 224, 3]);
	const expected = ((model.predict(x) as tf.Tensor).arraySync() as number[][])[0]!;
	const best = expected.indexOf(Math.max(...expected));
	const pngFile = { name: 'pet.png', mimeType: 'image/png', buffer: Buffer.from(png) };

	await saveImageModel(
		page,
		paths,
		'Pets',
		'a Teachable Machine image model (TM 2.4.7): one 224×224×3 picture per row (centre square, resized, v / 127.5 − 1) → 3 classes (Cat, Dog, Neither), 161 layers with its nested MobileNet'
	);

	// The bundle of the imported version: the image runtime, a picture picker in its page.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download bundle (.zip)' }).click()
	]);
	await download.saveAs(testInfo.outputPath('bundle.zip'));
	const bundle = unzipSync(new Uint8Array(await readFile(testInfo.outputPath('bundle.zip'))));
	const file = (end: string) => strFromU8(bundle[Object.keys(bundle).find((n) => n.endsWith(end))!]!);
	expect(file('/model.js')).toContain('global-avg-pool');
	expect(file('/model.js')).toContain('"image":{"height":224,"width":224,"channels":3');
	expect(file('/README.md')).toContain('## Input: one picture per row');

	// Benchtop's own TF.js zip of the imported model imports again (the live preview below then runs it).
	const [tfjsZip] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download TF.js zip' }).click()
	]);
	await tfjsZip.saveAs(testInfo.outputPath('pets-tfjs.zip'));
	await page.getByLabel('Model files').setInputFiles(testInfo.outputPath('pets-tfjs.zip'));
	await expect(page.getByTestId('import-accepted')).toContainText(
		'Accepted: a Benchtop cnn model (classification) reading one 224×224×3 picture per row, classes Cat, Dog, Neither.'
	);
	await page.getByLabel('Save as model').fill('Pets again');
	await page.getByRole('button', { name: 'Save as model version' }).click();
	await expect(page.getByTestId('import-saved')).toHaveText('Saved as Pets again v1.');
	await expect(page.getByLabel('Model version or run').locator('option:checked')).toContainText('Pets again');

	/** "Cat 61.2 %, Dog 30.1 %, …" (the snippet) or "Cat (61.2%)" (the bundle's element) → class → percent. */
	const percents = (text: string) =>
		new Map([...text.matchAll(/(Cat|Dog|Neither) \(?([\d.]+) ?%/g)].map((m) => [m[1]!, Number(m[2])]));
	const near = (percent: number | undefined, label: string) =>
		expect(Math.abs(percent! - expected[LABELS.indexOf(label)]! * 100)).toBeLessThanOrEqual(0.05 + 1e-9);

	// The embed snippet wires a picture input, and its live preview predicts the picture as TF.js does.
	await expect(page.getByTestId('embed-snippet')).toHaveValue(
		/<input name="image" type="file" accept="image\/\*" required>/
	);
	await expect(page.getByTestId('embed-status')).toContainText('Live', { timeout: 60_000 });
	const frame = page.frameLocator('iframe[title="Embed preview"]');
	await frame.locator('input[name="image"]').setInputFiles(pngFile);
	await frame.getByRole('button', { name: 'Predict' }).click();
	await expect(frame.locator('output')).toContainText(' %, ', { timeout: 60_000 });
	const previewed = percents(await frame.locator('output').innerText());
	expect([...previewed.keys()]).toEqual(
		[...LABELS].sort((a, b) => expected[LABELS.indexOf(b)]! - expected[LABELS.indexOf(a)]!)
	);
	for (const [label, percent] of previewed) near(percent, label);

	// The bundle's own index.html, served statically (from the zip's files, under this site's origin):
	// its <benchtop-model> element draws a picture picker that predicts the picture in Chromium.
	const served = new Map(
		Object.entries(bundle).map(([name, bytes]) => [name.slice(name.indexOf('/') + 1), bytes] as const)
	);
	const types: Record<string, string> = {
		html: 'text/html',
		js: 'text/javascript',
		bin: 'application/octet-stream'
	};
	await page.route('**/served-bundle/**', (route) => {
		const name = new URL(route.request().url()).pathname.split('/served-bundle/')[1]!;
		const bytes = served.get(name);
		return bytes
			? route.fulfill({
					body: Buffer.from(bytes),
					contentType: types[name.split('.').pop()!] ?? 'text/plain'
				})
			: route.fulfill({ status: 404, body: 'not in the bundle' });
	});
	await page.goto('/served-bundle/index.html');
	const element = page.locator('benchtop-model');
	await element.getByLabel('Picture').setInputFiles(pngFile);
	await element.getByRole('button', { name: 'Predict' }).click();
	await expect(element.locator('output')).toHaveText(new RegExp(`^${LABELS[best]} \\(`), { timeout: 60_000 });
	const shownByElement = percents(await element.locator('output').innerText());
	near(shownByElement.get(LABELS[best]!), LABELS[best]!);
	await page.unroute('**/served-bundle/**');

	await page.goto('/models');
	await page
		.getByTestId('model-card')
		.filter({ has: page.getByRole('heading', { name: 'Pets', exact: true }) })
		.getByRole('link', { name: 'v1', exact: true })
		.click();
	const detail = page.getByTestId('version-detail');
	await expect(detail.getByRole('heading', { name: 'Try it' })).toBeVisible();
	// Continue training and drift checks take table rows: not offered for a model of pictures, the reason said.
	await expect(detail.getByTestId('table-actions-blocked')).toHaveText(
		'Continue training and drift checks take rows of a table; this model’s rows are pictures (an imported image model), so neither applies to it.'
	);
	await expect(detail.getByRole('link', { name: 'Continue training' })).toHaveCount(0);
	await expect(detail.getByRole('link', { name: 'Check new data for drift' })).toHaveCount(0);

	// A file that is not a picture.
	await detail.getByLabel('Pick or drop a picture').setInputFiles({
		name: 'notes.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from('not a picture')
	});
	await expect(detail.getByRole('alert')).toContainText(
		'“notes.txt” is not an image file (text/plain): pick a PNG, JPEG, GIF or WebP picture.'
	);

	// A picture, picked with the keyboard's reach (the file input is focusable) and predicted.
	const input = detail.getByLabel('Pick or drop a picture');
	await input.focus();
	await expect(input).toBeFocused();
	// The read, the check and the forward pass run in the export worker, and "Predicting…" says it is busy
	// (the page's thread while it predicts: try-image-thread.spec.ts).
	await input.setInputFiles(pngFile);
	await expect(detail.getByTestId('try-busy')).toHaveText('Predicting…');
	const answer = detail.getByTestId('try-answer');
	await expect(answer).toBeVisible({ timeout: 60_000 });
	expect(Number(await detail.getByTestId('try-ms').getAttribute('data-ms'))).toBeGreaterThan(0);
	const shown = await answer.getByRole('listitem').allInnerTexts();
	expect(shown).toHaveLength(3);

	// TF.js on the same prepared tensor.
	await expect(answer.getByRole('status')).toHaveText(`Predicted: ${LABELS[best]}`);
	shown.forEach((text, j) => {
		const percent = Number(/([\d.]+)%$/.exec(text.trim())![1]);
		expect(text).toContain(LABELS[j]!);
		expect(Math.abs(percent - expected[j]! * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
	});
	// The exact probabilities (each bar's data-p) equal TF.js's to 1e-5.
	const exact = await answer
		.getByRole('listitem')
		.evaluateAll((items) => items.map((li) => Number(li.dataset.p)));
	exact.forEach((p, j) => expect(Math.abs(p - expected[j]!)).toBeLessThan(1e-5));
	x.dispose();
	model.dispose();

	await shot(page, 'teachable-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await shot(page, 'teachable-390');
});
