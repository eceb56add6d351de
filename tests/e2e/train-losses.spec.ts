// The Train page's losses and optimisers beyond the defaults: Huber (with its delta), AdamW (with its weight
// decay) and an L1 penalty on a hidden layer, picked in the forms, train a regression to test metrics, and
// the run's record names them.
import { expect, test } from './fixtures.ts';
import { openTrain } from './open-train.ts';
import { shotWidths } from './shots.ts';

test('Huber + AdamW + L1 picked on the Train page train diabetes to metrics', async ({ page }) => {
	test.setTimeout(150_000);
	await openTrain(page, 'Diabetes progression');
	await expect(page.getByTestId('task-reason')).toContainText('regression');
	await page.getByRole('combobox', { name: /^Model(?! family)/ }).selectOption('mlp');

	await page.locator('summary', { hasText: 'Architecture' }).click();
	const l1 = page.getByLabel('L1 of layer 1');
	await l1.fill('0.001');
	await l1.press('Tab');

	await page.locator('summary', { hasText: 'Training settings' }).click();
	// Classes train on cross-entropy; a numeric target offers the squared errors.
	const loss = page.getByLabel('Loss', { exact: true });
	await expect(loss.locator('option')).toHaveText(['Mean squared error', 'Huber']);
	await expect(page.getByLabel('Huber delta', { exact: true })).toHaveCount(0);
	await loss.selectOption('huber');
	const delta = page.getByLabel('Huber delta', { exact: true });
	await expect(delta).toHaveValue('1');
	// A delta of 0 is refused in words and the field goes back to a sound value.
	await delta.fill('0');
	await delta.press('Tab');
	await expect(page.getByText(/The Huber delta must be a number above 0/).first()).toBeVisible();
	await delta.fill('0.5');
	await delta.press('Tab');

	await page.getByLabel('Optimizer', { exact: true }).selectOption('adamw');
	const decay = page.getByLabel('Weight decay', { exact: true });
	await expect(decay).toHaveValue('0.01');
	await decay.fill('0.02');
	await decay.press('Tab');
	await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('0.01');
	await page.getByLabel('Epochs', { exact: true }).fill('40');
	await page.getByLabel('Epochs', { exact: true }).press('Tab');
	await shotWidths(page, 'train-losses-settings');

	await page.getByRole('button', { name: 'Train', exact: true }).click();
	const runs = page.getByRole('list', { name: 'Runs' });
	await expect(runs.getByRole('button')).toHaveCount(1, { timeout: 120_000 });
	const run = runs.getByRole('button').first();
	await expect(run).toContainText(/R² -?\d/, { timeout: 60_000 });
	const detail = page.getByRole('region', { name: /MLP/ });
	await expect(detail.getByRole('table', { name: 'Metrics' })).toContainText('r2');
	const r2 = Number((await run.innerText()).match(/R² (-?\d\.\d+)/)![1]);
	expect(r2, 'test R² of the Huber + AdamW + L1 run').toBeGreaterThan(0.2);
	await detail.getByText('Reproducibility record').click();
	await expect(detail).toContainText('adamw (weight decay 0.02), huber loss (delta 0.5)');
	await shotWidths(page, 'train-losses-run');
});

test("a linear model's L2 penalty, set on the Train page, solves diabetes as ridge with its α", async ({
	page
}) => {
	test.setTimeout(120_000);
	await openTrain(page, 'Diabetes progression');
	await page.getByRole('combobox', { name: /^Model(?! family)/ }).selectOption('linear');
	await page.locator('summary', { hasText: 'Architecture' }).click();
	const l2 = page.getByLabel('L2 penalty of the linear model');
	await expect(l2).toHaveValue('');
	await l2.fill('0.01');
	await l2.press('Tab');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	const runs = page.getByRole('list', { name: 'Runs' });
	await expect(runs.getByRole('button')).toHaveCount(1, { timeout: 60_000 });
	const detail = page.getByRole('region', { name: /Linear/ });
	// α = L2 × training rows × 1 output; the rows are the split's, so only the form is pinned here.
	const message = detail.getByRole('status').filter({ hasText: 'Solved exactly as ridge regression' });
	await expect(message).toContainText(/\(L2 0\.01, α = \d\.\d+\)/);
	const alpha = Number((await message.innerText()).match(/α = (\d\.\d+)/)![1]);
	expect(alpha).toBeGreaterThan(2);
	expect(alpha).toBeLessThan(4.5);
	const r2 = Number((await runs.getByRole('button').first().innerText()).match(/R² (-?\d\.\d+)/)![1]);
	expect(r2, 'test R² of ridge on diabetes').toBeGreaterThan(0.3);
	await detail.getByText('Reproducibility record').click();
	await expect(detail).toContainText('linear: no hidden layers, L2 0.01');
	await shotWidths(page, 'train-linear-l2');
});
