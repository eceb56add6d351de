// The model registry in Chromium: a trained run saved as versions of a named model, shown on the Models
// page, promoted and rolled back with every move in the history; a full disk in the middle of a save
// (no partial version); two tabs promoting at once (one history, both tabs agree); a schema 3 database with
// versions upgrading in Chromium. (200 versions opening without a long task: models-many-versions.spec.ts.)
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { openTrain } from './open-train.ts';
import { saveAsModel, trainRun } from './train-and-save.ts';
import { shot } from './shots.ts';

const runs = (page: Page) => page.getByRole('list', { name: 'Runs' });

/** Opens iris on the Train page and trains it with the defaults. */
async function trainIris(page: Page): Promise<void> {
	await openTrain(page, 'Iris flowers');
	await trainRun(page);
}

/** Counts records in the registry's stores, read straight from IndexedDB. */
function countStores(page: Page, stores: string[]): Promise<Record<string, number>> {
	return page.evaluate(
		(names) =>
			new Promise<Record<string, number>>((resolve, reject) => {
				const open = indexedDB.open('benchtop');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction(names);
					const requests = names.map((name) => [name, tx.objectStore(name).count()] as const);
					tx.oncomplete = () => {
						resolve(Object.fromEntries(requests.map(([name, r]) => [name, r.result])));
						open.result.close();
					};
				};
			}),
		stores
	);
}

test('a run saved twice becomes v1 and v2; promote, promote, roll back, and the history says so', async ({
	page
}) => {
	test.setTimeout(150_000);
	await trainIris(page);
	const first = await saveAsModel(page, { name: 'Iris classifier' });
	await expect(first).toContainText('Iris classifier version 1');
	const second = await saveAsModel(page, { name: 'Iris classifier' });
	await expect(second).toContainText('Iris classifier version 2');

	await page.goto('/models');
	const card = page.getByTestId('model-card');
	await expect(card).toHaveCount(1);
	await expect(card.getByRole('heading', { name: 'Iris classifier' })).toBeVisible();
	await expect(card).toContainText('2 versions');
	await expect(card.getByRole('row')).toHaveCount(3);
	await expect(card.getByRole('row').nth(1)).toContainText(/test accuracy \d/);

	// v1 to champion (the default gate has no thresholds: it passes), then v2, then roll back.
	await card.getByRole('link', { name: 'v1', exact: true }).click();
	const detail = page.getByTestId('version-detail');
	await expect(detail.getByRole('heading', { level: 2 })).toContainText('Iris classifier v1');
	await expect(detail.getByTestId('lineage-graph')).toBeVisible();
	await expect(detail.getByTestId('gate-verdict')).toContainText('Passes the validation gate');
	await detail.getByRole('button', { name: 'Promote to champion' }).click();
	await expect(detail.getByRole('status').filter({ hasText: 'champion now points at v1' })).toBeVisible();

	await card.getByRole('link', { name: 'v2', exact: true }).click();
	await expect(detail.getByRole('heading', { level: 2 })).toContainText('Iris classifier v2');
	await detail.getByLabel(/^Reason/).fill('retrained');
	await detail.getByRole('button', { name: 'Promote to champion' }).click();
	await expect(
		detail.getByRole('status').filter({ hasText: 'champion now points at v2 (was v1)' })
	).toBeVisible();
	await detail.getByRole('button', { name: 'Roll back' }).click();
	await expect(detail.getByRole('status').filter({ hasText: 'rolled back to v1 (was v2)' })).toBeVisible();

	const history = detail.getByTestId('alias-history').getByRole('row');
	await expect(history).toHaveCount(4);
	await expect(history.nth(1)).toContainText(/champion \(rollback\)\s*v2\s*v1/);
	await expect(history.nth(2)).toContainText(/champion\s*v1\s*v2\s*retrained/);
	await expect(history.nth(3)).toContainText(/champion\s*none\s*v1/);

	// Kept across a reload.
	await page.reload();
	await expect(page.getByTestId('alias-history').getByRole('row')).toHaveCount(4);
	await expect(page.getByTestId('model-card')).toContainText('champion v1');
	await shot(page, 'models-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await shot(page, 'models-390');
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow, 'horizontal overflow at 390 px').toBeLessThanOrEqual(0);
});

