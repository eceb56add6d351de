// Continued and incremental training in Chromium: iris trained and saved as v1; from v1's detail,
// "Continue training" on the same data makes v2, a child shown beside its parent with both metric sets on
// the same test rows and drawn with v1 in its lineage graph; a data set without petal_width is refused
// with the column named; another iris data set with the same columns (incremental training) makes v3.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { importFile } from './import-file.ts';
import { trainAndSave } from './train-and-save.ts';
import { shot } from './shots.ts';

const lines = readFileSync(fileURLToPath(new URL('../../sample-datasets/iris.csv', import.meta.url)), 'utf8')
	.trimEnd()
	.split('\n');
const header = lines[0]!.split(',');
const csv = (name: string, rows: string[][]) => ({
	name,
	mimeType: 'text/csv',
	buffer: Buffer.from(`${rows.map((row) => row.join(',')).join('\n')}\n`)
});
const table = lines.map((line) => line.split(','));
const without = (column: string) => {
	const at = header.indexOf(column);
	return table.map((row) => row.filter((_, i) => i !== at));
};

async function continueOn(page: Page, label: string, epochs: string) {
	await page.getByLabel('Data set').selectOption({ label });
	await expect(page.getByTestId('continue-refused')).toHaveCount(0);
	await page.getByLabel('More epochs').fill(epochs);
	await page.getByRole('button', { name: 'Continue training' }).click();
	return page.getByTestId('continue-result');
}

test('continue a version on its data, refuse a data set without a column, train it further on new rows', async ({
	page
}) => {
	test.setTimeout(480_000);
	const home = await importFile(page, csv('iris.csv', table));
	// Every row but each third: the same columns, other rows (incremental training).
	await importFile(page, csv('iris-more.csv', [header, ...table.slice(1).filter((_, i) => i % 3 !== 0)]));
	await importFile(page, csv('iris-cut.csv', without('petal_width')));

	await page.goto(`/train?id=${encodeURIComponent(home)}`);
	await expect(page.getByTestId('task-reason')).not.toContainText('Reading');
	const saved = await trainAndSave(page, {
		target: 'species',
		epochs: 15,
		name: 'Iris species',
		from: 'run list'
	});
	await expect(saved).toContainText('version 1');

	// From v1's detail to the continue page.
	await page.goto('/models');
	await page.getByTestId('model-card').getByRole('link', { name: 'v1', exact: true }).click();
	await page.getByTestId('version-detail').getByRole('link', { name: 'Continue training' }).click();
	await expect(page).toHaveURL(/\/models\/continue\?version=/);
	await expect(page.getByRole('heading', { name: 'Iris species v1' })).toBeVisible();
	await expect(page.getByText(/optimizer state kept/)).toBeVisible();
	await expect(page.getByLabel('Data set').locator('option:checked')).toHaveText('iris (its own data)');
	await expect(page.getByText(/The same data: training goes on from epoch \d+/)).toBeVisible();

	// A data set without petal_width: refused, the column named, nothing to press.
	await page.getByLabel('Data set').selectOption({ label: 'iris-cut' });
	await expect(page.getByTestId('continue-refused')).toHaveText(
		'v1 cannot be trained further on “iris-cut”: it lacks the column petal_width.'
	);
	await expect(page.getByRole('button', { name: 'Continue training' })).toBeDisabled();

	// The same data: v2, a child of v1, both scored on the same test rows.
	let result = await continueOn(page, 'iris (its own data)', '5');
	await expect(result.getByRole('heading')).toHaveText('Iris species v2, trained further from v1', {
		timeout: 90_000
	});
	await expect(result).toContainText(/went on from epoch \d+ on the same data, with the optimizer state/);
	const accuracy = result.getByRole('row', { name: /^accuracy/ });
	await expect(accuracy.getByRole('cell')).toHaveCount(3);
	await expect(accuracy.getByRole('cell').nth(0)).toHaveText(/^0\.\d{3}|^1\.000$/);
	await expect(accuracy.getByRole('cell').nth(1)).toHaveText(/^0\.\d{3}|^1\.000$/);
	// The Train page's split keeps 15% of iris's 150 rows for the test: 23 rows, scored by both versions.
	await expect(result.getByRole('table')).toContainText('(23 rows)');
	await shot(page, 'continue-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await shot(page, 'continue-390');
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow, 'horizontal overflow at 390 px').toBeLessThanOrEqual(0);
	await page.setViewportSize({ width: 1280, height: 900 });

	// Incremental: the other data set with the same columns makes v3, scored on its own test rows.
	result = await continueOn(page, 'iris-more', '5');
	await expect(result.getByRole('heading')).toHaveText('Iris species v3, trained further from v1', {
		timeout: 90_000
	});
	await expect(result).toContainText("started from v1's weights and trained on “iris-more”");
	// 15% of iris-more's 100 rows.
	await expect(result.getByRole('table')).toContainText('(15 rows)');

	// The Models page lists v3, v2 and v1; v3's lineage draws v1 as its parent.
	await result.getByRole('link', { name: 'v3', exact: true }).click();
	const detail = page.getByTestId('version-detail');
	await expect(detail.getByRole('heading', { level: 2 })).toContainText('Iris species v3');
	await expect(detail.getByTestId('lineage-graph')).toContainText('v1');
	await expect(page.getByTestId('model-card')).toContainText('3 versions');
	await shot(page, 'child-version-1280');
});
