// The live decision boundary on two columns the person chose from a real table (issue 17), not only on
// the generated two-feature sets: iris with a "Drop columns" step that keeps petal_length and
// petal_width. Train draws the plane over those two columns and redraws it while the model trains.
import { expect, test } from './fixtures.ts';
import { openTrain } from './open-train.ts';
import { shot } from './shots.ts';

test('iris cut to two chosen columns: the boundary is drawn over them and redrawn while training', async ({
	page
}) => {
	test.setTimeout(180_000);
	const id = await openTrain(page, 'Iris flowers');

	await page.goto(`/prepare?id=${encodeURIComponent(id)}`);
	const steps = page.getByRole('list', { name: 'Recipe steps' }).locator(':scope > li');
	await expect(steps.first()).toBeVisible();
	const count = await steps.count();
	await page.getByLabel('Add a step').selectOption({ label: 'Drop columns' });
	await page.getByRole('button', { name: 'Add step' }).click();
	await page.getByRole('button', { name: `Edit step ${count + 1}` }).click();
	await steps.nth(count).getByLabel('sepal_length').check();
	await steps.nth(count).getByLabel('sepal_width').check();
	await expect(steps.nth(count)).toContainText('sepal_length');

	await page.goto(`/train?id=${encodeURIComponent(id)}`);
	await expect(page.getByTestId('task-reason')).toContainText('classification');
	// Every frame the boundary shows while the run is going, noted in the page as it lands.
	await page.evaluate(() => {
		const seen: string[] = [];
		(window as unknown as { frames_: string[] }).frames_ = seen;
		new MutationObserver(() => {
			const el = document.querySelector('[data-testid="decision-boundary"]');
			const signature = el?.getAttribute('data-signature');
			if (signature && document.getElementById('running-heading') && seen.at(-1) !== signature)
				seen.push(signature);
		}).observe(document.body, { subtree: true, childList: true, attributes: true });
	});
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	const boundary = page.getByTestId('decision-boundary');
	await expect(boundary).toBeVisible({ timeout: 60_000 });
	await expect(page.locator('#running-heading')).toHaveCount(0, { timeout: 120_000 });
	await expect(boundary.getByRole('img')).toHaveAttribute(
		'aria-label',
		/petal_length and petal_width|petal_width and petal_length/
	);
	const frames = await page.evaluate(() => (window as unknown as { frames_: string[] }).frames_);
	expect(new Set(frames).size).toBeGreaterThanOrEqual(2);
	await shot(page, 'boundary-iris-two-columns-1280');
});
