// The guided path agrees with itself (issue 12): Prepare starts from the default recipe with a reason per
// step, can go back to it, a quality fix adds to it, the data set follows the person from stage to stage
// (in the URL, so a reload keeps it), and an imported table gets a proposed target, never k-means by
// default.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

async function openPenguins(page: Page): Promise<string> {
	await page.goto('/');
	await page.getByRole('button', { name: 'Open Palmer penguins' }).click();
	await page.waitForURL(/\/data\?id=/);
	return new URL(page.url()).searchParams.get('id')!;
}

const steps = (page: Page) => page.getByRole('list', { name: 'Recipe steps' }).locator(':scope > li');
const nav = (page: Page) => page.getByRole('navigation', { name: 'Experiment stages' });

test('Prepare opens with the default recipe and its reasons, resets to it, and a fix adds to it', async ({
	page
}) => {
	test.setTimeout(120_000);
	const id = await openPenguins(page);
	await nav(page)
		.getByRole('link', { name: /Prepare/ })
		.click();
	await expect(page).toHaveURL(new RegExp(`/prepare\\?id=${id}`));

	// The default recipe, every step with its reason; the summary strip says what Train will use.
	await expect(steps(page).first()).toBeVisible();
	const count = await steps(page).count();
	expect(count).toBeGreaterThanOrEqual(3);
	await expect(page.getByTestId('step-reason')).toHaveCount(count);
	await expect(steps(page).filter({ hasText: 'Scale numbers' }).getByTestId('step-reason')).toContainText(
		'no column dominates by its units'
	);
	const summary = page.getByTestId('experiment-summary');
	await expect(summary.getByTestId('summary-target')).toHaveText('Species');
	await expect(summary.getByTestId('summary-split')).toHaveText(
		'stratified by Species · 70 / 15 / 15 % · seed 42'
	);
	await expect(summary.getByTestId('summary-recipe')).toContainText(`${count} steps`);
	await expect(page.getByTestId('target-note')).toContainText("The sample's description names Species");

	// Edited, then back to the default (and undo brings the edit back).
	await page.getByRole('button', { name: 'Remove step 1' }).click();
	await expect(steps(page)).toHaveCount(count - 1);
	await page.getByRole('button', { name: 'Reset to default' }).click();
	await expect(steps(page)).toHaveCount(count);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(steps(page)).toHaveCount(count - 1);
	await page.getByRole('button', { name: 'Reset to default' }).click();
	await expect(steps(page)).toHaveCount(count);

	// Without the step that fills numbers, the quality report offers it again; a fix the recipe already
	// does (filling Sex) is said to be there. The fix goes at the end of the recipe, which keeps its steps.
	await expect(steps(page).first()).toContainText('Fill missing Beak Length');
	await page.getByRole('button', { name: 'Remove step 1' }).click();
	await nav(page).getByRole('link', { name: /Data/ }).click();
	await expect(page).toHaveURL(new RegExp(`/data\\?id=${id}`));
	await page.getByRole('tab', { name: 'Profile & quality' }).click();
	const sex = page.locator('[data-kind="missing-heavy"]').filter({ hasText: 'Sex is missing' });
	await expect(sex).toContainText('Already in the recipe');
	const finding = page
		.locator('[data-kind="missing-heavy"]')
		.filter({ hasText: 'Beak Length (mm) is missing' });
	await finding.getByRole('button', { name: 'Add to recipe' }).click();
	await expect(finding.getByRole('status')).toContainText('Added to the recipe');
	await expect(page.getByTestId('summary-recipe')).toContainText(`${count} steps`);
	await finding.getByRole('link', { name: 'open Prepare' }).click();
	await expect(steps(page)).toHaveCount(count);
	await expect(steps(page).last().getByTestId('step-reason')).toContainText('From the quality report');
});

test('the data set follows the person across the stages and survives a reload', async ({ page }) => {
	test.setTimeout(120_000);
	const id = await openPenguins(page);
	for (const stage of ['Prepare', 'Train', 'Evaluate', 'Data']) {
		const link = nav(page).getByRole('link', { name: new RegExp(stage) });
		await expect(link).toHaveAttribute('href', new RegExp(`\\?id=${id}$`));
		await link.click();
		await expect(page).toHaveURL(new RegExp(`/${stage.toLowerCase()}\\?id=${id}`));
		await expect(page.getByRole('heading', { name: 'Choose a data set' })).toHaveCount(0);
	}
	await nav(page)
		.getByRole('link', { name: /Prepare/ })
		.click();
	await expect(steps(page).first()).toBeVisible();
	await page.reload();
	await expect(page).toHaveURL(new RegExp(`/prepare\\?id=${id}`));
	await expect(steps(page).first()).toBeVisible();
	await expect(page.getByTestId('summary-target')).toHaveText('Species');
	// A page about no one data set (Models) still hands the last one on.
	await nav(page)
		.getByRole('link', { name: /Models/ })
		.click();
	await expect(nav(page).getByRole('link', { name: /Train/ })).toHaveAttribute(
		'href',
		new RegExp(`\\?id=${id}$`)
	);
});

