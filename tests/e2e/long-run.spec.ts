// A long run without early stopping: the page keeps up with the worker. The live loss curve draws at most
// two points per pixel column however many epochs there are (it redrew every epoch's point on every epoch,
// so 20,000 iris epochs left the page minutes behind a worker that had finished).
import { expect, test } from './fixtures.ts';
import { openTrain } from './open-train.ts';

test('20,000 iris epochs train to metrics, the live curve thinned to the chart’s width', async ({ page }) => {
	test.setTimeout(180_000);
	await openTrain(page, 'Iris flowers');
	await page.locator('summary', { hasText: 'Training settings' }).click();
	await page.getByLabel('Epochs', { exact: true }).fill('20000');
	await page.getByLabel('Epochs', { exact: true }).press('Tab');
	await page.getByLabel('Stop when the watched value stops improving').uncheck();
	const started = Date.now();
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	const curve = page.getByRole('img', { name: 'Loss by epoch' }).first().locator('polyline.train');
	await expect
		.poll(async () => Number((await page.getByTestId('live-epoch').innerText()).match(/\d+/)?.[0] ?? 0), {
			timeout: 60_000
		})
		.toBeGreaterThanOrEqual(3000);
	const points = ((await curve.getAttribute('points')) ?? '').split(' ').length;
	// 600 px wide, 4 px padding: at most 2 × 592 points.
	expect(points).toBeLessThanOrEqual(1184);
	await expect(page.getByRole('list', { name: 'Runs' }).getByRole('button')).toHaveCount(1, {
		timeout: 150_000
	});
	await expect(page.getByRole('list', { name: 'Runs' })).toContainText(/accuracy \d\.\d+/);
	console.log(
		`20,000 iris epochs: Train → run listed ${((Date.now() - started) / 1000).toFixed(1)} s, live curve ${points} points`
	);
});
