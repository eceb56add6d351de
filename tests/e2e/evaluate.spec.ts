// The Evaluate stage in Chromium: an iris run trained on the Train page evaluated on its held-out rows
// (the same test accuracy as Train showed, beside the baseline), a confusion matrix cell opening its rows,
// a binary classifier's threshold trading precision for recall, and batch predictions downloaded as CSV.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { targetSelect } from './target-select.ts';

const runs = (page: Page) => page.getByRole('list', { name: 'Runs' });

/** Trains one run with the defaults on the Train page; returns the test accuracy the run list shows. */
async function trainOnce(page: Page, id: string, target?: string): Promise<number> {
	await page.goto(`/train?id=${encodeURIComponent(id)}`);
	if (target) await targetSelect(page).selectOption(target);
	await expect(page.getByTestId('task-reason')).toContainText('classification');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(runs(page).getByRole('button')).toHaveCount(1, { timeout: 90_000 });
	const text = await runs(page).getByRole('button').first().innerText();
	return Number(text.match(/accuracy (\d\.\d+)/)![1]);
}

async function openSample(page: Page, sample: string): Promise<string> {
	await page.goto('/');
	await page.getByRole('button', { name: `Open ${sample}` }).click();
	await page.waitForURL(/\/data\?id=/);
	return new URL(page.url()).searchParams.get('id')!;
}

/** Two overlapping classes (no threshold separates them), so precision and recall move with it. */
function binaryCsv(rows: number): string {
	let state = 12345;
	const random = () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
	const lines = ['x1,x2,label'];
	for (let i = 0; i < rows; i++) {
		const positive = random() < 0.4;
		const shift = positive ? 0.8 : 0;
		const x1 = (random() + random() + shift).toFixed(3);
		const x2 = (random() - random() + shift / 2).toFixed(3);
		lines.push(`${x1},${x2},${positive ? 'yes' : 'no'}`);
	}
	return lines.join('\n') + '\n';
}

function metricCell(page: Page, split: 'test' | 'validation', metric: string, column: 'model' | 'baseline') {
	const row = page.locator(`table[data-split="${split}"] tr[data-metric="${metric}"]`);
	return column === 'model' ? row.locator('td.value').first() : row.locator('td.baseline');
}

test('an iris run: test accuracy as Train showed it, the baseline, a cell’s rows, batch predictions', async ({
	page
}) => {
	test.setTimeout(180_000);
	const id = await openSample(page, 'Iris flowers');
	const trainAccuracy = await trainOnce(page, id);

	await page.goto(`/evaluate?id=${encodeURIComponent(id)}`);
	await expect(page.getByLabel('Run').locator('option')).toHaveCount(1);
	const accuracy = metricCell(page, 'test', 'accuracy', 'model');
	await expect(accuracy).toBeVisible({ timeout: 60_000 });
	expect(Math.abs(Number(await accuracy.innerText()) - trainAccuracy)).toBeLessThan(0.0006);
	// The experiment's default split (as Prepare shows it): 70 / 15 / 15 % stratified, so 23 test rows, 7 of
	// the first class, which is what always guessing the (tied) most frequent training class gets right.
	expect(Number(await metricCell(page, 'test', 'accuracy', 'baseline').innerText())).toBeCloseTo(7 / 23, 3);
	await expect(page.locator('table[data-split="test"] caption')).toContainText('23 rows');
	await expect(page.locator('table[data-split="test"]')).toContainText('f1_macro');

	// The heat map draws one cell per pair of classes; clicking one shows its rows.
	const matrix = page.getByTestId('confusion-matrix');
	const cells = matrix.locator('g.mark-rect.role-mark path');
	await expect(cells).toHaveCount(9);
	await expect(matrix.locator('svg')).toContainText('versicolor');
	await cells.first().click();
	const dialog = page.getByRole('dialog');
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('heading')).toContainText('True setosa, predicted setosa');
	const firstRow = dialog.locator('tbody tr').first();
	await expect(firstRow).toContainText('setosa');
	await expect(dialog.locator('tbody tr')).toHaveCount(
		Number((await dialog.innerText()).match(/(\d+) rows?/)![1])
	);
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();

	// The same from the keyboard: choose the cell in the two lists.
	await matrix.getByRole('combobox', { name: 'True class' }).selectOption('virginica');
	await matrix.getByRole('combobox', { name: 'Predicted as' }).selectOption('virginica');
	await matrix.getByRole('button', { name: /Show rows/ }).click();
	await expect(page.getByRole('dialog').getByRole('heading')).toContainText(
		'True virginica, predicted virginica'
	);
	await page.getByRole('dialog').getByRole('button', { name: 'Close' }).last().click();

	// The sections are tabs the arrow keys move between; the charts tab draws the curves.
	await page.getByRole('tab', { name: 'Metrics' }).focus();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('tab', { name: 'Charts' })).toHaveAttribute('aria-selected', 'true');
	await expect(page.getByRole('tab', { name: 'Charts' })).toBeFocused();
	await expect(page.getByRole('figure', { name: 'ROC curve' }).locator('svg')).toContainText('AUC');
	await expect(
		page.getByRole('figure', { name: 'Learning curves of this run' }).locator('svg')
	).toBeVisible();

	// Batch predictions of the whole sample file: one row out per row in, downloaded as CSV.
	await page.getByRole('tab', { name: 'Batch predictions' }).click();
	await page.getByLabel(/File to predict/).setInputFiles('sample-datasets/iris.csv');
	const outcome = page.getByTestId('batch-outcome');
	await expect(outcome).toContainText('150 rows predicted', { timeout: 60_000 });
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		outcome.getByRole('link', { name: /Download/ }).click()
	]);
	const csv = await readFile((await download.path())!, 'utf8');
	const lines = csv.trim().split(/\r?\n/);
	expect(lines).toHaveLength(151);
	expect(lines[0]).toContain('label');
	expect(lines[0]).toContain('p_setosa');
	expect(lines.slice(1).filter((l) => l.startsWith('setosa')).length).toBeGreaterThanOrEqual(45);

	// A file without a column the model needs is refused with the column named.
	await page.getByLabel(/File to predict/).setInputFiles({
		name: 'short.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('sepal_length,sepal_width,petal_length\n5.1,3.5,1.4\n')
	});
	await expect(page.getByRole('alert')).toContainText('petal_width');

	// On a phone nothing scrolls sideways: tables, charts and tabs wrap or shrink.
	await page.setViewportSize({ width: 390, height: 800 });
	for (const name of ['Metrics', 'Charts', 'Compare & gate']) {
		await page.getByRole('tab', { name }).click();
		await page.waitForTimeout(500);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, `sideways overflow on the ${name} tab`).toBe(0);
	}
});

