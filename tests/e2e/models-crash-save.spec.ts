// The browser killed in the middle of saving a model version: Chromium runs with a profile folder of its
// own (a persistent context), a save of a version with 24 MB of weights is started, and the browser's
// process is killed (SIGKILL, no chance to tidy up) at several points during the save. Relaunched on the
// same folder, every version stored is whole (record, summary and weights, the weights hashing to what
// was recorded) or absent, never half; and the storage still takes a new save afterwards.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, resolveChromium } from '../browser-launch.ts';
import { expect, test } from './fixtures.ts';

const WEIGHT_BYTES = 24 * 1024 * 1024;

async function launch(dir: string, baseURL: string, foreign: string[]): Promise<BrowserContext> {
	const context = await chromium.launchPersistentContext(dir, {
		executablePath: resolveChromium(),
		args: CHROMIUM_ARGS,
		baseURL,
		serviceWorkers: 'block'
	});
	context.on('request', (request) => {
		const url = request.url();
		if (
			!url.startsWith('data:') &&
			!url.startsWith('blob:') &&
			new URL(url).origin !== new URL(baseURL).origin
		)
			foreign.push(url);
	});
	return context;
}

function commandLine(pid: string): string {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
	} catch {
		return '';
	}
}

function parentOf(pid: string): string {
	try {
		return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]!;
	} catch {
		return '';
	}
}

/** The browser's own process (the one we launched): its command line names our profile folder, and its
 * parent's does not (Chromium's helpers are its children). */
function browserPid(dir: string): number {
	const flag = `--user-data-dir=${dir}`;
	const ours = readdirSync('/proc').filter((pid) => /^\d+$/.test(pid) && commandLine(pid).includes(flag));
	const main = ours.filter((pid) => !commandLine(parentOf(pid)).includes(flag));
	if (main.length !== 1) throw new Error(`expected one browser process for ${dir}, found ${main.join(', ')}`);
	return Number(main[0]);
}

/** Trains iris, then stores a second run with 24 MB of weights that cannot be compressed. */
async function prepare(page: Page): Promise<string> {
	await page.goto('/');
	await page.getByRole('button', { name: 'Open Iris flowers' }).click();
	await page.waitForURL(/\/data\?id=/);
	const datasetId = new URL(page.url()).searchParams.get('id')!;
	await page.goto(`/train?id=${encodeURIComponent(datasetId)}`);
	await expect(page.getByTestId('task-reason')).not.toContainText('Reading');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	const runs = page.getByRole('list', { name: 'Runs' });
	await expect(runs.getByRole('button', { name: /accuracy/ })).toHaveCount(1, { timeout: 90_000 });
	await page.evaluate(
		(size) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('benchtop');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction(['runs', 'artifacts'], 'readwrite');
					const all = tx.objectStore('runs').getAll();
					all.onsuccess = () => {
						const bytes = new Uint8Array(size);
						for (let i = 0; i < bytes.length; i += 65536)
							crypto.getRandomValues(bytes.subarray(i, i + 65536));
						tx.objectStore('artifacts').put({
							id: 'big-artifact',
							runId: 'big-run',
							artifact: { kind: 'layers', modelTopology: {}, weightSpecs: [], weightData: new Blob([bytes]) }
						});
						tx.objectStore('runs').put({
							...all.result[0],
							id: 'big-run',
							name: 'Big run',
							artifactId: 'big-artifact',
							createdAt: new Date(Date.now() + 1000).toISOString()
						});
					};
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		WEIGHT_BYTES
	);
	return datasetId;
}

/** Opens the big run and presses Save version under `name`; resolves when the save has started. */
async function startSave(page: Page, datasetId: string, name: string): Promise<void> {
	await page.goto(`/train?id=${encodeURIComponent(datasetId)}`);
	await page
		.getByRole('list', { name: 'Runs' })
		.getByRole('button', { name: /^Big run/ })
		.click();
	const detail = page.getByRole('region', { name: 'Big run' });
	await detail.getByRole('button', { name: 'Save as model' }).click();
	await detail.getByLabel('Model name').fill(name);
	await detail.getByRole('button', { name: 'Save version' }).click();
}

