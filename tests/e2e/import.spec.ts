// Bringing your own table: file picker, drop, paste and link; progress and cancel; bad files get a
// message that says what and where, and nothing already stored is touched.
import { expect, test } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { shotWidths } from './shots.ts';

const csv = (text: string) => ({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

async function chooseFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
	await page.goto('/data');
	await page.getByLabel('Choose a file…').setInputFiles(file);
}

test('a CSV file from the picker becomes a data set with typed columns', async ({ page }) => {
	await chooseFile(page, csv('name;age;joined;zip\nAda;36;2020-01-02;02139\nBob;41;2021-03-04;10001\n'));
	await expect(page.getByRole('heading', { level: 2, name: 'people' })).toBeVisible();
	const preview = page.getByRole('region', { name: 'Data preview' });
	await expect(preview.getByRole('button', { name: /^Type of age:/ })).toHaveText('integer');
	await expect(preview.getByRole('button', { name: /^Type of joined:/ })).toHaveText('date');
	await expect(preview.getByRole('button', { name: /^Type of zip:/ })).not.toHaveText('integer');
	await expect(preview.getByRole('cell', { name: '02139' })).toBeVisible();
	await expect(page.getByText('2 of 2 rows')).toBeVisible();
});

test('a file dropped anywhere on the Data page is imported', async ({ page }) => {
	await page.goto('/data');
	await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
	const dataTransfer = await page.evaluateHandle(() => {
		const transfer = new DataTransfer();
		transfer.items.add(new File(['a,b\n1,x\n2,y\n'], 'dropped.csv', { type: 'text/csv' }));
		return transfer;
	});
	await page.dispatchEvent('main', 'dragenter', { dataTransfer });
	await page.dispatchEvent('main', 'dragover', { dataTransfer });
	await page.dispatchEvent('main', 'drop', { dataTransfer });
	await expect(page.getByRole('heading', { level: 2, name: 'dropped' })).toBeVisible();
	await expect(page.getByText('2 of 2 rows')).toBeVisible();
});

test('cells pasted from a spreadsheet are imported as a table', async ({ page }) => {
	await page.goto('/data');
	await page.getByRole('tab', { name: 'Paste' }).click();
	await page
		.getByLabel('Paste cells from a spreadsheet, or CSV text')
		.fill('city\tpop\nOslo\t709037\nLima\t10092000\n');
	await page.getByRole('button', { name: 'Import pasted table' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Pasted table' })).toBeVisible();
	await expect(page.getByRole('cell', { name: '10092000' })).toBeVisible();
});

test('a link on this site loads; an unreachable one says why', async ({ page, baseURL }) => {
	await page.goto('/data');
	await page.getByRole('tab', { name: 'Link' }).click();
	const favicon = `${baseURL}/no-such-table.csv`;
	await page.getByLabel('Address of a CSV, JSON, Arrow or Parquet file').fill(favicon);
	await page.getByRole('button', { name: 'Load from link' }).click();
	await expect(page.locator('[role="alert"][data-code="bad-input"]')).toContainText(
		'the server answered 404'
	);
});

test.describe('a link to another site that does not answer', () => {
	const unreachable = 'http://127.0.0.1:9/table.csv';
	test.use({ allowedUrls: [unreachable] });
	test('gets a message about the network and CORS', async ({ page }) => {
		await page.goto('/data');
		await page.getByRole('tab', { name: 'Link' }).click();
		await page.getByLabel('Address of a CSV, JSON, Arrow or Parquet file').fill(unreachable);
		await page.getByRole('button', { name: 'Load from link' }).click();
		const alert = page.locator('[role="alert"][data-code="bad-input"]');
		await expect(alert).toContainText('the network request failed');
		await expect(alert).toContainText('CORS');
	});
});

test.describe('bad files', () => {
	test('an empty file says it is empty and stores nothing', async ({ page }) => {
		await chooseFile(page, csv(''));
		await expect(page.locator('[role="alert"][data-code="bad-input"]')).toContainText('empty');
		await expect(page.getByText('No data sets yet.')).toBeVisible();
	});

	test('an unterminated quote names the line where it opened', async ({ page }) => {
		await chooseFile(page, csv('a,b\n1,2\n3,"never closed\n4,5\n'));
		await expect(page.locator('[role="alert"][data-code="bad-input"]')).toContainText('line 3');
	});

	test('a binary file is refused with a message', async ({ page }) => {
		await chooseFile(page, {
			name: 'photo.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe, 0, 1])
		});
		await expect(page.locator('[role="alert"][data-code="bad-input"]')).toContainText('binary');
	});

	test('ragged rows are reported with line numbers and can be padded', async ({ page }) => {
		await chooseFile(page, csv('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n'));
		const alert = page.locator('[role="alert"][data-code="ragged-rows"]');
		await expect(alert).toContainText('2 rows');
		await expect(alert).toContainText('lines 3, 4');
		await page.getByRole('button', { name: 'Pad short rows and cut long ones' }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'people' })).toBeVisible();
		await expect(page.getByText('4 of 4 rows')).toBeVisible();
	});

	test('ragged rows can be skipped instead', async ({ page }) => {
		await chooseFile(page, csv('a,b,c\n1,2,3\n4,5\n10,11,12\n'));
		await page.getByRole('button', { name: 'Skip those rows' }).click();
		await expect(page.getByText('2 of 2 rows')).toBeVisible();
	});

	test('duplicate, empty and built-in column names become safe, unique names with a notice', async ({
		page
	}) => {
		await chooseFile(page, csv('x,x,,__proto__,constructor\n1,2,3,4,5\n'));
		const preview = page.getByRole('region', { name: 'Data preview' });
		await expect(preview.getByRole('columnheader')).toHaveText([
			/#/,
			/^x\b/,
			/^x_2/,
			/^column_3/,
			/^__proto___/,
			/^constructor /
		]);
		await expect(page.getByRole('list', { name: 'Import notes' })).toContainText('renamed');
		expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
	});
});

test('a column type override is kept as a new version', async ({ page }) => {
	await chooseFile(page, csv('id,score\n1,0.5\n2,0.7\n3,0.9\n'));
	const preview = page.getByRole('region', { name: 'Data preview' });
	await preview.getByRole('button', { name: /^Type of id:/ }).click();
	await preview.getByRole('combobox', { name: 'Type of id' }).selectOption('category');
	await expect(page.getByText('Column “id” read as category.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Open the version this came from' })).toBeVisible();
	await page.reload();
	await expect(
		page.getByRole('region', { name: 'Data preview' }).getByRole('button', { name: /^Type of id:/ })
	).toHaveText('category');
	const list = page.getByRole('list', { name: 'Your data sets' });
	await expect(list.getByRole('link')).toHaveCount(2);
	await expect(list.getByRole('link', { name: /people version 2/ })).toBeVisible();
});

