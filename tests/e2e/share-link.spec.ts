// The share link end to end: iris trained on the CPU engine in one browser, its link built with and
// without weights, and opened in NEW browser contexts (fresh storage): the same data; with weights the
// same predictions at once (the Evaluate page's test metrics, computed from the shared weights, equal the
// sender's); without, retraining with the recorded seed on the CPU engine gives the same metrics. A
// tampered link is refused with a specific message and leaves the workspace as it was.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { openTrain } from './open-train.ts';
import { targetSelect } from './target-select.ts';
import { storeCounts } from './store-counts.ts';
import { shownTestMetrics, trainIrisOnCpu } from './share-sender.ts';
import { shot } from './shots.ts';

const runs = (page: Page) => page.getByRole('list', { name: 'Runs' });

/** How many data sets and runs this browser's workspace holds (read straight from IndexedDB). */
const workspaceCounts = (page: Page) => storeCounts(page, ['datasets', 'runs']);

/** The Evaluate page's test metrics for a run (computed there from its weights). */
async function evaluateMetrics(
	page: Page,
	datasetId: string,
	runId: string
): Promise<Record<string, string>> {
	await page.goto(`/evaluate?id=${encodeURIComponent(datasetId)}&run=${encodeURIComponent(runId)}`);
	return shownTestMetrics(page);
}

async function freshPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
	const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
	return context.newPage();
}

