// Right-to-left overrides in names (issue 17): a column name and category values that open a
// right-to-left override (U+202E) and never close it, the classic "gnp.exe" trick. Each name is isolated
// where it is shown (<bdi>), so the words around it keep their order: the experiment strip's split
// ("stratified by <name> · 70 / 15 / 15 % · seed 42"), the profile's most-frequent-values list (a count
// after each value), the share dialog's contents. The order is measured on screen: the x positions of the
// characters of the text after the name. A control without <bdi> shows the check can fail.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { importCsv } from './import-file.ts';
import { shot, shotWidths } from './shots.ts';

const RLO = '\u202E';
const TARGET = `evil${RLO}target`;
const CATEGORY = `${RLO}cat`;

function csv(): string {
	const lines = [`a,b,${TARGET}`];
	for (let i = 0; i < 60; i++) {
		const k = i % 2;
		lines.push(
			`${(k * 2 + (i % 7) / 10).toFixed(1)},${(k - (i % 5) / 10).toFixed(1)},${k ? CATEGORY : 'plain'}`
		);
	}
	return `${lines.join('\n')}\n`;
}

/**
 * Whether `text`, inside `within`'s first text node that holds it, is drawn left to right on screen: the
 * first character's left edge before the last one's. An override leaking out of a name reverses it.
 */
async function drawnLeftToRight(within: Locator, text: string): Promise<boolean> {
	return within.evaluate((root, wanted) => {
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const at = node.textContent!.indexOf(wanted);
			if (at < 0) continue;
			const left = (offset: number) => {
				const range = document.createRange();
				range.setStart(node, offset);
				range.setEnd(node, offset + 1);
				return range.getBoundingClientRect().left;
			};
			return left(at) < left(at + wanted.length - 1);
		}
		throw new Error(`no text node holds “${wanted}”`);
	}, text);
}

