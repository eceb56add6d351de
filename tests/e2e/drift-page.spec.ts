// The drift page in Chromium: a penguin classifier trained on the Torgersen and Dream islands, compared
// with the Biscoe penguins (a real shift: mostly Gentoo, heavier, longer flippers) and with its own data.
import { expect, test } from './fixtures.ts';
import { importFile } from './import-file.ts';
import { checkBiscoeDrift, penguinIslandsCsv as csv } from './penguin-islands.ts';
import { targetSelect } from './target-select.ts';
import { shotWidths } from './shots.ts';

test('drifted penguin columns are flagged with reasons and charts, the training data is not', async ({
	page
}) => {
	test.setTimeout(180_000);
	const home = await importFile(
		page,
		csv('torgersen-dream.csv', (island) => island !== 'Biscoe')
	);
	await page.goto(`/train?id=${encodeURIComponent(home)}`);
	await expect(page.getByTestId('task-reason')).not.toContainText('Reading');
	await targetSelect(page).selectOption('Species');
	await page.locator('summary', { hasText: 'Training settings' }).click();
	await page.getByLabel('Epochs', { exact: true }).fill('20');
	await page.getByLabel('Epochs', { exact: true }).press('Tab');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(page.getByRole('list', { name: 'Runs' }).getByRole('button')).toHaveCount(1, {
		timeout: 90_000
	});
	await importFile(
		page,
		csv('biscoe.csv', (island) => island === 'Biscoe')
	);

	await page.goto('/models/drift');
	// The train worker recorded the run's training profile: nothing is drawn again from the data set.
	const island = await checkBiscoeDrift(page);
	await expect(island.locator('svg').first()).toBeVisible();
	await expect(page.getByRole('article', { name: /^predicted Species: / })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Continue training on this data' })).toHaveAttribute(
		'href',
		/\/train\?id=/
	);
	await shotWidths(page, 'drift', { height: 1400, fullPage: false });

	await page.getByRole('combobox', { name: /^New data/ }).selectOption({ label: 'torgersen-dream' });
	await page.getByRole('button', { name: 'Check for drift' }).click();
	await expect(page.getByRole('heading', { name: 'No column drifted' })).toBeVisible({ timeout: 60_000 });
});
