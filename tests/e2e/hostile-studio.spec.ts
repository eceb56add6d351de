// Issue 14, the page half of the hostile suite: deleting a trained data set (nothing orphaned unless
// asked, orphans listed, moved, freed and repaired), the Data page's Filter after a sort, the Link tab's
// refusals (no request leaves) and CSV downloads neutralised for spreadsheets.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { shotWidths } from './shots.ts';

type StoreCounts = Record<'datasets' | 'blobs' | 'recipes' | 'runs' | 'artifacts', number>;

/** Counts records in the studio's IndexedDB, read in the page, the way the reporter did. */
function storeCounts(page: Page): Promise<StoreCounts> {
	return page.evaluate(
		() =>
			new Promise<StoreCounts>((done, fail) => {
				const open = indexedDB.open('benchtop');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const names = ['datasets', 'blobs', 'recipes', 'runs', 'artifacts'] as const;
					const tx = db.transaction([...names], 'readonly');
					const out = {} as StoreCounts;
					for (const name of names) {
						const request = tx.objectStore(name).count();
						request.onsuccess = () => (out[name] = request.result);
					}
					tx.oncomplete = () => {
						db.close();
						done(out);
					};
				};
			})
	);
}

async function openSample(page: Page, sample: string): Promise<string> {
	await page.goto('/');
	await page.getByRole('button', { name: `Open ${sample}` }).click();
	await page.waitForURL(/\/data\?id=/);
	return new URL(page.url()).searchParams.get('id')!;
}

async function trainOnce(page: Page, id: string): Promise<number> {
	await page.goto(`/train?id=${encodeURIComponent(id)}`);
	await expect(page.getByTestId('task-reason')).toContainText('classification');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	const runs = page.getByRole('list', { name: 'Runs' });
	await expect(runs.getByRole('button')).toHaveCount(1, { timeout: 90_000 });
	return Number((await runs.getByRole('button').first().innerText()).match(/accuracy (\d\.\d+)/)![1]);
}

const dialog = (page: Page) => page.getByRole('alertdialog');

test.describe('deleting a trained data set', () => {
	test.setTimeout(180_000);

	test('the dialog names the run and model; deleting them too leaves no record behind', async ({ page }) => {
		const id = await openSample(page, 'Iris flowers');
		await trainOnce(page, id);
		expect(await storeCounts(page)).toMatchObject({ datasets: 1, runs: 1, artifacts: 1 });
		await page.goto(`/data?id=${encodeURIComponent(id)}`);
		await page.getByRole('button', { name: 'Delete…' }).click();
		await expect(dialog(page)).toContainText('Delete “Iris flowers” from this browser?');
		await expect(dialog(page)).toContainText('It has 1 run and 1 trained model that depend on it');
		await expect(dialog(page).getByRole('listitem')).toHaveText([/^Run “.+” and its model$/]);
		await expect(dialog(page).getByLabel('Delete them too')).toBeChecked();
		await shotWidths(page, 'delete-dialog', { element: page.locator('header.head') });
		await dialog(page).getByRole('button', { name: 'Delete all of it' }).click();
		await expect(page).toHaveURL(/\/data$/);
		await expect(page.getByText('No data sets yet.')).toBeVisible();
		expect(await storeCounts(page)).toEqual({ datasets: 0, blobs: 0, recipes: 0, runs: 0, artifacts: 0 });
		await page.goto('/system');
		await expect(page.getByRole('heading', { name: 'Runs whose data set is gone' })).toHaveCount(0);
	});

	test('kept runs are listed in Storage and evaluate on a re-opened version with the score they had', async ({
		page
	}) => {
		const id = await openSample(page, 'Iris flowers');
		const trainAccuracy = await trainOnce(page, id);
		await page.goto(`/data?id=${encodeURIComponent(id)}`);
		await page.getByRole('button', { name: 'Delete…' }).click();
		await dialog(page)
			.getByRole('radio', { name: /^Keep them/ })
			.check();
		await dialog(page).getByRole('button', { name: 'Delete', exact: true }).click();
		await expect(page.getByText('No data sets yet.')).toBeVisible();
		expect(await storeCounts(page)).toEqual({ datasets: 0, blobs: 0, recipes: 0, runs: 1, artifacts: 1 });
		await expect(page.getByText('1 run has lost their data set')).toBeVisible();

		await page.goto('/system');
		const storage = page.locator('section.storage');
		await expect(storage.getByRole('heading', { name: 'Runs whose data set is gone' })).toBeVisible();
		// No version has its columns yet: it can only be deleted.
		await expect(storage).toContainText('No stored version has its columns');

		// The same sample opened again is a new version with the same columns: the run can move there.
		const again = await openSample(page, 'Iris flowers');
		expect(again).not.toBe(id);
		await page.goto('/system');
		await expect(storage.getByRole('button', { name: 'Evaluate on this version' })).toBeVisible();
		await shotWidths(page, 'storage-panel', { element: storage });
		await storage.getByRole('button', { name: 'Evaluate on this version' }).click();
		await expect(page).toHaveURL(new RegExp(`/evaluate\\?id=${again}&run=`));
		const accuracy = page.locator('table[data-split="test"] tr[data-metric="accuracy"] td.value').first();
		await expect(accuracy).toBeVisible({ timeout: 60_000 });
		// Same bytes, same seed, same split: the score the run had when it was trained.
		expect(Math.abs(Number(await accuracy.innerText()) - trainAccuracy)).toBeLessThan(0.0006);
		expect(await storeCounts(page)).toMatchObject({ datasets: 1, runs: 1, artifacts: 1 });
		await page.goto('/system');
		await expect(storage.getByRole('heading', { name: 'Runs whose data set is gone' })).toHaveCount(0);
	});

	test("the one-time repair finds what today's delete left, and Storage frees it", async ({ page }) => {
		const id = await openSample(page, 'Iris flowers');
		await trainOnce(page, id);
		// What deleting did before this fix: the version, its blob and draft went; run and weights stayed.
		await page.evaluate(
			(datasetId) =>
				new Promise<void>((done, fail) => {
					const open = indexedDB.open('benchtop');
					open.onsuccess = () => {
						const db = open.result;
						const tx = db.transaction(['datasets', 'blobs', 'recipes', 'settings'], 'readwrite');
						const get = tx.objectStore('datasets').get(datasetId);
						get.onsuccess = () => {
							tx.objectStore('blobs').delete(get.result.blobId);
							tx.objectStore('recipes').delete(`dataset:${datasetId}`);
							tx.objectStore('datasets').delete(datasetId);
							tx.objectStore('settings').delete('repair:orphans-1');
						};
						tx.oncomplete = () => {
							db.close();
							done();
						};
						tx.onerror = () => fail(tx.error);
					};
				}),
			id
		);
		await page.goto('/');
		const storage = page.locator('section.storage');
		await expect(storage.getByRole('status')).toContainText(
			"A one-time check of this browser's storage found 1 run whose data set had been deleted"
		);
		const runsList = storage.getByRole('list', { name: 'Runs whose data set is gone' });
		await expect(runsList.getByRole('listitem')).toHaveCount(1);
		await runsList.getByRole('button', { name: 'Delete…' }).click();
		await runsList.getByRole('button', { name: /^Delete .+ and its model$/ }).click();
		await expect(storage.getByRole('heading', { name: 'Runs whose data set is gone' })).toHaveCount(0);
		expect(await storeCounts(page)).toEqual({ datasets: 0, blobs: 0, recipes: 0, runs: 0, artifacts: 0 });
	});
});

