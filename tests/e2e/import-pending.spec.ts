// Issue 20: the Data page shows an imported table before it is hashed and stored. The rows come from the
// data worker's cache while the commit runs in the background ("Saving…" → "Saved"); the address then
// moves to the stored version, which a reload finds. The same file again is de-duplicated by its hash; a
// full quota during the commit says so, keeps the table, writes nothing, and "Try saving again" stores it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { generateCsv } from '../generated-csv.ts';
import { storeCounts } from './store-counts.ts';

const ROWS = 200_000;
let dir: string;
let big: string;
let small: string;

test.describe.configure({ timeout: 120_000 });

test.beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'benchtop-pending-'));
	big = join(dir, 'big.csv');
	writeFileSync(big, generateCsv(ROWS));
	small = join(dir, 'small.csv');
	writeFileSync(small, generateCsv(20_000));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Records, in the page, when the first row is drawn, what the save status and the address said then, and
 * when the status said "Saved". (In the page: polled from the test, the pending address of a fast save could
 * come and go between two polls.) */
async function watchOrder(page: Page) {
	await page.addInitScript(() => {
		const seen = { rowAt: 0, statusAtRow: '', searchAtRow: '', savedAt: 0 };
		(window as unknown as { seen: typeof seen }).seen = seen;
		new MutationObserver(() => {
			const status = document.querySelector('[data-testid="save-status"]')?.textContent?.trim() ?? '';
			if (!seen.rowAt && document.querySelector('.detail [aria-label="Data preview"] td.index')) {
				seen.rowAt = performance.now();
				seen.statusAtRow = status;
				seen.searchAtRow = location.search;
			}
			if (!seen.savedAt && status === 'Saved') seen.savedAt = performance.now();
		}).observe(document, { subtree: true, childList: true, characterData: true });
	});
}

const storedCounts = (page: Page) => storeCounts(page, ['datasets', 'blobs']);

test('rows show before the table is saved; it is then stored, de-duplicated on re-import, and reloads', async ({
	page
}) => {
	await watchOrder(page);
	await page.goto('/data');
	await page.getByLabel('Choose a file…').setInputFiles(big);
	const count = `${ROWS.toLocaleString('en')} of ${ROWS.toLocaleString('en')} rows`;
	await expect(page.getByText(count)).toBeVisible({ timeout: 60_000 });
	await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 60_000 });
	await expect(page).toHaveURL(/\/data\?id=/);
	const seen = await page.evaluate(() => (window as unknown as { seen: Record<string, unknown> }).seen);
	expect(seen.rowAt, 'a row was drawn').toBeGreaterThan(0);
	expect(seen.statusAtRow, 'the status when the first row was drawn').toBe('Saving…');
	expect(seen.searchAtRow, 'the address when the first row was drawn').toMatch(/^\?pending=/);
	expect(seen.rowAt as number).toBeLessThan(seen.savedAt as number);
	// The stored version's actions and hash arrive with the commit, in the same view.
	await expect(page.getByRole('button', { name: 'Rename…' })).toBeVisible();
	await expect(page.getByText(/Content hash [0-9a-f]{16}…/)).toBeVisible();
	const id = new URL(page.url()).searchParams.get('id');
	expect(await storedCounts(page)).toEqual({ datasets: 1, blobs: 1 });

	// The same file again: shown at once, then recognised by its hash as the version already stored.
	await page.getByLabel('Choose a file…').setInputFiles(big);
	await expect(page.getByText(/already stored as .big.; opened that one/)).toBeVisible({ timeout: 60_000 });
	await expect(page).toHaveURL(new RegExp(`\\?id=${id}$`));
	expect(await storedCounts(page)).toEqual({ datasets: 1, blobs: 1 });
	await expect(page.getByRole('list', { name: 'Your data sets' }).getByRole('link')).toHaveCount(1);

	// Reloaded, the stored version is there.
	await page.reload();
	await expect(page.getByRole('heading', { level: 2, name: 'big' })).toBeVisible();
	await expect(page.getByText(count)).toBeVisible({ timeout: 60_000 });
	await expect(
		page.getByRole('region', { name: 'Data preview' }).getByRole('cell', { name: '1', exact: true }).first()
	).toBeVisible();
});

test('a full quota during the background commit keeps the table, writes nothing, and a retry saves it', async ({
	page,
	baseURL
}) => {
	// Room for the empty database, not for the table's ~1 MB of Arrow bytes. Chromium reads the quota
	// when the origin's storage first opens, so the override comes before the first visit.
	const cdp = await page.context().newCDPSession(page);
	const origin = new URL(baseURL!).origin;
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 250_000 });
	await page.goto('/data');
	await page.getByLabel('Choose a file…').setInputFiles(small);
	const alert = page.locator('[role="alert"][data-code="storage-full"]');
	await expect(alert).toContainText("Your browser's storage for Benchtop is full", { timeout: 60_000 });
	// The table stays, with the way out: nothing was stored, actions wait, the address stays pending.
	await expect(page.getByText('20,000 of 20,000 rows')).toBeVisible();
	await expect(page.getByTestId('pending-failed')).toContainText('Nothing was written');
	await expect(page.getByTestId('needs-stored')).toContainText('not stored yet');
	await expect(page.getByRole('button', { name: 'Rename…' })).toHaveCount(0);
	await expect(page).toHaveURL(/\?pending=/);
	expect(await storedCounts(page)).toEqual({ datasets: 0, blobs: 0 });
	// The table can be taken away as it is.
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download CSV' }).click();
	expect((await download).suggestedFilename()).toBe('small.csv');

	// Room again: the same table is stored from what the page kept.
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 200_000_000 });
	await page.getByRole('button', { name: 'Try saving again' }).click();
	await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 60_000 });
	await expect(page).toHaveURL(/\?id=/);
	await expect(alert).toHaveCount(0);
	expect(await storedCounts(page)).toEqual({ datasets: 1, blobs: 1 });
	await page.reload();
	await expect(page.getByRole('heading', { level: 2, name: 'small' })).toBeVisible();
	await expect(page.getByText('20,000 of 20,000 rows')).toBeVisible();
});
