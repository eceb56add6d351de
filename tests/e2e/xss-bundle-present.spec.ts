// The XSS corpus beyond the studio's own pages (issue 17): a model trained on the hostile table
// (xss-payloads.ts: payloads as file name, column names, category and class values) and saved under a
// payload name is exported as a bundle; the bundle's index.html demo and its <benchtop-model> element
// (which draws a form from the model's schema and names the predicted class) are served from the test as
// a plain folder and opened. Then the run, shared with its weights under a payload name, is opened as a
// presentation and walked step by step. The policy is bypassed on purpose (this tests the escaping
// itself); nothing may run: `window.__xss` stays unset, no dialog opens, no inline handler is added.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { expect, test } from './fixtures.ts';
import { HOSTILE_FILE_NAME, PAYLOADS, hostileCsv } from './xss-payloads.ts';
import { watchInjection } from './xss-watch.ts';
import { shot } from './shots.ts';

test.use({ bypassCSP: true });

const TYPES: Record<string, string> = {
	'.js': 'text/javascript',
	'.html': 'text/html; charset=utf-8',
	'.json': 'application/json'
};

/** Imports the hostile table and trains one run on it; returns the data set's id. */
async function trainHostile(page: Page): Promise<string> {
	await page.goto('/data');
	await page
		.getByLabel('Choose a file…')
		.setInputFiles({ name: HOSTILE_FILE_NAME, mimeType: 'text/csv', buffer: Buffer.from(hostileCsv()) });
	await page.waitForURL(/\/data\?id=/);
	const id = new URL(page.url()).searchParams.get('id')!;
	await page.goto(`/train?id=${encodeURIComponent(id)}`);
	await expect(page.getByTestId('task-reason')).toContainText('classification');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(page.getByRole('list', { name: 'Runs' }).getByRole('button')).toHaveCount(1, {
		timeout: 120_000
	});
	return id;
}

