// Training when the machine fails it: a lost GPU device and a crashed train worker each get a message and
// an offer to go on from the last checkpoint on another backend, and the continued run finishes and is
// kept; a tab in the background keeps training; runs queued behind one another all run.
import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { openTrain } from './open-train.ts';

async function setEpochs(page: Page, epochs: number) {
	await page.locator('summary', { hasText: 'Training settings' }).click();
	await page.getByLabel('Epochs', { exact: true }).fill(String(epochs));
	await page.getByLabel('Epochs', { exact: true }).press('Tab');
	await page.getByLabel('Stop when the watched value stops improving').uncheck();
}

function trainWorker(page: Page): Worker {
	const worker = page.workers().find((w) => w.url().includes('train.worker'));
	if (!worker) throw new Error(`no train worker among ${page.workers().map((w) => w.url())}`);
	return worker;
}

/** Waits until the live view shows epoch `epoch` under way (so `epoch - 1` have finished). */
async function waitForEpoch(page: Page, epoch: number) {
	await expect
		.poll(async () => Number((await page.getByTestId('live-epoch').innerText()).match(/\d+/)?.[0] ?? 0), {
			timeout: 60_000
		})
		.toBeGreaterThanOrEqual(epoch);
}

test('a lost GPU device stops the run with a message, and the run goes on from its checkpoint on the CPU', async ({
	page
}) => {
	test.setTimeout(180_000);
	await openTrain(page, 'Iris flowers');
	await setEpochs(page, 40);
	await page.getByLabel('Backend').selectOption('webgpu');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await waitForEpoch(page, 3);
	// A real device loss: the worker's own GPUDevice destroyed mid-run, as a GPU reset would.
	await trainWorker(page).evaluate(() => {
		const tf = (self as unknown as { benchtopTf: { backend(): { device: GPUDevice } } }).benchtopTf;
		tf.backend().device.destroy();
	});
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('The webgpu device was lost during training', { timeout: 60_000 });
	const recover = page.getByRole('group', { name: 'Recover the run' });
	await expect(recover).toContainText(/The last checkpoint is epoch \d+ of 40, taken on webgpu/);
	const from = Number((await recover.innerText()).match(/epoch (\d+) of 40/)![1]);
	expect(from).toBeGreaterThanOrEqual(1);
	await expect(recover.getByLabel('Continue on')).toHaveValue('cpu');
	await recover.getByRole('button', { name: `Continue from epoch ${from}` }).click();
	await expect(page.getByRole('list', { name: 'Runs' }).getByRole('button')).toHaveCount(1, {
		timeout: 90_000
	});
	const detail = page.getByRole('region', { name: /MLP/ });
	await expect(detail).toContainText(`Continued from epoch ${from} on cpu; the first part ran on webgpu.`);
	// The continued run's history holds every epoch, the ones before the loss included.
	await expect(detail.getByRole('img', { name: 'Loss by epoch' })).toBeVisible();
	const accuracy = Number(
		(await page.getByRole('list', { name: 'Runs' }).innerText()).match(/accuracy (\d\.\d+)/)![1]
	);
	expect(accuracy).toBeGreaterThanOrEqual(0.9);
});

test('a crashed train worker gets a message, and the run goes on from its checkpoint in a fresh worker', async ({
	page
}) => {
	test.setTimeout(180_000);
	await openTrain(page, 'Iris flowers');
	// Enough epochs that the run is still going when the crash lands: on the fused WASM engine an iris
	// epoch takes a few milliseconds, and 60 epochs were over before the worker was reached.
	await setEpochs(page, 2000);
	await page.getByLabel('Backend').selectOption('wasm');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await waitForEpoch(page, 3);
	// An uncaught error in the worker's global scope: the page cannot know what state the worker is in.
	await trainWorker(page).evaluate(() => {
		setTimeout(() => {
			throw new Error('simulated crash');
		});
	});
	await expect(page.getByRole('alert')).toContainText('The train worker stopped unexpectedly', {
		timeout: 30_000
	});
	const recover = page.getByRole('group', { name: 'Recover the run' });
	const from = Number((await recover.innerText()).match(/epoch (\d+) of 2000, taken on wasm/)![1]);
	expect(from).toBeGreaterThanOrEqual(1);
	await recover.getByRole('button', { name: `Continue from epoch ${from}` }).click();
	await expect(page.getByRole('list', { name: 'Runs' }).getByRole('button')).toHaveCount(1, {
		timeout: 90_000
	});
	await expect(page.getByRole('region', { name: /MLP/ })).toContainText(
		`Continued from epoch ${from} on cpu; the first part ran on wasm.`
	);
});

test('a tab in the background keeps training, and queued runs all run', async ({ page }) => {
	test.setTimeout(180_000);
	await openTrain(page, 'Iris flowers');
	// The first run is paused while the next is queued: the fused engine trains an iris epoch in about a
	// millisecond, and 800, then 5,000 epochs each ended before "Queue another run" was pressed once.
	await setEpochs(page, 5000);
	// Headless Chromium never hides a tab (minimising or covering it leaves it "visible"), so the test
	// makes what a hidden tab changes true by hand: requestAnimationFrame never fires, in the page and in
	// the train worker, and the document says it is hidden. Training must not wait on a frame.
	const hide = () => {
		const scope = globalThis as unknown as { requestAnimationFrame?: unknown };
		scope.requestAnimationFrame = () => 0;
		if (typeof document !== 'undefined') {
			Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
			Object.defineProperty(document, 'hidden', { value: true, configurable: true });
			document.dispatchEvent(new Event('visibilitychange'));
		}
	};
	await expect.poll(() => page.workers().some((w) => w.url().includes('train.worker'))).toBe(true);
	await trainWorker(page).evaluate(hide);
	await page.evaluate(hide);

	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await waitForEpoch(page, 2);
	// Plain click events while the page has no frames: Playwright's own click waited forever on Stop here.
	await page.getByRole('button', { name: 'Pause' }).dispatchEvent('click');
	// Settings stay editable during a run: they go into the next queued run.
	await page.getByLabel('Epochs', { exact: true }).fill('10');
	await page.getByLabel('Epochs', { exact: true }).press('Tab');
	await page.getByRole('button', { name: 'Queue another run' }).click();
	const queue = page.getByRole('list', { name: 'Queued runs' });
	await expect(queue.getByRole('listitem')).toHaveCount(1);
	await expect(queue).toContainText('10 epochs');
	await page.getByRole('button', { name: 'Resume' }).dispatchEvent('click');
	await expect(page.getByRole('list', { name: 'Runs' }).getByRole('button')).toHaveCount(2, {
		timeout: 120_000
	});
	await expect(queue).toBeHidden();
	expect(await page.evaluate(() => document.visibilityState)).toBe('hidden');
});