test('sorting and filtering change the view, not the data set', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Open Iris flowers' }).click();
	const preview = page.getByRole('region', { name: 'Data preview' });
	await preview.getByRole('button', { name: /^sepal_length, not sorted/ }).click();
	await expect(preview.locator('tbody tr:not(.spacer)').first().locator('td').nth(1)).toHaveText('4.3');
	await preview.getByRole('button', { name: /^sepal_length, sorted ascending/ }).click();
	await expect(preview.locator('tbody tr:not(.spacer)').first().locator('td').nth(1)).toHaveText('7.9');
	const filter = page.getByRole('form', { name: 'Filter rows' });
	await filter.getByLabel('Filter column').selectOption('species');
	await filter.getByLabel('Value').fill('setosa');
	await filter.getByRole('button', { name: 'Filter' }).click();
	await expect(page.getByText('50 of 150 rows')).toBeVisible();
	await page.reload();
	await expect(page.getByText('150 of 150 rows')).toBeVisible();
});

test('a version downloads as CSV, Parquet and Arrow that read back to the same table', async ({ page }) => {
	const { importTable } = await import('../../src/lib/core/data/import/index.ts');
	await chooseFile(page, csv('name,score,day\nAda,1.5,2024-01-02\n"Lovelace, A",,2024-01-03\n'));
	await expect(page.getByRole('heading', { level: 2, name: 'people' })).toBeVisible();
	const downloads = page.getByRole('group', { name: 'Download' });
	const tables = [];
	for (const [label, extension] of [
		['CSV', 'csv'],
		['Parquet', 'parquet'],
		['Arrow', 'arrow']
	] as const) {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			downloads.getByRole('button', { name: label }).click()
		]);
		expect(download.suggestedFilename()).toBe(`people.${extension}`);
		const bytes = new Uint8Array(
			await (await download.createReadStream()).toArray().then((parts) => Buffer.concat(parts))
		);
		tables.push(await importTable(bytes, { fileName: `people.${extension}` }));
		if (extension === 'parquet') {
			// Written in the page's worker with ZSTD pages, the default (the zstd WebAssembly loaded there).
			const { parquetMetadata } = await import('hyparquet');
			const codecs = parquetMetadata(bytes.slice().buffer).row_groups.flatMap((g) =>
				g.columns.map((c) => c.meta_data?.codec)
			);
			expect(new Set(codecs)).toEqual(new Set(['ZSTD']));
		}
	}
	for (const table of tables) {
		expect(table.table.objects()).toEqual([
			{ name: 'Ada', score: 1.5, day: new Date('2024-01-02') },
			{ name: 'Lovelace, A', score: null, day: new Date('2024-01-03') }
		]);
	}
});