interface StoredState {
	models: { name: string; latestVersion: number }[];
	/** Per version: its model's name, number, whether its summary and weights are there, and whether the
	 * weights hash to the recorded SHA-256 (the registry's canonical bytes, computed here independently). */
	versions: { model: string; version: number; summary: boolean; weights: boolean; hashOk: boolean }[];
	straySummaries: number;
	strayWeights: number;
	modelsWithoutVersions: number;
}

/** Everything the registry holds about models, read straight from IndexedDB and checked. */
function storedState(page: Page): Promise<StoredState> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('benchtop');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const all = (store: string) =>
			new Promise<Record<string, unknown>[]>((resolve, reject) => {
				const request = db.transaction(store).objectStore(store).getAll();
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
		const [models, versions, summaries, weights] = await Promise.all(
			['models', 'modelVersions', 'versionSummaries', 'versionArtifacts'].map(all)
		);
		db.close();
		// artifact-digest.ts: the plain fields as JSON with sorted keys, then each Blob's bytes.
		const canonical = (value: unknown, blobs: Blob[]): unknown => {
			if (value instanceof Blob) {
				blobs.push(value);
				return { blob: blobs.length - 1, size: value.size };
			}
			if (Array.isArray(value)) return value.map((item) => canonical(item, blobs));
			if (value !== null && typeof value === 'object') {
				const out: Record<string, unknown> = {};
				for (const key of Object.keys(value).sort()) {
					const field = (value as Record<string, unknown>)[key];
					if (field !== undefined) out[key] = canonical(field, blobs);
				}
				return out;
			}
			return value;
		};
		const digest = async (artifact: unknown) => {
			const blobs: Blob[] = [];
			const head = new TextEncoder().encode(JSON.stringify(canonical(artifact, blobs)));
			const bytes = new Uint8Array(await new Blob([head, ...blobs]).arrayBuffer());
			const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
			return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
		};
		const nameOf = new Map(models!.map((m) => [m.id, String(m.name)]));
		const versionIds = new Set(versions!.map((v) => v.id));
		const out = [];
		for (const version of versions!) {
			const artifact = version.artifact as { id: string; sha256: string };
			const stored = weights!.find((w) => w.id === artifact.id && w.versionId === version.id);
			out.push({
				model: nameOf.get(version.modelId as string) ?? '(no model record)',
				version: Number(version.version),
				summary: summaries!.some((s) => s.id === version.id),
				weights: stored !== undefined,
				hashOk: stored !== undefined && (await digest(stored.artifact)) === artifact.sha256
			});
		}
		return {
			models: models!.map((m) => ({ name: String(m.name), latestVersion: Number(m.latestVersion) })),
			versions: out,
			straySummaries: summaries!.filter((s) => !versionIds.has(s.id)).length,
			strayWeights: weights!.filter((w) => !versionIds.has(w.versionId)).length,
			modelsWithoutVersions: models!.filter((m) => !versions!.some((v) => v.modelId === m.id)).length
		};
	});
}

function expectWhole(state: StoredState): void {
	for (const version of state.versions)
		expect(version, 'a stored version is whole').toMatchObject({
			summary: true,
			weights: true,
			hashOk: true
		});
	expect(state.straySummaries, 'summaries without a version').toBe(0);
	expect(state.strayWeights, 'weights without a version').toBe(0);
	expect(state.modelsWithoutVersions, 'models without a version').toBe(0);
}