test('Filter after a sort: iris.csv sorted by sepal_length, filtered to setosa', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto('/data');
	await page.getByLabel('Choose a file…').setInputFiles('sample-datasets/iris.csv');
	const preview = page.getByRole('region', { name: 'Data preview' });
	await preview.getByRole('button', { name: /^sepal_length, not sorted/ }).click();
	await expect(preview.locator('tbody tr:not(.spacer)').first().locator('td').nth(1)).toHaveText('4.3');
	const filter = page.getByRole('form', { name: 'Filter rows' });
	await filter.getByLabel('Filter column').selectOption('species');
	await filter.getByLabel('Value').fill('setosa');
	await filter.getByRole('button', { name: 'Filter' }).click();
	await expect(filter.locator('.count')).toHaveText('50 of 150 rows');
	// Still sorted: the smallest setosa first.
	await expect(preview.locator('tbody tr:not(.spacer)').first().locator('td').nth(1)).toHaveText('4.3');
	await expect(page.getByRole('alert')).toHaveCount(0);
	expect(errors).toEqual([]);
});

test.describe('the Link tab refuses what is not http(s)', () => {
	const cases: [string, string][] = [
		['javascript:alert(1)', 'Links that start with “javascript:” are not loaded.'],
		['vbscript:msgbox(1)', 'Links that start with “vbscript:” are not loaded.'],
		['file:///etc/passwd', 'Links that start with “file:” are not loaded.'],
		['blob:http://127.0.0.1/0000', 'Links that start with “blob:” are not loaded.'],
		['data:text/csv,a%0A1', 'Links that start with “data:” are not loaded.'],
		['<img src=x onerror=alert(1)>', '“<img src=x onerror=alert(1)>” is not a web address.']
	];
	for (const [typed, message] of cases) {
		test(`${typed}: says why, sends nothing, stores nothing`, async ({ page }) => {
			const dialogs: string[] = [];
			page.on('dialog', (d) => {
				dialogs.push(d.message());
				void d.dismiss();
			});
			await page.goto('/data');
			await page.getByRole('tab', { name: 'Link' }).click();
			const requests: string[] = [];
			page.on('request', (request) => requests.push(request.url()));
			await page.getByLabel('Address of a CSV, JSON, Arrow or Parquet file').fill(typed);
			await page.getByRole('button', { name: 'Load from link' }).click();
			const alert = page.locator('[role="alert"][data-code="bad-input"]');
			await expect(alert).toContainText(message);
			await expect(alert).toContainText(
				'Only web addresses that start with http:// or https:// can be loaded.'
			);
			await page.waitForTimeout(300);
			expect(requests).toEqual([]);
			expect(dialogs).toEqual([]);
			await expect(page.getByText('No data sets yet.')).toBeVisible();
			expect(await storeCounts(page)).toMatchObject({ datasets: 0, blobs: 0 });
		});
	}
});