test('a full disk in the middle of saving a version: a clear message and no partial version', async ({
	page,
	baseURL
}) => {
	test.setTimeout(150_000);
	// Chromium reads an origin's quota when its storage is first opened, so the override comes first:
	// room for iris, its run and one 1.8 MB run, not for a second copy of those bytes as a model version
	// (here 3 MB of weights did not fit a 5 MB quota even once: Chromium keeps headroom). Its accounting
	// moves between builds and runs: at 3 MB the 1.8 MB run itself was refused, at 4 MB the version copy
	// fitted once in two; 3.5 MB passed three runs in three.
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Storage.overrideQuotaForOrigin', {
		origin: new URL(baseURL!).origin,
		quotaSize: 3_500_000
	});
	await trainIris(page);
	// A second run with 1.8 MB of weights that cannot be compressed, copied from the trained one.
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('benchtop');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction(['runs', 'artifacts'], 'readwrite');
					const all = tx.objectStore('runs').getAll();
					all.onsuccess = () => {
						const run = all.result[0];
						const bytes = new Uint8Array(1_800_000);
						for (let i = 0; i < bytes.length; i += 65536)
							crypto.getRandomValues(bytes.subarray(i, i + 65536));
						const artifactId = 'big-artifact';
						tx.objectStore('artifacts').put({
							id: artifactId,
							runId: 'big-run',
							artifact: { kind: 'layers', modelTopology: {}, weightSpecs: [], weightData: new Blob([bytes]) }
						});
						tx.objectStore('runs').put({
							...run,
							id: 'big-run',
							name: 'Big run',
							artifactId,
							createdAt: new Date(Date.now() + 1000).toISOString()
						});
					};
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
					tx.onabort = () => reject(tx.error);
				};
			})
	);
	await page.reload();
	await runs(page)
		.getByRole('button', { name: /^Big run/ })
		.click();
	const detail = page.getByRole('region', { name: 'Big run' });
	await detail.getByRole('button', { name: 'Save as model' }).click();
	await detail.getByLabel('Model name').fill('Too big');
	await detail.getByRole('button', { name: 'Save version' }).click();
	const alert = detail.locator('[role="alert"][data-code="storage-full"]');
	await expect(alert).toContainText("Your browser's storage for Benchtop is full");
	expect(await countStores(page, ['models', 'modelVersions', 'versionArtifacts'])).toEqual({
		models: 0,
		modelVersions: 0,
		versionArtifacts: 0
	});
	await page.goto('/models');
	await expect(page.getByTestId('models-empty')).toBeVisible();
});

test('two tabs promoting at once end with one history that both tabs show', async ({ page, context }) => {
	test.setTimeout(150_000);
	await trainIris(page);
	await saveAsModel(page, { name: 'Shared' });
	await saveAsModel(page, { name: 'Shared' });
	await page.goto('/models');
	const link = (p: Page, v: string) =>
		p.getByTestId('model-card').getByRole('link', { name: v, exact: true });
	await link(page, 'v1').click();
	const other = await context.newPage();
	await other.goto(page.url().replace(/version=[^&]+/, ''));
	await link(other, 'v2').click();
	const promote = (p: Page) =>
		p.getByTestId('version-detail').getByRole('button', { name: 'Promote to champion' });
	await expect(promote(page)).toBeEnabled();
	await expect(promote(other)).toBeEnabled();
	// Dispatched, not clicked by position: the first move to land redraws the other tab's alias list above
	// the button, and a positional click can then land on the reason field instead (seen once in four runs).
	await Promise.all([promote(page).dispatchEvent('click'), promote(other).dispatchEvent('click')]);

	for (const p of [page, other]) {
		await expect(p.getByTestId('alias-history').getByRole('row')).toHaveCount(3);
	}
	const rows = async (p: Page) =>
		(await p.getByTestId('alias-history').getByRole('row').allInnerTexts()).join('\n');
	expect(await rows(page)).toBe(await rows(other));
	const summary = async (p: Page) => p.getByTestId('model-card').locator('p').first().innerText();
	expect(await summary(page)).toBe(await summary(other));
	// The second move started from where the first left the alias.
	expect(await rows(page)).toMatch(/champion\s+v\d\s+v\d/);
	expect(await rows(page)).toMatch(/champion\s+none\s+v\d/);

	// A move in one tab reaches the other without a reload (BroadcastChannel).
	const detail = page.getByTestId('version-detail');
	await detail.getByLabel('Alias', { exact: true }).selectOption('challenger');
	await detail.getByRole('button', { name: 'Set challenger' }).click();
	await expect(other.getByTestId('alias-history').getByRole('row')).toHaveCount(4);
	await expect(other.getByTestId('alias-history').getByRole('row').nth(1)).toContainText(
		/challenger\s*none\s*v1/
	);
});

test('a start after the browser cleared the database says the data is gone', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Open Iris flowers' }).click();
	await page.waitForURL(/\/data\?id=/);
	await expect
		.poll(() => page.evaluate(() => localStorage.getItem('benchtop:storage-marker')))
		.not.toBeNull();
	await expect(page.getByTestId('eviction-notice')).toHaveCount(0);
	// What eviction does to IndexedDB: the database is gone (the open tab steps aside when asked).
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const request = indexedDB.deleteDatabase('benchtop');
				request.onsuccess = () => resolve();
				request.onerror = () => reject(request.error);
			})
	);
	await page.goto('/');
	await expect(page.getByTestId('eviction-notice')).toContainText(
		"This browser cleared Benchtop's stored data"
	);
	await page.reload();
	await expect(page.getByTestId('eviction-notice')).toHaveCount(0);
});

