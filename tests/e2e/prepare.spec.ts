// The Prepare stage end to end: a quality fix added in one click (after the default recipe), steps added, edited, reordered, turned
// off, undone and redone, a seeded split with its class balance, bad steps that say what is wrong at the
// step, the recipe as a file out and in, a reload that keeps everything, and a new version saved.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

async function openPenguins(page: Page): Promise<string> {
	await page.goto('/');
	await page.getByRole('button', { name: 'Open Palmer penguins' }).click();
	await page.waitForURL(/\/data\?id=/);
	return new URL(page.url()).searchParams.get('id')!;
}

async function addStep(page: Page, label: string) {
	await page.getByLabel('Add a step').selectOption({ label });
	await page.getByRole('button', { name: 'Add step' }).click();
}

const steps = (page: Page) => page.getByRole('list', { name: 'Recipe steps' }).locator(':scope > li');

test('a recipe is built, previewed on the training split, kept, and saved as a new version', async ({
	page
}) => {
	// A long journey through the whole stage: give a loaded CI machine time for it.
	test.setTimeout(180_000);
	const id = await openPenguins(page);

	// Prepare starts from the default recipe; this journey builds its own, so the default steps go.
	await page
		.getByRole('navigation', { name: 'Experiment stages' })
		.getByRole('link', { name: /Prepare/ })
		.click();
	await expect(page).toHaveURL(new RegExp(`/prepare\\?id=${id}`));
	await expect(steps(page).first()).toBeVisible();
	const defaults = await steps(page).count();
	for (let i = 0; i < defaults; i++) await page.getByRole('button', { name: 'Remove step 1' }).click();
	await expect(page.getByText('No steps: the data goes to the model as it is')).toBeVisible();

	// One click from the quality report puts its fix into the data set's recipe.
	await page
		.getByRole('navigation', { name: 'Experiment stages' })
		.getByRole('link', { name: /Data/ })
		.click();
	await page.getByRole('tab', { name: 'Profile & quality' }).click();
	const finding = page.locator('[data-kind="missing-heavy"]').first();
	await finding.getByRole('button', { name: 'Add to recipe' }).click();
	await expect(finding.getByRole('status')).toContainText('Added to the recipe');
	await finding.getByRole('link', { name: 'open Prepare' }).click();
	await expect(page).toHaveURL(new RegExp(`/prepare\\?id=${id}`));

	// A class target gets a stratified, seeded split, with counts and a class balance chart.
	await expect(page.getByLabel('Target (what a model predicts)')).toHaveValue('Species');
	await expect(page.getByLabel('Split method')).toHaveValue('stratified');
	await expect(page.getByTestId('split-counts')).toContainText('Train 240 · Validation 52 · Test 52');
	await expect(
		page.getByRole('img', { name: /Class balance/ }).or(page.locator('.vega-embed svg'))
	).toBeVisible();
	await expect(steps(page)).toHaveCount(1);
	await expect(steps(page).first()).toContainText('Fill missing');
	await expect(steps(page).first()).toContainText('1 changed');

	// Add a scaler and look at what it does on the training rows.
	await addStep(page, 'Scale numbers');
	await expect(steps(page)).toHaveCount(2);
	await expect(steps(page).nth(1)).toContainText('4 changed');
	const preview = page.getByRole('region', { name: 'Step 2 on the training split' });
	await expect(preview).toContainText('Rows: 240 → 240');
	await expect(preview.getByRole('table', { name: 'After' })).toContainText('Body Mass (g)');

	// Edit it: min-max scaling puts every value in [0, 1].
	await page.getByRole('button', { name: 'Edit step 2' }).click();
	await steps(page).nth(1).getByLabel('Method').selectOption('min-max');
	await expect(steps(page).nth(1)).toContainText('(min-max)');
	const after = preview.getByRole('table', { name: 'After' });
	const mass = after.getByRole('row', { name: /Body Mass/ }).getByRole('cell');
	await expect(mass.nth(5)).toHaveText('0'); // min
	await expect(mass.nth(6)).toHaveText('1'); // max

	// Reorder, turn off, undo and redo.
	await page.getByRole('button', { name: 'Move step 2 up' }).click();
	await expect(steps(page).first()).toContainText('Scale numbers');
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(steps(page).first()).toContainText('Fill missing');
	await page.getByRole('button', { name: 'Redo' }).click();
	await expect(steps(page).first()).toContainText('Scale numbers');
	await page.getByRole('button', { name: 'Undo' }).click();
	await steps(page).nth(1).getByLabel('Step 2 on').uncheck();
	await expect(steps(page).nth(1)).toContainText('Off: skipped');
	await steps(page).nth(1).getByLabel('Step 2 on').check();

	// A step that names a column an earlier step removed says so at the step; the recipe stays editable.
	await addStep(page, 'Drop columns');
	await page.getByRole('button', { name: 'Edit step 3' }).click();
	await steps(page).nth(2).getByLabel('Body Mass (g)').check();
	await page.getByRole('button', { name: 'Move step 3 up' }).click();
	await page.getByRole('button', { name: 'Move step 2 up' }).click();
	// Now: drop Body Mass, impute, scale (Body Mass among its columns).
	await expect(steps(page).nth(2)).toHaveClass(/failed/);
	await expect(steps(page).nth(2).getByRole('alert')).toContainText(
		'Step 3 (Scale numbers): Column “Body Mass (g)” is not in the table at this step'
	);
	await expect(page.getByRole('button', { name: 'Save as new version' })).toBeDisabled();
	await page.getByRole('button', { name: 'Remove step 1' }).click();
	await expect(page.locator('li.failed')).toHaveCount(0);
	await addStep(page, 'Encode categories');
	await expect(steps(page).nth(2)).toContainText('One-hot encode Island, Sex');

	// A formula over a column that is not there, and a filter that keeps no rows.
	await addStep(page, 'Add a computed column');
	await page.getByRole('button', { name: 'Edit step 4' }).click();
	await steps(page).nth(3).getByLabel('Formula').fill('`Beak Length (mm)` / Wingspan');
	await steps(page).nth(3).getByLabel('Formula').press('Tab');
	await expect(steps(page).nth(3).getByRole('alert')).toContainText('Wingspan');
	await page.getByRole('button', { name: 'Remove step 4' }).click();
	await addStep(page, 'Filter rows');
	await page.getByRole('button', { name: 'Edit step 4' }).click();
	const filter = steps(page).nth(3);
	await filter.getByLabel('Comparison of condition 1').selectOption('is-missing');
	await expect(filter.getByRole('alert')).toContainText('No rows are left after this step');
	await filter.getByLabel('Comparison of condition 1').selectOption('is-present');
	await expect(page.locator('li.failed')).toHaveCount(0);

	// The recipe as a file: downloaded, and a broken file refused with a message.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download recipe' }).click()
	]);
	const saved = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
		version: number;
		steps: { op: string }[];
	};
	expect(saved.version).toBe(1);
	expect(saved.steps.map((s) => s.op)).toEqual(['impute', 'scale', 'encode', 'filter']);
	await page.getByLabel('Recipe file').setInputFiles({
		name: 'bad.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify({ version: 1, steps: [{ op: 'eval', params: {} }] }))
	});
	await expect(page.locator('[data-code="bad-input"]')).toContainText('“eval” is not a recipe step');
	await expect(steps(page)).toHaveCount(4);

	// Everything survives a reload.
	await page.reload();
	await expect(steps(page)).toHaveCount(4);
	await expect(steps(page).nth(2)).toContainText('Encode categories');
	await expect(steps(page).nth(1)).toContainText('(min-max)');

	// Saving runs the recipe (fitted on the training rows) over every row as a new version.
	await page.getByRole('button', { name: 'Save as new version' }).click();
	await page.waitForURL(/\/data\?id=/);
	expect(new URL(page.url()).searchParams.get('id')).not.toBe(id);
	await expect(page.getByText(/Prepared with a 4-step recipe fitted on the 240 training rows/)).toBeVisible();
	const list = page.getByRole('list', { name: 'Your data sets' });
	await expect(list.getByText('version 2')).toBeVisible();
	await expect(page.getByRole('columnheader', { name: /Island=Dream/ })).toBeVisible();
	// The new version keeps its parent's target instead of guessing one from the prepared columns.
	await expect(page.getByTestId('summary-target')).toHaveText('Species');
});

test('the Prepare page without a data set lists the ones to prepare', async ({ page }) => {
	await page.goto('/prepare');
	await expect(page.getByText('You need a data set first')).toBeVisible();
	await openPenguins(page);
	// The nav would carry the data set along; the bare address asks which one.
	await page.goto('/prepare');
	await page
		.getByRole('list', { name: 'Data sets to prepare' })
		.getByRole('link', { name: /Palmer penguins/ })
		.click();
	await expect(page.getByRole('heading', { name: 'Recipe' })).toBeVisible();
	// It opens with the default recipe, not an empty one.
	await expect(
		page.getByRole('list', { name: 'Recipe steps' }).getByTestId('step-reason').first()
	).toBeVisible();
});