test('a data set without runs says so and links to Train', async ({ page }) => {
	const id = await openSample(page, 'Wine');
	await page.goto(`/evaluate?id=${encodeURIComponent(id)}`);
	await expect(page.getByText('No runs yet for this data set')).toBeVisible();
	await page.getByRole('link', { name: 'Train a model' }).click();
	await expect(page).toHaveURL(/\/train\?id=/);
});

test('a binary classifier: the threshold trades precision for recall and redraws the matrix', async ({
	page
}) => {
	test.setTimeout(180_000);
	await page.goto('/data');
	await page.getByLabel('Choose a file…').setInputFiles({
		name: 'overlap.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(binaryCsv(400))
	});
	await page.waitForURL(/\/data\?id=/);
	const id = new URL(page.url()).searchParams.get('id')!;
	await trainOnce(page, id, 'label');

	await page.goto(`/evaluate?id=${encodeURIComponent(id)}`);
	const threshold = page.getByTestId('threshold');
	await expect(threshold).toBeVisible({ timeout: 60_000 });
	const figure = async (name: string) =>
		Number(await threshold.locator(`[data-figure="${name}"] dd`).innerText());
	const matrixText = () =>
		page.getByTestId('confusion-matrix').locator('g.mark-text.role-mark').textContent();
	await expect(page.getByTestId('confusion-matrix').locator('g.mark-text.role-mark text')).toHaveCount(4);
	const before = {
		precision: await figure('precision'),
		recall: await figure('recall'),
		matrix: await matrixText()
	};

	const slider = page.getByLabel(/Decision threshold/);
	await slider.fill('0.1');
	await expect(threshold.locator('output')).toHaveText('0.10');
	const low = { precision: await figure('precision'), recall: await figure('recall') };
	expect(low.recall).toBeGreaterThan(before.recall);
	expect(low.precision).toBeLessThan(before.precision);
	await expect.poll(matrixText).not.toBe(before.matrix);

	// From the keyboard: arrow keys move it in steps of 0.01.
	await slider.focus();
	await page.keyboard.press('ArrowRight');
	await expect(threshold.locator('output')).toHaveText('0.11');
	await page.getByRole('button', { name: 'Reset to 0.5' }).click();
	expect(await figure('recall')).toBe(before.recall);
});

test('without IndexedDB the page hands the worker the run, its weights and the rows', async ({ page }) => {
	test.setTimeout(180_000);
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', {
			get() {
				throw new DOMException('The user denied permission to access the database.', 'SecurityError');
			}
		});
	});
	// Everything lives in this tab's memory: move between stages with the page's own links only.
	await page.goto('/');
	await page.getByRole('button', { name: 'Open Iris flowers' }).click();
	await page.waitForURL(/\/data\?id=/);
	// The stage links carry the data set along (?id=), so Train and Evaluate open it directly.
	await page.getByRole('link', { name: /Train/ }).first().click();
	await expect(page.getByTestId('task-reason')).toContainText('classification');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(runs(page).getByRole('button')).toHaveCount(1, { timeout: 90_000 });
	const trainAccuracy = Number((await runs(page).innerText()).match(/accuracy (\d\.\d+)/)![1]);

	await page
		.getByRole('link', { name: /Evaluate/ })
		.first()
		.click();
	const accuracy = metricCell(page, 'test', 'accuracy', 'model');
	await expect(accuracy).toBeVisible({ timeout: 60_000 });
	expect(Math.abs(Number(await accuracy.innerText()) - trainAccuracy)).toBeLessThan(0.0006);
	await page.getByRole('tab', { name: 'Batch predictions' }).click();
	await page.getByLabel(/File to predict/).setInputFiles('sample-datasets/iris.csv');
	await expect(page.getByTestId('batch-outcome')).toContainText('150 rows predicted', { timeout: 60_000 });
});
