// Drift on a saved model version, in Chromium: a penguin classifier trained on the Torgersen and Dream
// islands is saved as a model; from its version detail the drift page opens with that version picked and
// compares the Biscoe penguins (a real shift: mostly Gentoo, heavier, longer flippers). The drifted
// columns are flagged with their reasons, the thresholds are stated, and "Continue training on this data"
// leads to /models/continue for that version and that data set.
import { expect, test } from './fixtures.ts';
import { importFile } from './import-file.ts';
import { checkBiscoeDrift, penguinIslandsCsv as csv } from './penguin-islands.ts';
import { trainAndSave } from './train-and-save.ts';
import { shotWidths } from './shots.ts';

test('a saved version against shifted data: drifted columns flagged, thresholds stated, continue links to the version', async ({
	page
}) => {
	test.setTimeout(240_000);
	const home = await importFile(
		page,
		csv('torgersen-dream.csv', (island) => island !== 'Biscoe')
	);
	await page.goto(`/train?id=${encodeURIComponent(home)}`);
	await expect(page.getByTestId('task-reason')).not.toContainText('Reading');
	const saved = await trainAndSave(page, {
		target: 'Species',
		epochs: 20,
		name: 'Penguin species',
		from: 'run list'
	});
	await expect(saved).toContainText('version 1');
	const biscoe = await importFile(
		page,
		csv('biscoe.csv', (island) => island === 'Biscoe')
	);

	// From the version's detail to the drift page, with that version picked.
	await page.goto('/models');
	await page.getByTestId('model-card').getByRole('link', { name: 'v1', exact: true }).click();
	await expect(page).toHaveURL(/[?&]version=/);
	const versionId = new URL(page.url()).searchParams.get('version')!;
	await page.getByTestId('version-detail').getByRole('link', { name: 'Check new data for drift' }).click();
	await expect(page).toHaveURL(/\/models\/drift\?model=version/);
	const model = page.getByRole('combobox', { name: /^Model/ });
	await expect(model).toHaveValue(`version:${versionId}`);
	await expect(model.locator('option:checked')).toHaveText('Penguin species v1');
	// The version's copy of its run carries the training profile: nothing is drawn again.
	await checkBiscoeDrift(page);
	await expect(page.getByRole('article', { name: /^predicted Species: / })).toBeVisible();
	// The thresholds, stated.
	await page.locator('summary', { hasText: 'Thresholds' }).click();
	await expect(page.getByText(/^drifted: PSI > 0\.2 with a test p < 0\.01/)).toBeVisible();
	await expect(page.getByText(/^moderate: PSI > 0\.1/)).toBeVisible();
	await shotWidths(page, 'drift-version', { height: 1400, fullPage: false });

	// Continue training from this version on this data.
	const continueLink = page.getByRole('link', { name: 'Continue training on this data' });
	const expected = `/models/continue?version=${encodeURIComponent(versionId)}&dataset=${encodeURIComponent(biscoe)}`;
	await expect(continueLink).toHaveAttribute('href', expected);
	await continueLink.click();
	await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === expected);
});