test('an iris experiment shared by link reproduces in a fresh browser, with and without weights', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(300_000);
	// ---- The sender: iris, 40 epochs on the CPU engine. ----
	const datasetId = await trainIrisOnCpu(page, 40);
	const detail = page.getByRole('region', { name: /MLP/ });
	const metricsTable = detail.getByRole('table', { name: 'Metrics' });
	const senderMetrics = (await metricsTable.textContent())!;

	await detail.getByRole('button', { name: 'Share' }).click();
	const dialog = page.getByRole('dialog', { name: 'Share this experiment' });
	await expect(dialog.getByTestId('share-length')).toContainText('characters');
	await expect(dialog).toContainText('the sample “Iris flowers” (shipped with Benchtop)');
	const linkBox = dialog.getByRole('textbox', { name: 'Share link' });
	const plainLink = await linkBox.inputValue();
	expect(plainLink).toMatch(/\/share#share=bt1\.[A-Za-z0-9_-]+$/);
	await expect(dialog.getByRole('img', { name: 'QR code of the link' })).toBeVisible();
	await shot(dialog, 'share-dialog-1280');
	const weights = dialog.getByRole('checkbox', { name: /With the trained weights/ });
	await expect(weights).toBeEnabled();
	await weights.check();
	await expect(dialog.getByTestId('share-length')).toContainText('weights included');
	const weightsLink = await linkBox.inputValue();
	expect(weightsLink.length).toBeGreaterThan(plainLink.length);
	expect(weightsLink.length).toBeLessThan(64 * 1024);
	await expect(dialog).toContainText('No QR code');
	await page.setViewportSize({ width: 390, height: 844 });
	await shot(dialog, 'share-dialog-390-weights');
	await weights.uncheck();
	await shot(page, 'share-dialog-390', { fullPage: false });
	await page.setViewportSize({ width: 1280, height: 800 });
	console.log(`iris link: ${plainLink.length} characters without weights, ${weightsLink.length} with`);
	await dialog.getByRole('button', { name: 'Close' }).click();

	const senderRunId = await page.evaluate(
		() =>
			new Promise<string>((resolve) => {
				const open = indexedDB.open('benchtop');
				open.onsuccess = () => {
					const request = open.result.transaction('runs').objectStore('runs').getAllKeys();
					request.onsuccess = () => resolve(String(request.result[0]));
				};
			})
	);
	const senderEvaluated = await evaluateMetrics(page, datasetId, senderRunId);

	// ---- A fresh browser opens the link WITH weights: predictions at once, no training. ----
	const withWeights = await freshPage(browser, baseURL);
	await withWeights.goto(weightsLink.replace(/^https?:\/\/[^/]+/, ''));
	await expect(withWeights.getByRole('heading', { name: /Shared experiment:/ })).toBeVisible();
	await expect(withWeights.getByText(/The trained weights \([\d,]+ float32 numbers\)/)).toBeVisible();
	expect(await workspaceCounts(withWeights)).toEqual({ datasets: 0, runs: 0 });
	await shot(withWeights, 'share-open-1280');
	await withWeights.getByRole('button', { name: 'Open in my workspace' }).click();
	await expect(withWeights.getByTestId('share-opened')).toContainText('the trained run');
	await expect(withWeights.getByTestId('share-opened')).toContainText('byte for byte the sender’s');
	const evaluateLink = withWeights.getByRole('link', { name: 'Evaluate the shared run' });
	const href = new URL((await evaluateLink.getAttribute('href'))!, 'http://x');
	const sharedEvaluated = await evaluateMetrics(
		withWeights,
		href.searchParams.get('id')!,
		href.searchParams.get('run')!
	);
	expect(sharedEvaluated).toEqual(senderEvaluated);
	// The run list on the Train page shows the same test metrics as the sender's run detail.
	await withWeights.goto(`/train?id=${encodeURIComponent(href.searchParams.get('id')!)}`);
	await expect(runs(withWeights).getByRole('button')).toHaveCount(1);
	await expect(withWeights.getByRole('table', { name: 'Metrics' })).toHaveText(senderMetrics);

	// A tampered link there: a specific refusal, and the workspace as it was.
	const before = await workspaceCounts(withWeights);
	expect(before).toEqual({ datasets: 1, runs: 1 });
	const middle = Math.floor(weightsLink.length * 0.6);
	const tampered = `${weightsLink.slice(0, middle)}${weightsLink[middle] === 'Q' ? 'R' : 'Q'}${weightsLink.slice(middle + 1)}`;
	await withWeights.goto(tampered.replace(/^https?:\/\/[^/]+/, ''));
	const refusal = withWeights.getByTestId('share-refusal');
	await expect(refusal).toBeVisible();
	await expect(refusal).toHaveText(/damaged|In the link's|not a valid experiment|not valid JSON/);
	await expect(withWeights.getByRole('button', { name: 'Open in my workspace' })).toHaveCount(0);
	await shot(withWeights, 'share-refused-1280', { fullPage: false });
	const newer = plainLink.replace('share=bt1.', 'share=bt9.');
	await withWeights.goto(newer.replace(/^https?:\/\/[^/]+/, ''));
	await expect(refusal).toHaveText(/made by a newer Benchtop \(share format 9\)/);
	expect(await workspaceCounts(withWeights)).toEqual(before);
	await withWeights.context().close();

	// ---- Another fresh browser opens the link WITHOUT weights and retrains with the seed on the CPU. ----
	const plain = await freshPage(browser, baseURL);
	await plain.goto(plainLink.replace(/^https?:\/\/[^/]+/, ''));
	await expect(plain.getByText('No trained weights: train with the recorded seed')).toBeVisible();
	await plain.getByRole('button', { name: 'Open in my workspace' }).click();
	await expect(plain.getByTestId('share-opened')).toContainText('byte for byte the sender’s');
	await expect(plain.getByRole('link', { name: 'Evaluate the shared run' })).toHaveCount(0);
	await plain.getByRole('button', { name: /^Train with seed \d+ on the CPU$/ }).click();
	await expect(plain.getByTestId('share-verdict')).toHaveText(/The same metrics as the sender’s/, {
		timeout: 180_000
	});
	await plain.setViewportSize({ width: 390, height: 844 });
	await shot(plain, 'share-retrained-390');
	// And the Train page of that browser shows the retrained run with the sender's very metrics.
	await plain.getByRole('link', { name: 'Open in Train' }).click();
	await expect(runs(plain).getByRole('button')).toHaveCount(1);
	await expect(plain.getByRole('table', { name: 'Metrics' })).toHaveText(senderMetrics);
	await plain.context().close();
});

test('weights past the 64 KB budget are not offered: the dialog names the size and the .benchtop.zip backup', async ({
	page
}) => {
	test.setTimeout(180_000);
	// Iris with a 512-unit first layer: about 19,000 weights, far past what a link should carry.
	await openTrain(page, 'Iris flowers');
	await page.locator('summary', { hasText: 'Architecture' }).click();
	const units = page.getByLabel('Units of layer 1');
	await units.fill('512');
	await units.press('Tab');
	await page.locator('summary', { hasText: 'Training settings' }).click();
	await page.getByLabel('Epochs', { exact: true }).fill('3');
	await page.getByLabel('Epochs', { exact: true }).press('Tab');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(runs(page).getByRole('button')).toHaveCount(1, { timeout: 120_000 });

	await page.getByRole('button', { name: 'Share' }).click();
	const dialog = page.getByRole('dialog', { name: 'Share this experiment' });
	const weights = dialog.getByRole('checkbox', { name: /With the trained weights/ });
	await expect(weights).toBeDisabled();
	const tooBig = dialog.getByTestId('share-weights-too-big');
	await expect(tooBig).toContainText('past the 65,536');
	await expect(tooBig).toContainText('.benchtop.zip');
	const said = Number(
		(await tooBig.innerText()).match(/would be ([\d,]+) characters/)![1]!.replaceAll(',', '')
	);
	expect(said).toBeGreaterThan(65_536);
	// The link offered is the one without weights: short, with its QR code.
	await expect(dialog.getByTestId('share-length')).not.toContainText('weights included');
	const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
	expect(link.length).toBeLessThan(4_000);
	await expect(dialog.getByRole('img', { name: 'QR code of the link' })).toBeVisible();
	await shot(dialog, 'share-too-big-1280');
});

/** Two overlapping classes from a fixed generator: a small table of the person's own. */
function ownCsv(rows: number): string {
	let state = 777;
	const random = () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
	const lines = ['x1,x2,label'];
	for (let i = 0; i < rows; i++) {
		const positive = random() < 0.5;
		lines.push(
			`${(random() + (positive ? 0.7 : 0)).toFixed(3)},${(random() - random()).toFixed(3)},${positive ? 'yes' : 'no'}`
		);
	}
	return `${lines.join('\n')}\n`;
}

test('a small table of one’s own travels inside the link, or as "bring your own file" checked by its columns', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(300_000);
	const file = { name: 'own.csv', mimeType: 'text/csv', buffer: Buffer.from(ownCsv(120)) };
	await page.goto('/data');
	await page.getByLabel('Choose a file…').setInputFiles(file);
	await page.waitForURL(/\/data\?id=/);
	const id = new URL(page.url()).searchParams.get('id')!;
	await page.goto(`/train?id=${encodeURIComponent(id)}`);
	await targetSelect(page).selectOption('label');
	await expect(page.getByTestId('task-reason')).toContainText('classification');
	await page.getByLabel('Backend').selectOption('cpu');
	await page.locator('summary', { hasText: 'Training settings' }).click();
	await page.getByLabel('Epochs', { exact: true }).fill('20');
	await page.getByLabel('Epochs', { exact: true }).press('Tab');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(runs(page).getByRole('button')).toHaveCount(1, { timeout: 120_000 });

	await page.getByRole('button', { name: 'Share' }).click();
	const dialog = page.getByRole('dialog', { name: 'Share this experiment' });
	const inline = dialog.getByRole('checkbox', { name: /Put the data itself in the link/ });
	await expect(inline).toBeChecked();
	await expect(dialog).toContainText('120 rows × 3 columns, inside the link');
	const linkBox = dialog.getByRole('textbox', { name: 'Share link' });
	const inlineLink = await linkBox.inputValue();
	await inline.uncheck();
	await expect(dialog).toContainText('your own copy of “own”');
	const fileLink = await linkBox.inputValue();
	console.log(
		`own 120-row table: ${inlineLink.length} characters inline, ${fileLink.length} as a file reference`
	);
	const path = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');

	// Inline: the rows come with the link; retraining with the seed gives the sender's metrics.
	const b = await freshPage(browser, baseURL);
	await b.goto(path(inlineLink));
	await b.getByRole('button', { name: 'Open in my workspace' }).click();
	await expect(b.getByTestId('share-opened')).toContainText('byte for byte the sender’s');
	await b.getByRole('button', { name: /^Train with seed \d+ on the CPU$/ }).click();
	await expect(b.getByTestId('share-verdict')).toHaveText(/The same metrics as the sender’s/, {
		timeout: 180_000
	});
	await b.context().close();

	// A file reference: a file without the expected columns is refused and not kept; the right one opens.
	const c = await freshPage(browser, baseURL);
	await c.goto(path(fileLink));
	const open = c.getByRole('button', { name: 'Open in my workspace' });
	await expect(open).toBeDisabled();
	await c.getByLabel(/Your copy of “own”/).setInputFiles({
		name: 'other.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('a,b\n1,2\n3,4\n')
	});
	await open.click();
	await expect(c.getByText(/This file lacks the columns “x1”, “x2”, “label” the link expects/)).toBeVisible();
	expect(await workspaceCounts(c)).toEqual({ datasets: 0, runs: 0 });
	await c.getByLabel(/Your copy of “own”/).setInputFiles(file);
	await open.click();
	await expect(c.getByTestId('share-opened')).toContainText('byte for byte the sender’s');
	expect(await workspaceCounts(c)).toEqual({ datasets: 1, runs: 0 });
	await c.context().close();
});

