// The teaching views of issue 17: the live decision boundary on a generated moons set, the what-if form
// on the Evaluate page, and the presentation mode stepped with the arrow keys. Screenshots at 1280 and
// 390 px go to SHOTS_DIR when it is set (the author looks at them; the test does not need them).
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { shot } from './shots.ts';

/** Screenshots at 1280 and 390 px; returns how wide the page is at 390 px (wider means it scrolls sideways). */
async function shoot(page: Page, name: string): Promise<number> {
	let narrow = 0;
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		await page.waitForTimeout(200);
		if (width === 390) narrow = await page.evaluate(() => document.documentElement.scrollWidth);
		await shot(page, `${name}-${width}`);
	}
	await page.setViewportSize({ width: 1280, height: 900 });
	return narrow;
}

/** Generates a seeded moons set on the Data page and returns its version id. */
async function generateMoons(page: Page): Promise<string> {
	await page.goto('/data');
	await page.getByRole('tab', { name: 'Generate' }).click();
	await page.getByLabel('Generator').selectOption('moons');
	await page.getByLabel('Seed').fill('7');
	await page.getByRole('button', { name: 'Generate data set' }).click();
	await expect(page.getByRole('heading', { level: 2, name: /^Moons \(.*seed 7\)$/ })).toBeVisible();
	await page.waitForURL(/\/data\?id=/);
	return new URL(page.url()).searchParams.get('id')!;
}

/**
 * Records every frame the boundary shows, in the page, from before training starts: a MutationObserver on
 * its data-signature, noting whether the run was still training when the frame landed. No timing involved.
 */
async function watchBoundary(page: Page): Promise<void> {
	await page.evaluate(() => {
		const seen: { signature: string; epoch: string; training: boolean }[] = [];
		(window as unknown as { boundaryFrames: typeof seen }).boundaryFrames = seen;
		const note = (el: Element) => {
			const signature = el.getAttribute('data-signature') ?? '';
			if (signature && seen.at(-1)?.signature !== signature)
				seen.push({
					signature,
					epoch: el.getAttribute('data-epoch') ?? '',
					training: document.getElementById('running-heading') !== null
				});
		};
		new MutationObserver((records) => {
			for (const record of records) {
				const target = record.target as Element;
				if (target.nodeType === 1 && target.matches?.('[data-testid="decision-boundary"]')) note(target);
				for (const node of record.addedNodes)
					if (node.nodeType === 1)
						(node as Element)
							.querySelectorAll?.('[data-testid="decision-boundary"]')
							.forEach((el) => note(el));
			}
		}).observe(document.body, {
			subtree: true,
			childList: true,
			attributes: true,
			attributeFilter: ['data-signature']
		});
	});
}

async function boundaryFrames(page: Page) {
	return page.evaluate(
		() =>
			(window as unknown as { boundaryFrames: { signature: string; epoch: string; training: boolean }[] })
				.boundaryFrames
	);
}

test('moons: the decision boundary is redrawn while the model trains, train and test points apart', async ({
	page
}) => {
	test.setTimeout(120_000);
	const id = await generateMoons(page);
	await page.goto(`/train?id=${encodeURIComponent(id)}`);
	await expect(page.getByTestId('task-reason')).not.toContainText('Reading');
	await watchBoundary(page);
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	const boundary = page.getByTestId('decision-boundary');
	await expect(boundary).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Runs' })).toBeVisible();
	// The run ends: the progress card goes, the last picture stays.
	await expect(page.locator('#running-heading')).toHaveCount(0, { timeout: 90_000 });
	const frames = await boundaryFrames(page);
	const during = frames.filter((f) => f.training);
	// At least two different pictures while training, from different epochs.
	expect(new Set(during.map((f) => f.signature)).size).toBeGreaterThanOrEqual(2);
	expect(new Set(during.map((f) => f.epoch)).size).toBeGreaterThanOrEqual(2);
	expect(Number(await boundary.getAttribute('data-frames'))).toBeGreaterThanOrEqual(3);
	await expect(boundary).toContainText('training rows');
	await expect(boundary).toContainText('test rows');
	await expect(boundary.getByRole('img')).toHaveAttribute(
		'aria-label',
		/points: \d+ train, (\d+ validation, )?\d+ test/
	);
	await shoot(page, 'train-boundary');
});

