// Issue 12's "Done when", through the pages: a table with a date column chosen with the file picker, a split
// set in Prepare (0.6 / 0.2 / 0.2, seed 7), Train with the defaults, then Evaluate. The split Prepare showed
// is the one Train used (row counts on the run card and on Evaluate), and the test accuracy beats the
// baseline (always the most frequent training class). With SHOTS_DIR set, screenshots at 1280 and 390 px.
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
import { targetSelect } from './target-select.ts';
import { shotWidths } from './shots.ts';

type Counts = { train: number; validation: number; test: number };
const number = (text: string) => Number(text.replace(/,/g, ''));

/** Prepare's "Train 875 · Validation 293 · Test 293" → the three numbers. */
function splitCounts(text: string): Counts {
	const read = (name: string) => number(text.match(new RegExp(`${name}\\s+([\\d,]+)`))![1]!);
	return { train: read('Train'), validation: read('Validation'), test: read('Test') };
}

/** The run card's "875 training, 293 validation, 293 test rows" → the three numbers. */
function runCounts(text: string): Counts {
	const read = (name: string) => number(text.match(new RegExp(`([\\d,]+) ${name}`))![1]!);
	return { train: read('training'), validation: read('validation'), test: read('test') };
}

test('a table with a date column: the split set in Prepare is what Train uses, and the model beats the baseline', async ({
	page
}) => {
	test.setTimeout(240_000);
	await page.goto('/data');
	await page.getByLabel('Choose a file…').setInputFiles({
		name: 'seattle-weather.csv',
		mimeType: 'text/csv',
		buffer: await readFile(new URL('../../sample-datasets/seattle-weather.csv', import.meta.url))
	});
	await expect(page.getByRole('heading', { level: 2, name: 'seattle-weather' })).toBeVisible();
	const preview = page.getByRole('region', { name: 'Data preview' });
	await expect(preview.getByRole('button', { name: /^Type of date:/ })).toHaveText('date');
	await page.waitForURL(/\/data\?id=/);
	const id = new URL(page.url()).searchParams.get('id')!;

	// Prepare: the proposed target (the last column) and a split of our own.
	await page.goto(`/prepare?id=${encodeURIComponent(id)}`);
	await expect(page.getByLabel('Target (what a model predicts)')).toHaveValue('weather');
	const setNumber = async (label: string, value: string) => {
		const input = page.getByLabel(label);
		await input.fill(value);
		await input.press('Tab');
	};
	await setNumber('Seed', '7');
	await setNumber('Train fraction', '0.6');
	await setNumber('Validation fraction', '0.2');
	await setNumber('Test fraction', '0.2');
	const counts = page.getByTestId('split-counts');
	await expect(counts).toContainText(/Train 8\d\d/);
	const prepared = splitCounts(await counts.innerText());
	expect(prepared.train + prepared.validation + prepared.test).toBe(1461);
	await shotWidths(page, 'prepare');

	// Train with the defaults: the strip shows Prepare's split, and the run used it.
	await page.goto(`/train?id=${encodeURIComponent(id)}`);
	await expect(page.getByTestId('summary-split')).toContainText('60 / 20 / 20');
	await expect(page.getByTestId('summary-split')).toContainText('seed 7');
	await expect(targetSelect(page)).toHaveValue('weather');
	await expect(page.getByTestId('task-reason')).toContainText('classification');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	const runs = page.getByRole('list', { name: 'Runs' });
	await expect(runs.getByRole('button')).toHaveCount(1, { timeout: 180_000 });
	expect(runCounts(await page.getByTestId('run-rows').innerText())).toEqual(prepared);
	await expect(page.getByTestId('run-warnings').getByRole('alert')).toHaveCount(0);
	await shotWidths(page, 'train');

	// Evaluate: the same counts, and the test accuracy above the majority-class baseline.
	await page.goto(`/evaluate?id=${encodeURIComponent(id)}`);
	const testTable = page.locator('table[data-split="test"]');
	await expect(testTable).toBeVisible({ timeout: 60_000 });
	await expect(testTable.locator('caption')).toContainText(`${prepared.test.toLocaleString('en')} rows`);
	await expect(page.locator('table[data-split="validation"] caption')).toContainText(
		`${prepared.validation.toLocaleString('en')} rows`
	);
	const accuracy = testTable.locator('tr[data-metric="accuracy"]');
	const model = Number(await accuracy.locator('td.value').first().innerText());
	const baseline = Number(await accuracy.locator('td.baseline').innerText());
	console.log(
		`seattle-weather through the pages: test accuracy ${model}, baseline ${baseline}, rows ${JSON.stringify(prepared)}`
	);
	expect(model).toBeGreaterThan(baseline + 0.05);
	await expect(page.getByTestId('run-warnings').getByRole('alert')).toHaveCount(0);
	await shotWidths(page, 'evaluate');
});