test('reading options: a semicolon file with decimal commas reads as numbers', async ({ page }) => {
	await page.goto('/data');
	await page.getByText('Reading options').click();
	await page.getByLabel('Delimiter').selectOption(';');
	await page.getByLabel('Decimal comma (3,14 means 3.14)').check();
	await page.getByLabel('Choose a file…').setInputFiles({
		name: 'prices.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('item;price\napple;1,25\npear;1.234,50\n')
	});
	const preview = page.getByRole('region', { name: 'Data preview' });
	await expect(preview.getByRole('button', { name: /^Type of price:/ })).toHaveText('number');
	await expect(preview.getByRole('cell', { name: '1234.5', exact: true })).toBeVisible();
});

test('an old Excel export (“sep=;” line, Windows-1252 accents after 64 KB) reads whole, with notes', async ({
	page
}) => {
	const rows = Array.from({ length: 6_000 }, (_, i) => `row${i};${i},5`);
	const text = `sep=;\r\nname;value\r\n${rows.join('\r\n')}\r\nJosé;7,25\r\n`;
	expect(text.indexOf('é')).toBeGreaterThan(65_536);
	await page.goto('/data');
	await page.getByLabel('Choose a file…').setInputFiles({
		name: 'export.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(text, 'latin1')
	});
	await page.waitForURL(/\/data\?id=/);
	const notes = page.getByRole('list', { name: 'Import notes' });
	await expect(notes).toContainText('“sep=;”, is Excel’s note of the delimiter, not data: it was used.');
	await expect(notes).toContainText('read as Windows-1252');
	await shotWidths(page, 'import-old-excel', { height: 800, fullPage: false });
	const preview = page.getByRole('region', { name: 'Data preview' });
	await expect(preview.getByRole('button', { name: /^Type of value:/ })).toHaveText('number');
	const filter = page.getByRole('form', { name: 'Filter rows' });
	await filter.getByLabel('Filter column').selectOption('name');
	await filter.getByRole('textbox', { name: 'Value' }).fill('José');
	await filter.getByRole('button', { name: 'Filter' }).click();
	await expect(page.getByText('1 of 6,001 rows')).toBeVisible();
	await expect(preview.getByRole('cell', { name: '7.25', exact: true })).toBeVisible();
});