test('the browser killed during a save leaves the version whole or absent, and storage usable', async ({
	baseURL
}) => {
	test.setTimeout(600_000);
	const dir = mkdtempSync(join(tmpdir(), 'benchtop-crash-'));
	const foreign: string[] = [];
	try {
		let context = await launch(dir, baseURL!, foreign);
		let page = context.pages()[0] ?? (await context.newPage());
		const datasetId = await prepare(page);

		// How long a whole save takes here, from the press of Save version to "Saved as".
		await startSave(page, datasetId, 'Whole');
		const started = Date.now();
		await expect(page.getByRole('status').filter({ hasText: 'Saved as' })).toBeVisible({ timeout: 60_000 });
		const saveMs = Date.now() - started;
		let state = await storedState(page);
		expectWhole(state);
		expect(state.versions).toEqual([
			{ model: 'Whole', version: 1, summary: true, weights: true, hashOk: true }
		]);
		await context.close();

		// Kill points from pressing Save version: dense early, where a warm save does its work (the first
		// save above is the slow, cold one), then on past it.
		const delays = [0, 40, 80, 120, 160, 200, 260, 330, 450, 700];
		const outcomes: string[] = [];
		let browserDiscarded = false;
		for (const [i, delay] of delays.entries()) {
			context = await launch(dir, baseURL!, foreign);
			page = context.pages()[0] ?? (await context.newPage());
			const pid = browserPid(dir);
			const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
			await startSave(page, datasetId, `Crash ${i}`);
			await new Promise((resolve) => setTimeout(resolve, delay));
			// Whether the page had already said "Saved as" (then the version must survive: strict durability).
			const reported = await page
				.getByRole('status')
				.filter({ hasText: 'Saved as' })
				.isVisible()
				.catch(() => false);
			process.kill(pid, 'SIGKILL');
			await closed;

			context = await launch(dir, baseURL!, foreign);
			page = context.pages()[0] ?? (await context.newPage());
			await page.goto('/models');
			// Seen once in CI (2 workers, loaded): after the kill Chromium discarded the whole database. Benchtop
			// cannot prevent that; what it must do is say so (the eviction marker is gone) and lose nothing it
			// claimed to keep beyond what the browser threw away. Recorded, and the rest of the kills skipped.
			const cleared = page.getByText("This browser cleared Benchtop's stored data");
			await expect(page.getByTestId('model-card').first().or(cleared)).toBeVisible();
			if (await cleared.isVisible()) {
				state = await storedState(page);
				expect(state.versions, 'a discarded database holds nothing half-written').toEqual([]);
				outcomes.push(`${delay} ms: Chromium discarded the whole database; the studio said so`);
				test.info().annotations.push({ type: 'browser', description: outcomes.at(-1)! });
				await context.close();
				browserDiscarded = true;
				break;
			}
			state = await storedState(page);
			expectWhole(state);
			const mine = state.versions.filter((v) => v.model === `Crash ${i}`);
			expect(mine.length).toBeLessThanOrEqual(1);
			if (reported) expect(mine, 'a save the page reported done survives the kill').toHaveLength(1);
			outcomes.push(`${delay} ms${reported ? ' (reported saved)' : ''}: ${mine.length ? 'whole' : 'absent'}`);
			// The earlier versions are all still there.
			expect(state.versions.filter((v) => v.model === 'Whole')).toHaveLength(1);
			await context.close();
		}
		console.log(`save of ${WEIGHT_BYTES / 2 ** 20} MiB took ${saveMs} ms; killed at ${outcomes.join('; ')}`);
		// At least one kill landed before the save was done, or the test proved nothing about a cut save.
		expect(
			outcomes.some((o) => !o.includes('reported saved')),
			outcomes.join('; ')
		).toBe(true);

		// Storage still takes a save after all that, and the Models page shows it (not after the browser
		// discarded the database: the data set the save needs went with it).
		if (browserDiscarded) return;
		context = await launch(dir, baseURL!, foreign);
		page = context.pages()[0] ?? (await context.newPage());
		await startSave(page, datasetId, 'After');
		await expect(page.getByRole('status').filter({ hasText: 'Saved as' })).toBeVisible({ timeout: 60_000 });
		state = await storedState(page);
		expectWhole(state);
		expect(state.versions.filter((v) => v.model === 'After')).toHaveLength(1);
		await page.goto('/models');
		await expect(page.getByTestId('model-card').getByRole('heading', { name: 'After' })).toBeVisible();
		await context.close();
		expect(foreign, 'requests that left the site origin').toEqual([]);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