test('regression: a two-feature linear set draws its predicted value over the plane while it trains', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.goto('/data');
	await page.getByRole('tab', { name: 'Generate' }).click();
	await page.getByLabel('Generator').selectOption('linear');
	await page.getByLabel('Features', { exact: true }).fill('2');
	await page.getByLabel('Informative features').fill('2');
	await page.getByRole('button', { name: 'Generate data set' }).click();
	await expect(page.getByRole('heading', { level: 2, name: /^Linear regression \(/ })).toBeVisible();
	await page.waitForURL(/\/data\?id=/);
	const id = new URL(page.url()).searchParams.get('id')!;
	await page.goto(`/train?id=${encodeURIComponent(id)}`);
	await expect(page.getByTestId('task-reason')).not.toContainText('Reading');
	await watchBoundary(page);
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	const boundary = page.getByTestId('decision-boundary');
	await expect(boundary).toBeVisible();
	await expect(page.locator('#running-heading')).toHaveCount(0, { timeout: 90_000 });
	const during = (await boundaryFrames(page)).filter((f) => f.training);
	expect(new Set(during.map((f) => f.signature)).size).toBeGreaterThanOrEqual(2);
	await expect(boundary.getByRole('img')).toHaveAttribute('aria-label', /predicted value over x\d and x\d/);
	await expect(boundary).toContainText('(low)');
	await expect(boundary).toContainText('(high)');
	await shoot(page, 'train-boundary-regression');
});

/** Trains the default model on the Train page of a version and waits for the run to be stored. */
async function trainOnce(page: Page, id: string): Promise<void> {
	await page.goto(`/train?id=${encodeURIComponent(id)}`);
	await expect(page.getByTestId('task-reason')).not.toContainText('Reading');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(page.locator('#running-heading')).toHaveCount(1);
	await expect(page.locator('#running-heading')).toHaveCount(0, { timeout: 90_000 });
}

test('what-if: the moons model predicts a typed row, and moving it across the moons changes the class', async ({
	page
}) => {
	test.setTimeout(150_000);
	const id = await generateMoons(page);
	await trainOnce(page, id);
	await page.goto(`/evaluate?id=${encodeURIComponent(id)}`);
	const whatIf = page.getByTestId('what-if');
	await expect(whatIf).toBeVisible({ timeout: 60_000 });
	const x1 = whatIf.getByLabel('x1');
	const x2 = whatIf.getByLabel('x2');
	const prediction = whatIf.getByTestId('what-if-prediction');
	// Left end of the upper moon: class_0.
	await x1.fill('-1');
	await x2.fill('0.2');
	await expect(prediction).toHaveText('class_0');
	await expect(whatIf.getByRole('list', { name: 'Probability of each class' })).toContainText('class_1');
	const neighbours = whatIf.getByRole('table');
	await expect(neighbours.locator('tbody tr')).toHaveCount(5);
	const before = await neighbours.locator('tbody').innerText();
	expect(await shoot(page, 'what-if')).toBeLessThanOrEqual(390);
	// Right end of the lower moon: class_1, and other neighbours.
	await x1.fill('2');
	await x2.fill('0.3');
	await expect(prediction).toHaveText('class_1');
	await expect(neighbours.locator('tbody')).not.toHaveText(before);
	// A value that is not a number is named, not predicted.
	await x1.fill('abc');
	await expect(whatIf.getByRole('alert')).toContainText('x1: “abc” is not a number');
});