test('a data set CSV download neutralises formulas for spreadsheets, and raw is exact', async ({ page }) => {
	const hostile =
		'name,amount,note\n' + '"=cmd|\' /C calc\'!A0",-5,"@HYPERLINK(""http://x"")"\n' + 'plain,3,"+SUM(1,2)"\n';
	await page.goto('/data');
	await page
		.getByLabel('Choose a file…')
		.setInputFiles({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(hostile) });
	await expect(page.getByRole('heading', { level: 2, name: 'hostile' })).toBeVisible();
	await expect(page.getByTestId('csv-cells-note')).toContainText('For spreadsheets');
	await shotWidths(page, 'data-actions', { element: page.locator('header.head') });
	const read = async () => {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('group', { name: 'Download' }).getByRole('button', { name: 'CSV' }).click()
		]);
		const stream = await download.createReadStream();
		const chunks: Buffer[] = [];
		for await (const chunk of stream) chunks.push(chunk as Buffer);
		return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
	};
	const safe = await read();
	expect(safe.name).toBe('hostile.csv');
	expect(safe.text.split('\r\n')).toEqual([
		'name,amount,note',
		`'=cmd|' /C calc'!A0,-5,"'@HYPERLINK(""http://x"")"`,
		`plain,3,"'+SUM(1,2)"`,
		''
	]);
	await page.getByLabel('CSV cells').selectOption('raw');
	await expect(page.getByTestId('csv-cells-note')).toContainText('Raw values, for code');
	const raw = await read();
	expect(raw.name).toBe('hostile-raw.csv');
	expect(raw.text.split('\r\n')[1]).toBe(`=cmd|' /C calc'!A0,-5,"@HYPERLINK(""http://x"")"`);
});

test('batch predictions neutralise hostile class labels for spreadsheets; raw keeps them', async ({
	page
}) => {
	test.setTimeout(180_000);
	// Two separable classes whose labels a spreadsheet would run.
	const lines = ['x1,x2,label'];
	for (let i = 0; i < 60; i++)
		lines.push(`${(i % 2) + (i % 7) / 20},${(i % 5) / 10},${i % 2 ? '=1+1' : '@SUM(1)'}`);
	const file = { name: 'labels.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') };
	await page.goto('/data');
	await page.getByLabel('Choose a file…').setInputFiles(file);
	await page.waitForURL(/\/data\?id=/);
	const id = new URL(page.url()).searchParams.get('id')!;
	await trainOnce(page, id);
	await page.goto(`/evaluate?id=${encodeURIComponent(id)}`);
	await page.getByRole('tab', { name: 'Batch predictions' }).click();
	const predict = async (cells: 'spreadsheet' | 'raw') => {
		await page.getByLabel('CSV cells').selectOption(cells);
		await page.getByLabel(/File to predict/).setInputFiles(file);
		const outcome = page.getByTestId('batch-outcome');
		await expect(outcome).toContainText('60 rows predicted', { timeout: 60_000 });
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			outcome.getByRole('link', { name: /Download/ }).click()
		]);
		const stream = await download.createReadStream();
		const chunks: Buffer[] = [];
		for await (const chunk of stream) chunks.push(chunk as Buffer);
		return {
			name: download.suggestedFilename(),
			rows: Buffer.concat(chunks).toString('utf8').trim().split('\n')
		};
	};
	const safe = await predict('spreadsheet');
	expect(safe.name).toBe('labels-predictions.csv');
	expect(safe.rows[0]).toMatch(/^label,p_.+,p_.+,error$/);
	const labels = new Set(safe.rows.slice(1).map((row) => row.split(',')[0]));
	expect([...labels].every((label) => label === "'=1+1" || label === "'@SUM(1)")).toBe(true);
	const raw = await predict('raw');
	expect(raw.name).toBe('labels-predictions-raw.csv');
	const rawLabels = new Set(raw.rows.slice(1).map((row) => row.split(',')[0]));
	expect([...rawLabels].every((label) => label === '=1+1' || label === '@SUM(1)')).toBe(true);
	await page.setViewportSize({ width: 390, height: 800 });
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow, 'sideways overflow on the batch tab').toBe(0);
});