async function importTable(page: Page): Promise<void> {
	await page.goto('/data');
	await page
		.getByLabel('Choose a file…')
		.setInputFiles({ name: 'bidi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv()) });
	await page.waitForURL(/\/data\?id=/);
}

test('a right-to-left override in a name does not reorder the text around it', async ({ page }) => {
	await importTable(page);
	const split = page.getByTestId('summary-split');
	await expect(split).toHaveText(`stratified by ${TARGET} · 70 / 15 / 15 % · seed 42`);
	// The name is its own isolated element, and the text after it reads left to right.
	await expect(split.locator('bdi')).toHaveText(TARGET);
	expect(await split.locator('bdi').evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
	expect(await drawnLeftToRight(split, 'seed 42')).toBe(true);
	await expect(page.getByTestId('summary-target').locator('bdi')).toHaveText(TARGET);

	// The control: the same sentence without isolation is drawn reversed after the name.
	await page.evaluate((sentence) => {
		const p = document.createElement('p');
		p.dataset.testid = 'bidi-control';
		p.textContent = sentence;
		document.querySelector('main')!.append(p);
	}, `stratified by ${TARGET} · 70 / 15 / 15 % · seed 42`);
	expect(await drawnLeftToRight(page.getByTestId('bidi-control'), 'seed 42')).toBe(false);

	// The profile's most frequent values: each count stays after its value and reads "30", not "03".
	await page.getByRole('tab', { name: 'Profile & quality' }).click();
	const top = page.getByRole('list', { name: `Most frequent values of ${TARGET}` });
	await expect(top.locator('li')).toHaveCount(2);
	const item = top.locator('li', { hasText: 'cat' });
	await expect(item.locator('bdi')).toHaveText(CATEGORY);
	expect(await drawnLeftToRight(item, '30')).toBe(true);
	await expect(page.getByRole('heading', { name: `Features against ${TARGET}` }).locator('bdi')).toHaveText(
		TARGET
	);
	await shot(page, 'bidi-profile-1280', { fullPage: false });

	// Present's model step names the classes in a sentence: each one isolated.
	const id = new URL(page.url()).searchParams.get('id')!;
	await page.goto(`/present?id=${encodeURIComponent(id)}&step=model`);
	const out = page.getByRole('list', { name: 'Layers' }).locator('li').last();
	await expect(out).toContainText('softmax: a probability for each of 2 classes (');
	await expect(out.locator('bdi')).toHaveCount(2);
	expect((await out.locator('bdi').allTextContents()).sort()).toEqual(['plain', CATEGORY].sort());
	// The closing parenthesis stays at the right end, after both names.
	const closeRightOfNames = await out.evaluate((li) => {
		const last = [...li.childNodes]
			.filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(')'))
			.at(-1)!;
		const range = document.createRange();
		const at = last.textContent!.lastIndexOf(')');
		range.setStart(last, at);
		range.setEnd(last, at + 1);
		const close = range.getBoundingClientRect().left;
		return [...li.querySelectorAll('bdi')].every((bdi) => bdi.getBoundingClientRect().right <= close + 0.5);
	});
	expect(closeRightOfNames).toBe(true);
});

test('the share dialog and the opened link isolate the names they hold', async ({ page }) => {
	test.setTimeout(150_000);
	await importTable(page);
	const id = new URL(page.url()).searchParams.get('id')!;
	await page.goto(`/train?id=${encodeURIComponent(id)}`);
	await expect(page.getByTestId('task-reason')).toContainText('classification');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(page.getByRole('list', { name: 'Runs' }).getByRole('button')).toHaveCount(1, {
		timeout: 120_000
	});
	await page.getByRole('button', { name: 'Share' }).click();
	const dialog = page.getByRole('dialog', { name: 'Share this experiment' });
	const holds = dialog.getByRole('definition').nth(1);
	await expect(holds).toContainText(`classification of ${TARGET}; recipe`);
	await expect(holds.locator('bdi')).toHaveText(TARGET);
	expect(await drawnLeftToRight(holds, 'recipe')).toBe(true);
	const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();

	await page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
	const opened = page.getByRole('definition').nth(1);
	await expect(opened.locator('bdi')).toHaveText(TARGET);
	expect(await drawnLeftToRight(opened, 'recipe')).toBe(true);
});

// The sweep's places: a run's name (built in core, the names in it wrapped in FSI … PDI), the drift
// report (a feature missing from the new data, a new category in a reason, the data set names), the
// storage panel's and the data set picker's lists. The new data set's file name holds the override too.
const FEATURE = `feat${RLO}ure`;
const NEW_VALUE = `${RLO}new`;
const NEW_NAME = `new${RLO}data`;

function trainingCsv(): string {
	const lines = [`a,${FEATURE},kind,${TARGET}`];
	for (let i = 0; i < 60; i++) {
		const k = i % 2;
		const a = (k * 2 + (i % 7) / 10).toFixed(1);
		lines.push(`${a},${(k - (i % 5) / 10).toFixed(1)},${i % 3 ? 'p' : 'q'},${k ? 'yes' : 'no'}`);
	}
	return `${lines.join('\n')}\n`;
}

function newCsv(): string {
	const lines = [`a,kind,${TARGET}`];
	for (let i = 0; i < 30; i++) lines.push(`${((i % 2) * 2).toFixed(1)},${NEW_VALUE},${i % 2 ? 'yes' : 'no'}`);
	return `${lines.join('\n')}\n`;
}

/**
 * The control for `within`: a paragraph holding its text with the isolation taken away (no <bdi>, no
 * FSI … PDI), appended to the page; the same words must then be drawn reversed.
 */
async function withoutIsolation(page: Page, within: Locator): Promise<Locator> {
	const id = `control-${Math.random().toString(36).slice(2)}`;
	await within.evaluate((element, testId) => {
		const p = document.createElement('p');
		p.dataset.testid = testId;
		p.textContent = element.textContent!.replace(/[\u2066-\u2069]/g, '');
		document.querySelector('main')!.append(p);
	}, id);
	return page.getByTestId(id);
}

test('run names, the drift report and the storage and data set lists isolate the names they hold', async ({
	page
}) => {
	test.setTimeout(240_000);
	const trainingId = await importCsv(page, 'bidi-train.csv', trainingCsv());
	await page.goto(`/train?id=${encodeURIComponent(trainingId)}`);
	await expect(page.getByTestId('task-reason')).toContainText('classification');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	const runs = page.getByRole('list', { name: 'Runs' });
	await expect(runs.getByRole('button')).toHaveCount(1, { timeout: 120_000 });

	// The run's name: "MLP · <target> · bidi-train", the target isolated in the stored string itself.
	const runName = runs.locator('.name').first();
	await expect(runName).toContainText(TARGET);
	const stored = (await runName.textContent())!;
	expect(stored).toContain(`\u2068${TARGET}\u2069`);
	expect(await drawnLeftToRight(runName, 'bidi-train')).toBe(true);
	// The control: the same name without the isolates is drawn reversed after the target.
	expect(await drawnLeftToRight(await withoutIsolation(page, runName), 'bidi-train')).toBe(false);

	// The validation gate: the run's name in its result, and a metric typed with an override in its reason.
	await page.goto(`/evaluate?id=${encodeURIComponent(trainingId)}`);
	await page.getByRole('tab', { name: /Compare/ }).click();
	await page.getByRole('button', { name: 'Add threshold' }).click();
	await page.getByTestId('gate-threshold').getByLabel('Metric').fill(`acc${RLO}x`);
	const result = page.getByTestId('gate-result');
	await expect(result).toContainText('fail');
	expect(await drawnLeftToRight(result, 'bidi-train')).toBe(true);
	const unmet = result.locator('li', { hasText: 'no value on this run' });
	await expect(unmet).toContainText(`test \u2068acc${RLO}x\u2069: no value on this run`);
	expect(await drawnLeftToRight(unmet, 'no value on this run')).toBe(true);
	expect(await drawnLeftToRight(await withoutIsolation(page, unmet), 'no value on this run')).toBe(false);

	const newId = await importCsv(page, `${NEW_NAME}.csv`, newCsv());

	// The drift report of the new data against the run.
	await page.goto('/models/drift');
	await page.getByRole('combobox', { name: /^New data/ }).selectOption(newId);
	await page.getByRole('button', { name: 'Check for drift' }).click();
	await expect(page.getByRole('heading', { name: /columns? drifted$/ })).toBeVisible({ timeout: 60_000 });
	const missing = page.locator('p', { hasText: 'Missing from this data set' });
	await expect(missing.locator('bdi')).toHaveText(FEATURE);
	expect(await drawnLeftToRight(missing, 'each counts')).toBe(true);
	expect(await drawnLeftToRight(await withoutIsolation(page, missing), 'each counts')).toBe(false);
	const summary = page.locator('p', { hasText: 'training rows of' });
	await expect(summary).toContainText(`30 rows of \u2068${NEW_NAME}\u2069 against`);
	expect(await drawnLeftToRight(summary, 'training rows')).toBe(true);
	expect(await drawnLeftToRight(await withoutIsolation(page, summary), 'training rows')).toBe(false);
	const reason = page.getByRole('listitem').filter({ hasText: 'never seen in training' });
	await expect(reason).toContainText(`(“\u2068${NEW_VALUE}\u2069”) on 100.0% of rows`);
	expect(await drawnLeftToRight(reason, 'of rows')).toBe(true);
	expect(await drawnLeftToRight(await withoutIsolation(page, reason), 'of rows')).toBe(false);
	await shotWidths(page, 'bidi-drift', { height: 1200, fullPage: false });

	// The storage panel's data sets: the size stays after the name and reads left to right.
	await page.goto('/');
	const usage = page.getByTestId('dataset-usage').locator('li', { hasText: 'data' });
	await expect(usage.locator('bdi')).toHaveText(NEW_NAME);
	const size = (await usage.textContent())!.split(': ').at(-1)!.trim();
	expect(size).toMatch(/^\d/);
	expect(await drawnLeftToRight(usage, size)).toBe(true);
	expect(await drawnLeftToRight(await withoutIsolation(page, usage), size)).toBe(false);
	await usage.scrollIntoViewIfNeeded();
	await shot(page, 'bidi-storage-1280', { fullPage: false });

	// The data set picker: "N rows × M columns" after the name.
	await page.goto('/evaluate');
	const picked = page.locator('li', { hasText: 'data' }).filter({ has: page.locator('bdi') });
	await expect(picked.locator('bdi')).toHaveText(NEW_NAME);
	expect(await drawnLeftToRight(picked, 'columns')).toBe(true);
	expect(await drawnLeftToRight(await withoutIsolation(page, picked), 'columns')).toBe(false);
});