test('an imported table gets a proposed target; clustering is a choice, said plainly', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/data');
	const csv = [
		'width,height,kind,weight',
		...Array.from({ length: 40 }, (_, i) => `${i % 7},${i % 5},${i % 3 === 0 ? 'a' : 'b'},${i * 1.5}`)
	].join('\n');
	await page
		.getByLabel('Choose a file…')
		.setInputFiles({ name: 'shapes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await page.waitForURL(/\/data\?id=/);
	const id = new URL(page.url()).searchParams.get('id')!;
	await nav(page)
		.getByRole('link', { name: /Prepare/ })
		.click();
	await expect(page).toHaveURL(new RegExp(`/prepare\\?id=${id}`));

	// No column is named like a target: the last one is proposed, and no default step touches it.
	const target = page.getByLabel('Target (what a model predicts)');
	await expect(target).toHaveValue('weight');
	await expect(page.getByTestId('target-note')).toContainText('weight is the last column');
	await expect(page.getByTestId('summary-split')).toHaveText('random · 70 / 15 / 15 % · seed 42');

	// Clustering only when chosen, and the page says what it means.
	await target.selectOption({ label: 'No target: find clusters (k-means)' });
	await expect(page.getByTestId('summary-target')).toHaveText('none: clustering (k-means)');
	await expect(page.getByTestId('target-note')).toContainText('Train will look for groups of similar rows');
	await page.getByRole('button', { name: 'Predict weight instead' }).click();
	await expect(page.getByTestId('summary-target')).toHaveText('weight');

	// A class target stratifies the split, and the rebuilt default recipe leaves it alone.
	await target.selectOption('kind');
	await expect(page.getByTestId('summary-split')).toHaveText('stratified by kind · 70 / 15 / 15 % · seed 42');
	await expect(steps(page).filter({ hasText: /kind/ })).toHaveCount(0);
});

test('a table with a column named like a target gets that one', async ({ page }) => {
	await page.goto('/data');
	const csv = [
		'label,a,b',
		...Array.from({ length: 30 }, (_, i) => `${i % 2 ? 'yes' : 'no'},${i},${i % 4}`)
	].join('\n');
	await page
		.getByLabel('Choose a file…')
		.setInputFiles({ name: 'named.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await page.waitForURL(/\/data\?id=/);
	await expect(page.getByTestId('summary-target')).toHaveText('label');
	await nav(page)
		.getByRole('link', { name: /Prepare/ })
		.click();
	await expect(page.getByTestId('target-note')).toContainText('label is named like a target column');
});

test('the class-imbalance finding appears once the target is set on Prepare', async ({ page }) => {
	test.setTimeout(90_000);
	await page.goto('/data');
	// 40 rows: grade is "rare" in 3 of them; the last column, a number, is the proposed target.
	const rows = Array.from(
		{ length: 40 },
		(_, i) => `${i % 9},${i % 10 < 1 && i < 30 ? 'rare' : 'common'},${i * 0.5}`
	);
	const csv = ['x,grade,score', ...rows].join('\n');
	await page
		.getByLabel('Choose a file…')
		.setInputFiles({ name: 'grades.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await page.waitForURL(/\/data\?id=/);
	await page.getByRole('tab', { name: 'Profile & quality' }).click();
	await expect(page.getByLabel('Target (what a model will predict)')).toHaveValue('score');
	await expect(page.getByRole('heading', { name: 'Quality report' })).toBeVisible();
	await expect(page.locator('[data-kind="class-imbalance"]')).toHaveCount(0);

	await nav(page)
		.getByRole('link', { name: /Prepare/ })
		.click();
	await page.getByLabel('Target (what a model predicts)').selectOption('grade');
	await expect(page.getByTestId('summary-target')).toHaveText('grade');
	await nav(page).getByRole('link', { name: /Data/ }).click();
	await page.getByRole('tab', { name: 'Profile & quality' }).click();
	await expect(page.getByLabel('Target (what a model will predict)')).toHaveValue('grade');
	await expect(page.locator('[data-kind="class-imbalance"]')).toContainText(
		'The smallest class of grade, rare'
	);
});
