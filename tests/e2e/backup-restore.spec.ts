// Backup and restore across browsers: a workspace with a data set and a trained run is exported from one
// browser context as a .benchtop.zip, and imported into a fresh context (empty storage), where the data set
// and its run reappear; a damaged copy of the same file is refused with its reason and adds nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { openTrain } from './open-train.ts';
import { shotWidths } from './shots.ts';

const runs = (page: Page) => page.getByRole('list', { name: 'Runs' });

test('a workspace exported in one browser comes back, data set and run, in a fresh one', async ({
	browser,
	baseURL
}, testInfo) => {
	test.setTimeout(180_000);
	const first = await browser.newContext({ baseURL, acceptDownloads: true });
	// The download path (a Blob) rather than the File System Access picker, which a test cannot answer.
	await first.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
	const page = await first.newPage();
	await openTrain(page, 'Iris flowers');
	await page.locator('summary', { hasText: 'Training settings' }).click();
	await page.getByLabel('Epochs', { exact: true }).fill('5');
	await page.getByLabel('Epochs', { exact: true }).press('Tab');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(runs(page).getByRole('button')).toHaveCount(1, { timeout: 90_000 });
	const runText = (await runs(page).getByRole('button').first().innerText()).split('\n')[0]!;

	await page.goto('/system');
	const backup = page.getByRole('region', { name: 'Backup and restore' });
	const downloading = page.waitForEvent('download');
	await backup.getByRole('button', { name: 'Export backup' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^benchtop-workspace-\d{4}-\d{2}-\d{2}\.benchtop\.zip$/);
	const file = testInfo.outputPath('workspace.benchtop.zip');
	await download.saveAs(file);
	await expect(backup.getByRole('status')).toContainText(/Wrote benchtop-workspace-.*: \d+ records/);
	await first.close();

	const second = await browser.newContext({ baseURL });
	const fresh = await second.newPage();
	await fresh.goto('/system');
	const restore = fresh.getByRole('region', { name: 'Backup and restore' });

	// A damaged copy (one byte of the stored Arrow bytes flipped) is refused whole: its hash no longer matches.
	const bytes = readFileSync(file);
	const bad = testInfo.outputPath('damaged.benchtop.zip');
	const arrowAt = bytes.indexOf(Buffer.from('ARROW1'));
	const corrupt = Buffer.from(bytes);
	corrupt[arrowAt + 64] = corrupt[arrowAt + 64]! ^ 0xff;
	writeFileSync(bad, corrupt);
	await restore.getByLabel('Import a Benchtop backup').setInputFiles(bad);
	await expect(restore.getByRole('alert')).toContainText(/does not match its SHA-256 in the manifest/);
	await fresh.goto('/');
	await expect(fresh.getByRole('list', { name: 'Your data sets' })).toHaveCount(0);

	await fresh.goto('/system');
	await restore.getByLabel('Import a Benchtop backup').setInputFiles(file);
	await expect(restore.getByRole('status')).toContainText('Added 1 data set, 1 recipe draft, 1 run.');
	await shotWidths(fresh, 'backup', { element: restore });
	await fresh.goto('/');
	const list = fresh.getByRole('list', { name: 'Your data sets' });
	await expect(list).toContainText('Iris flowers');
	await list.getByRole('link', { name: /Iris flowers/ }).click();
	await expect(fresh.getByText('150 of 150 rows')).toBeVisible();
	const id = new URL(fresh.url()).searchParams.get('id')!;
	await fresh.goto(`/train?id=${encodeURIComponent(id)}`);
	await expect(runs(fresh).getByRole('button')).toHaveCount(1);
	expect((await runs(fresh).getByRole('button').first().innerText()).split('\n')[0]).toBe(runText);
	await second.close();
});
