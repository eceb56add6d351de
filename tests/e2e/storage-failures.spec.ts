import { expect, test } from './fixtures.ts';
import { storeCounts } from './store-counts.ts';

test('a full disk quota gets a storage-full message and leaves nothing half written', async ({
	page,
	baseURL
}) => {
	// Chromium reads an origin's quota when its storage is first opened, so the override comes first:
	// room for the iris sample (about 80 KB with the empty database) but not for digits (about 500 KB).
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin, quotaSize: 250_000 });

	await page.goto('/');
	await page.getByRole('button', { name: 'Open Iris flowers' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Iris flowers' })).toBeVisible();

	await page.goto('/');
	await page.getByRole('button', { name: 'Open Handwritten digits' }).click();
	const alert = page.locator('[role="alert"][data-code="storage-full"]');
	await expect(alert).toContainText("Your browser's storage for Benchtop is full");
	await expect(alert).toContainText('Delete data sets or model versions you no longer need');
	await expect(page).toHaveURL(/\/$/);
	const list = page.getByRole('list', { name: 'Your data sets' });
	await expect(list.getByRole('link')).toHaveCount(1);

	// Nothing half written: neither a record nor an orphan blob of the failed import.
	const counts = await storeCounts(page, ['datasets', 'blobs']);
	expect(counts).toEqual({ datasets: 1, blobs: 1 });

	// And nothing lost: what was there still opens.
	await list.getByRole('link', { name: /Iris flowers/ }).click();
	await expect(page.getByText('150 of 150 rows')).toBeVisible();
});

test('without IndexedDB the studio says so and still works in memory', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', {
			get() {
				throw new DOMException('The user denied permission to access the database.', 'SecurityError');
			}
		});
	});
	await page.goto('/');
	await expect(page.getByRole('status').filter({ hasText: 'Not saving to this browser.' })).toBeVisible();
	await page.getByRole('button', { name: 'Open Iris flowers' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Iris flowers' })).toBeVisible();
	await expect(page.getByText('150 of 150 rows')).toBeVisible();
	// Preparing works in memory too: the page hands the worker the bytes it keeps. The nav takes the data
	// set along (a typed address would reload the page, and memory with it).
	await page
		.getByRole('link', { name: /Prepare/ })
		.first()
		.click();
	await expect(page.getByTestId('split-counts')).toContainText('Train 104');
	// The default recipe, built from the bytes in memory.
	const scale = page.getByRole('list', { name: 'Recipe steps' }).locator('li[data-op="scale"]');
	await expect(scale).toContainText('4 changed');
	await page.getByRole('button', { name: 'Save as new version' }).click();
	await expect(page.getByText(/Prepared with a \d+-step recipe/)).toBeVisible();
	await expect(page.getByRole('list', { name: 'Your data sets' }).getByText('version 2')).toBeVisible();
});

test('a schema upgrade in another tab makes this tab stop writing and ask for a reload', async ({
	page,
	context
}) => {
	await page.goto('/');
	await expect(page.getByText('No data sets yet.')).toBeVisible();

	const other = await context.newPage();
	await other.goto('/404-probe');
	await other.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('benchtop', 99);
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					open.result.close();
					resolve();
				};
			})
	);
	await expect(page.getByRole('alert')).toContainText('Benchtop was updated in another tab: reload');
	await page.getByRole('button', { name: 'Open Iris flowers' }).click();
	await expect(page.locator('[role="alert"][data-code="stale-tab"]')).toBeVisible();
});