test('presentation mode: steps with the arrow keys, runs live with the boundary, and opens the studio', async ({
	page
}) => {
	test.setTimeout(150_000);
	const id = await generateMoons(page);
	await page.goto(`/train?id=${encodeURIComponent(id)}`);
	await page.getByRole('link', { name: 'Present' }).click();
	await page.waitForURL(/\/present\?id=/);
	const present = page.getByTestId('present');
	const heading = page.locator('#slide-heading');
	await expect(heading).toContainText('The data');
	await expect(present).toContainText('500 rows, 3 columns');
	await expect(present.getByRole('table')).toContainText('x1');
	expect(await shoot(page, 'present-data')).toBeLessThanOrEqual(390);

	await page.keyboard.press('ArrowRight');
	await expect(heading).toContainText('The recipe');
	await expect(present).toHaveAttribute('data-step', 'recipe');
	await expect(page).toHaveURL(/step=recipe/);
	await expect(present.getByRole('list', { name: 'Recipe steps' })).toContainText(/Scale/i);
	await page.keyboard.press('ArrowRight');
	await expect(heading).toContainText('The model');
	await expect(present.getByRole('list', { name: 'Layers' })).toContainText('2 features in');
	await expect(present.getByRole('list', { name: 'Layers' })).toContainText('softmax');
	await page.keyboard.press('ArrowLeft');
	await expect(heading).toContainText('The recipe');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect(heading).toContainText('Training');
	// Read-only: no editing controls anywhere in the presentation.
	await expect(present.locator('input, select, textarea')).toHaveCount(0);

	await watchBoundary(page);
	await present.getByRole('button', { name: 'Run' }).click();
	const boundary = present.getByTestId('decision-boundary');
	await expect(boundary).toBeVisible();
	await expect(present.getByRole('button', { name: 'Run' })).toBeEnabled({ timeout: 90_000 });
	const frames = await boundaryFrames(page);
	expect(new Set(frames.map((f) => f.signature)).size).toBeGreaterThanOrEqual(2);
	expect(await shoot(page, 'present-training')).toBeLessThanOrEqual(390);

	await page.keyboard.press('ArrowRight');
	await expect(heading).toContainText('Evaluation');
	await expect(present.getByRole('list', { name: 'Test figures' })).toContainText('Accuracy');
	await expect(present.getByTestId('what-if-prediction')).not.toBeEmpty({ timeout: 60_000 });
	// The form stays loaded and answers (the only inputs here: they ask the model, they edit nothing).
	await present.getByLabel('x1').fill('2');
	await present.getByLabel('x2').fill('0.3');
	await expect(present.getByTestId('what-if-prediction')).toHaveText('class_1');
	// The last step stays the last.
	await page.keyboard.press('ArrowRight');
	await expect(heading).toContainText('Evaluation');
	expect(await shoot(page, 'present-evaluation')).toBeLessThanOrEqual(390);

	await present.getByRole('link', { name: 'Open in the studio' }).click();
	await page.waitForURL(/\/train\?id=/);
	await expect(page.getByRole('heading', { name: 'Runs' })).toBeVisible();
});

test('a share link with view=present opens, once confirmed, as a presentation of the shared moons run', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(150_000);
	const id = await generateMoons(page);
	await trainOnce(page, id);
	await page.getByRole('region', { name: /MLP/ }).getByRole('button', { name: 'Share' }).click();
	const dialog = page.getByRole('dialog', { name: 'Share this experiment' });
	const weights = dialog.getByRole('checkbox', { name: /With the trained weights/ });
	await weights.check();
	const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
	expect(link).toMatch(/#share=bt1\./);

	const other = await freshPage(browser, baseURL);
	await other.goto(`${link.replace(/^https?:\/\/[^/]+/, '')}&view=present`);
	await other.getByRole('button', { name: 'Open in my workspace' }).click();
	await other.waitForURL(/\/present\?id=/);
	const present = other.getByTestId('present');
	await expect(other.locator('#slide-heading')).toContainText('The data');
	await expect(present).toContainText('500 rows, 3 columns');
	await other.keyboard.press('ArrowRight');
	await other.keyboard.press('ArrowRight');
	await other.keyboard.press('ArrowRight');
	await other.keyboard.press('ArrowRight');
	await expect(other.locator('#slide-heading')).toContainText('Evaluation');
	// The shared weights: the run is there at once, no training in this browser.
	await expect(present.getByRole('list', { name: 'Test figures' })).toContainText('Accuracy');
	await expect(present.getByTestId('what-if-prediction')).not.toBeEmpty({ timeout: 60_000 });
	await other.context().close();
});

async function freshPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
	const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
	return context.newPage();
}