test('a link whose fields hold markup shows them as text and runs none of it', async ({ page }) => {
	const { encodeShareFragment } = await import('../../src/lib/core/share/codec.ts');
	const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
	const payload = {
		format: 1,
		name: hostile,
		data: { kind: 'sample', sampleId: 'iris', name: '<svg onload="window.__pwned=3">', hash: 'a'.repeat(64) },
		task: 'classification',
		targets: ['species'],
		recipe: { version: 1, steps: [] },
		split: { method: 'random', train: 0.8, validation: 0, test: 0.2, seed: 1 },
		spec: { family: 'linear', task: 'classification', layers: [] },
		settings: { seed: 1 },
		seed: 1,
		metrics: { test: { '<b onmouseover=alert(1)>accuracy</b>': 0.5 } }
	};
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	await page.goto(`/share#${encodeShareFragment(payload as never)}`);
	await expect(page.getByRole('heading', { name: `Shared experiment: ${hostile}` })).toBeVisible();
	await expect(
		page.getByText('the sample “<svg onload="window.__pwned=3">” (shipped with Benchtop)')
	).toBeVisible();
	await expect(page.getByRole('rowheader', { name: '<b onmouseover=alert(1)>accuracy</b>' })).toBeVisible();
	await page.getByRole('rowheader', { name: /accuracy/ }).hover();
	expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
	expect(await page.locator('main img, main script, main svg[onload]').count()).toBe(0);
	expect(dialogs).toEqual([]);
});