test('the exported bundle’s demo page and <benchtop-model> show hostile names as text', async ({
	page
}, testInfo) => {
	test.setTimeout(240_000);
	const injected = await watchInjection(page);
	await trainHostile(page);
	await page.getByRole('button', { name: 'Save as model' }).first().click();
	await page.getByLabel('Model name').fill(PAYLOADS.svg);
	await page.getByRole('button', { name: 'Save version' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved as' })).toContainText(PAYLOADS.svg);

	await page.goto('/export');
	const source = page.getByLabel('Model version or run');
	const option = source.locator('option', { hasText: PAYLOADS.svg });
	await expect(option).toHaveCount(1);
	await source.selectOption((await option.getAttribute('value'))!);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download bundle (.zip)' }).click()
	]);
	const zipPath = testInfo.outputPath('hostile-bundle.zip');
	await download.saveAs(zipPath);
	const files = unzipSync(new Uint8Array(await readFile(zipPath)));
	const names = Object.keys(files);
	const index = names.find((n) => n.endsWith('/index.html'));
	expect(index, names.join(', ')).toBeDefined();
	const folder = index!.slice(0, -'index.html'.length);
	const html = new TextDecoder().decode(files[index!]);
	expect(html).not.toContain(PAYLOADS.svg);
	expect(html).toContain('&lt;svg onload=');

	// The folder, served as it is (same origin, under /xss-bundle/), its demo page opened.
	await page.route('**/xss-bundle/**', (route) => {
		const path = decodeURIComponent(new URL(route.request().url()).pathname).replace(/^\/xss-bundle\//, '');
		const body = files[`${folder}${path}`];
		return body
			? route.fulfill({
					body: Buffer.from(body),
					contentType: TYPES[extname(path)] ?? 'application/octet-stream'
				})
			: route.fulfill({ status: 404 });
	});
	await page.goto('/xss-bundle/index.html');
	// The bundle is named after the model version: the payload name and "v1".
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${PAYLOADS.svg} v1`);
	expect(await page.title()).toBe(`${PAYLOADS.svg} v1: prediction demo`);
	const element = page.locator('benchtop-model');
	await expect(element.getByRole('button', { name: 'Predict' })).toBeVisible({ timeout: 30_000 });
	// The form's labels are the hostile column names, as text.
	const labels = await element.locator('label > span').allInnerTexts();
	expect(labels).toHaveLength(3);
	for (const [i, column] of [PAYLOADS.img, PAYLOADS.svg, PAYLOADS.closeScript].entries())
		expect(labels[i]!.replace(/ \(optional\)$/, '')).toBe(column);
	await element.locator('input').nth(0).fill('3.2');
	await element.locator('input').nth(1).fill('1.8');
	await element.locator('input').nth(2).fill(PAYLOADS.attribute);
	await element.getByRole('button', { name: 'Predict' }).click();
	// The predicted class is one of the payload classes, shown as text.
	const output = element.locator('output');
	await expect(output).toHaveText(/ \(\d+\.\d%\)$/);
	const shown = await output.innerText();
	expect(
		[PAYLOADS.img, PAYLOADS.js, PAYLOADS.rtl].some((label) => shown.startsWith(label)),
		shown
	).toBe(true);
	expect(await element.locator('img, script, svg, iframe').count()).toBe(0);
	await shot(page, 'xss-bundle-1280');
	expect(injected).toEqual([]);
});

test('Present, opened from a share link whose run name is a payload, shows every step as text', async ({
	page
}) => {
	test.setTimeout(240_000);
	const injected = await watchInjection(page);
	await trainHostile(page);
	await page.getByRole('button', { name: 'Share' }).click();
	const dialog = page.getByRole('dialog', { name: 'Share this experiment' });
	await expect(dialog.getByRole('definition').first()).toContainText(PAYLOADS.img);
	await dialog.getByRole('checkbox', { name: /With the trained weights/ }).check();
	const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
	await dialog.getByRole('button', { name: 'Close' }).click();

	// The same experiment under a hostile name (the run it becomes is named after it).
	const { decodeShareLink, encodeShareFragment } = await import('../../src/lib/core/share/index.ts');
	const decoded = decodeShareLink(new URL(link).hash);
	if (!decoded.ok) throw new Error(decoded.message);
	const runName = `${PAYLOADS.attribute}${PAYLOADS.script}`;
	const fragment = encodeShareFragment({ ...decoded.payload, name: runName });
	await page.goto(`/share#${fragment}&view=present`);
	await expect(page.getByRole('heading', { name: /Shared experiment:/ })).toContainText(runName);
	await page.getByRole('button', { name: 'Open in my workspace' }).click();
	await page.waitForURL(/\/present\?id=/);

	const present = page.getByTestId('present');
	const heading = page.locator('#slide-heading');
	await expect(heading).toContainText('The data');
	await expect(present).toContainText(PAYLOADS.img);
	await expect(present.getByRole('list', { name: 'Columns' })).toContainText(PAYLOADS.closeScript);
	await expect(present.getByRole('table')).toContainText(PAYLOADS.script);
	await shot(page, 'xss-present-data-1280', { fullPage: false });
	// Walked with the buttons this time (teaching-views walks it with the arrow keys).
	const next = page.getByRole('button', { name: 'Next →' });
	await next.click();
	await expect(heading).toContainText('The recipe');
	await expect(present.getByRole('definition').first()).toContainText(PAYLOADS.rtl);
	await next.click();
	await expect(heading).toContainText('The model');
	await page.getByRole('button', { name: '← Back' }).click();
	await expect(heading).toContainText('The recipe');
	await next.click();
	await next.click();
	await expect(heading).toContainText('Training');
	await next.click();
	await expect(heading).toContainText('Evaluation');
	await expect(next).toBeDisabled();
	await expect(present).toContainText(`${runName} (shared)`);
	await expect(present.getByRole('list', { name: 'Test figures' })).toContainText('Accuracy');
	await expect(present.getByTestId('what-if-prediction')).not.toBeEmpty({ timeout: 60_000 });
	await shot(page, 'xss-present-evaluation-1280');
	expect(await present.locator('img, script, svg[onload], iframe').count()).toBe(0);
	expect(injected).toEqual([]);
});
