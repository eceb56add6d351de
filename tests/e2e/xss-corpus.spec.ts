// The XSS corpus through the studio (issue 17): a CSV whose file name, header and cells hold markup,
// script and URL payloads is imported, shown (table, profile, charts and their tooltips), prepared,
// trained (and saved as a model whose name and notes are payloads), evaluated, and its HTML report
// opened. The policy is bypassed here on purpose, so this tests the escaping itself: a payload put into
// the page as HTML would run and set `window.__xss`, and any element carrying an inline handler or a
// javascript: link is caught as it is added, as is any dialog.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { HOSTILE_FILE_NAME, PAYLOADS, hostileCsv } from './xss-payloads.ts';
import { watchInjection } from './xss-watch.ts';
import { shot } from './shots.ts';

test.use({ bypassCSP: true });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Experiment stages' });

/** Hovers marks of the charts on screen, so vega's tooltips render their (hostile) text; returns the
 * tooltips' text as shown. */
async function hoverMarks(page: Page, limit = 40): Promise<string[]> {
	const marks = page.locator('main figure svg .role-mark path, main figure svg .role-mark rect');
	const tooltip = page.locator('#vg-tooltip-element');
	const shown: string[] = [];
	const count = Math.min(await marks.count(), limit);
	for (let i = 0; i < count; i++) {
		const hovered = await marks
			.nth(i)
			.hover({ force: true, timeout: 1000 })
			.then(() => true)
			.catch(() => false);
		if (hovered && (await tooltip.isVisible())) shown.push(await tooltip.innerText());
	}
	return shown;
}

test('payloads in file name, header, cells and categories stay text from import to report', async ({
	page
}) => {
	test.setTimeout(240_000);
	const injected = await watchInjection(page);

	await page.goto('/data');
	await page
		.getByLabel('Choose a file…')
		.setInputFiles({ name: HOSTILE_FILE_NAME, mimeType: 'text/csv', buffer: Buffer.from(hostileCsv()) });
	await page.waitForURL(/\/data\?id=/);
	const id = new URL(page.url()).searchParams.get('id')!;
	// Shown as the very text it is: the table's header and a class value.
	await expect(page.locator('main')).toContainText(PAYLOADS.img);
	await expect(page.locator('main')).toContainText(PAYLOADS.closeScript);
	await expect(page.locator('main')).toContainText(PAYLOADS.js);
	await shot(page, 'xss-data-1280', { fullPage: false });

	await page.getByRole('tab', { name: 'Profile & quality' }).click();
	await expect(page.getByRole('region', { name: 'Overview' })).toContainText('90 rows');
	await expect(page.locator('main figure svg').first()).toBeVisible();
	// A tooltip names a hostile category as text (vega-tooltip writes text, not markup).
	const tooltips = await hoverMarks(page);
	expect(
		tooltips.some((text) => text.includes('<script>') || text.includes('<img src=x')),
		`tooltips seen: ${tooltips.length}`
	).toBe(true);
	await shot(page, 'xss-profile-1280');

	await nav(page)
		.getByRole('link', { name: /Prepare/ })
		.click();
	await expect(page.getByRole('list', { name: 'Recipe steps' }).locator(':scope > li').first()).toBeVisible();
	await expect(page.locator('main')).toContainText(PAYLOADS.img);

	await nav(page).getByRole('link', { name: /Train/ }).click();
	await expect(page.getByTestId('task-reason')).toContainText('classification');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	const runs = page.getByRole('list', { name: 'Runs' });
	await expect(runs.getByRole('button')).toHaveCount(1, { timeout: 120_000 });
	await hoverMarks(page);
	// A model name and notes that are payloads too, shown on Models as text.
	await page.getByRole('button', { name: 'Save as model' }).first().click();
	await page.getByLabel('Model name').fill(PAYLOADS.svg);
	await page.getByLabel('Notes (optional)').fill(`${PAYLOADS.script} ${PAYLOADS.attribute} ${PAYLOADS.rtl}`);
	await page.getByRole('button', { name: 'Save version' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved as' })).toContainText(PAYLOADS.svg);
	await page.goto('/models');
	await expect(page.locator('main')).toContainText(PAYLOADS.svg);

	await page.goto(`/evaluate?id=${encodeURIComponent(id)}`);
	await expect(page.locator('table[data-split="test"]')).toBeVisible({ timeout: 60_000 });
	const matrix = page.getByTestId('confusion-matrix');
	// Axis labels are cut to fit (with an ellipsis); what is there is the payload's own text.
	await expect(matrix.locator('svg')).toContainText(PAYLOADS.img.slice(0, 15));
	await expect(matrix.locator('svg')).toContainText(PAYLOADS.js.slice(0, 15));
	await hoverMarks(page);
	for (const tab of await page.getByRole('tab').all()) {
		await tab.click();
		await hoverMarks(page);
	}
	await shot(page, 'xss-evaluate-1280');

	await expect(page.getByText('Until the evaluation is in')).toBeHidden({ timeout: 60_000 });
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download report' }).click();
	const report = await readFile((await (await download).path())!, 'utf8');
	for (const payload of [PAYLOADS.img, PAYLOADS.script, PAYLOADS.svg, PAYLOADS.closeScript])
		expect(report.includes(payload), `the report holds ${payload} unescaped`).toBe(false);
	// Opened as a page of its own (same origin, policy bypassed): its text is there and nothing runs.
	await page.route('**/xss-report.html', (route) =>
		route.fulfill({ contentType: 'text/html', body: report })
	);
	await page.goto('/xss-report.html');
	await expect(page.locator('body')).toContainText(PAYLOADS.img);
	await expect(page.locator('body')).toContainText(PAYLOADS.closeScript);

	expect(injected).toEqual([]);
});

test('the watch itself: a payload put in as HTML is caught', async ({ page }) => {
	const injected = await watchInjection(page);
	await page.goto('/');
	await page.evaluate((html) => {
		const box = document.createElement('div');
		box.innerHTML = html;
		document.body.append(box);
	}, PAYLOADS.img);
	await expect.poll(() => injected.some((line) => line === 'window.__xss = img')).toBe(true);
	expect(injected.some((line) => line.startsWith('<img onerror='))).toBe(true);
});
