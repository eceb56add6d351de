// Issue 12 in Chromium: a run no better than guessing says so loudly on the Train page's run card, in the
// run list and on Evaluate, with the causes checked and what to try; a diverging run gets its advice. (The
// model menu's "Find a good model", which replaced "Try both", is tested in tuning.spec.ts.) With SHOTS_DIR
// set, screenshots at 1280 and 390 px.
import { expect, test } from './fixtures.ts';
import { importCsv } from './import-file.ts';
import { targetSelect } from './target-select.ts';
import { shotWidths } from './shots.ts';

/** Three noise features and a label drawn independently of them (60 % "no"): nothing to learn. */
function noiseCsv(rows: number): string {
	let state = 2024;
	const random = () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
	const lines = ['a,b,c,label'];
	for (let i = 0; i < rows; i++)
		lines.push(
			`${random().toFixed(3)},${random().toFixed(3)},${random().toFixed(3)},${random() < 0.6 ? 'no' : 'yes'}`
		);
	return lines.join('\n') + '\n';
}

test('a run on a label with no signal is called no better than guessing on Train and Evaluate', async ({
	page
}) => {
	test.setTimeout(180_000);
	const id = await importCsv(page, 'noise.csv', noiseCsv(400));
	await page.goto(`/train?id=${encodeURIComponent(id)}`);
	await expect(targetSelect(page)).toHaveValue('label');
	await expect(page.getByTestId('task-reason')).toContainText('classification');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	const runs = page.getByRole('list', { name: 'Runs' });
	await expect(runs.getByRole('button')).toHaveCount(1, { timeout: 120_000 });

	// The run list, then the run card: the headline, the causes checked and what to try.
	await expect(runs).toContainText('No better than guessing');
	const card = page.getByTestId('run-warnings').getByRole('alert').first();
	await expect(card).toContainText('No better than guessing');
	await expect(card).toContainText('What to try');
	await shotWidths(page, 'warning-train');

	await page.goto(`/evaluate?id=${encodeURIComponent(id)}`);
	await expect(page.getByLabel('Run').locator('option').first()).toContainText('no better than guessing');
	await expect(page.getByTestId('run-warnings').getByRole('alert').first()).toContainText(
		'No better than guessing'
	);
	await shotWidths(page, 'warning-evaluate');
});

test('a diverging run gets its advice on the run card', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/');
	await page.getByRole('button', { name: 'Open Diabetes progression' }).click();
	await page.waitForURL(/\/data\?id=/);
	const id = new URL(page.url()).searchParams.get('id')!;
	await page.goto(`/train?id=${encodeURIComponent(id)}`);
	await expect(page.getByTestId('task-reason')).toContainText('regression');
	await page.locator('summary', { hasText: 'Training settings' }).click();
	await page.getByLabel('Optimizer', { exact: true }).selectOption('sgd');
	await page.getByLabel('Learning rate', { exact: true }).fill('1000000');
	await page.getByLabel('Learning rate', { exact: true }).press('Tab');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(page.getByRole('list', { name: 'Runs' })).toContainText('diverged', { timeout: 60_000 });
	const advice = page.getByTestId('run-warnings').getByRole('alert').first();
	await expect(advice).toContainText('What to try');
	await expect(advice).toContainText(/learning rate/i);
	await shotWidths(page, 'diverged-train');
});