test('the run list links to the save page, and the storage panel lists the model', async ({ page }) => {
	test.setTimeout(150_000);
	await page.goto('/models');
	await expect(page.getByTestId('models-empty')).toBeVisible();
	await shot(page, 'models-empty-1280', { fullPage: false });
	await trainIris(page);
	await runs(page)
		.getByRole('link', { name: /Save .* as model/ })
		.click();
	await expect(page).toHaveURL(/\/models\/save\?run=/);
	const form = page.getByRole('form', { name: /as a model version/ });
	await expect(form.getByLabel('Model name')).toHaveValue(/→ species/);
	await page.setViewportSize({ width: 390, height: 844 });
	await shot(page, 'save-page-390');
	await form.getByRole('button', { name: 'Save version' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'version 1' })).toBeVisible();
	await page.goto('/system');
	await expect(page.getByTestId('model-usage')).toContainText(/→ species.*: 1 version, \d+(\.\d)? KB/);
	await shot(page, 'storage-390');
});

test('a schema 3 database with saved versions upgrades in Chromium: the Models page lists them from their new summaries', async ({
	page
}) => {
	// A page of the same origin that does not open the studio's storage: the database is made as schema
	// 3 left it (the registry's stores, one model and two versions, no summaries) before Benchtop runs.
	await page.goto('/favicon.svg');
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const request = indexedDB.open('benchtop', 3);
				request.onupgradeneeded = () => {
					const db = request.result;
					for (const name of ['datasets', 'blobs', 'recipes', 'experiments', 'runs', 'artifacts'])
						db.createObjectStore(name, { keyPath: 'id' });
					db.createObjectStore('settings');
					const tx = request.transaction!;
					tx.objectStore('datasets').createIndex('by-hash', 'hash', { unique: true });
					tx.objectStore('datasets').createIndex('by-created', 'createdAt');
					tx.objectStore('runs').createIndex('by-experiment', 'experimentId');
					db.createObjectStore('models', { keyPath: 'id' }).createIndex('by-name', 'name', { unique: true });
					const versions = db.createObjectStore('modelVersions', { keyPath: 'id' });
					versions.createIndex('by-model', 'modelId');
					versions.createIndex('by-run', 'lineage.runId');
					versions.createIndex('by-dataset', 'lineage.datasetId');
					db.createObjectStore('versionArtifacts', { keyPath: 'id' });
					db.createObjectStore('aliasEvents', { keyPath: 'id' }).createIndex('by-model', 'modelId');
					tx.objectStore('models').put({
						id: 'm1',
						name: 'Old model',
						createdAt: '2026-11-01T10:00:00.000Z',
						latestVersion: 2,
						aliases: { champion: 'v-1' }
					});
					for (const n of [1, 2])
						tx.objectStore('modelVersions').put({
							id: `v-${n}`,
							modelId: 'm1',
							version: n,
							createdAt: `2026-11-0${n}T10:00:00.000Z`,
							task: 'classification',
							family: 'mlp',
							targets: ['species'],
							labels: ['a', 'b'],
							features: ['x'],
							inputSchema: [{ name: 'x', type: 'number' }],
							metrics: { test: { accuracy: n === 1 ? 0.9 : 0.95, confusion: [[1]] } },
							gate: null,
							lineage: {
								datasetId: 'd1',
								datasetHash: 'ab'.repeat(32),
								recipe: { version: 1, steps: [] },
								runId: `r${n}`,
								parentVersionId: null
							},
							run: { id: `r${n}`, history: [] },
							artifact: { id: `a${n}`, kind: 'layers', sha256: 'cd'.repeat(32), bytes: 2000 * n },
							hasOptimizerState: false,
							notes: '',
							tags: []
						});
				};
				request.onsuccess = () => {
					request.result.close();
					resolve();
				};
				request.onerror = () => reject(request.error);
			})
	);
	await page.goto('/models');
	const card = page.getByTestId('model-card');
	await expect(card.getByRole('heading', { name: 'Old model' })).toBeVisible();
	await expect(card).toContainText('2 versions');
	await expect(card).toContainText('champion v1');
	await expect(card.getByRole('row').nth(1)).toContainText(/v2\s*test accuracy 0\.95\s*4(\.0)? KB/);
	await expect(card.getByRole('row').nth(2)).toContainText(/v1\s*test accuracy 0\.9\s*2(\.0)? KB/);
	const upgraded = await page.evaluate(
		() =>
			new Promise<{ version: number; summaries: number }>((resolve, reject) => {
				const open = indexedDB.open('benchtop');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const count = open.result.transaction('versionSummaries').objectStore('versionSummaries').count();
					count.onsuccess = () => {
						resolve({ version: open.result.version, summaries: count.result });
						open.result.close();
					};
				};
			})
	);
	expect(upgraded).toEqual({ version: 4, summaries: 2 });
});
