// The drift page offers only versions a drift check can run on. A Teachable Machine image model (a small
// one made by tests/fixtures/teachable) imported and saved: the page has nothing to check and says why;
// then a table's model saved as a version: the dropdown lists it, never the image version, and says what
// it left out.
import { expect, test } from './fixtures.ts';
import { importCsv } from './import-file.ts';
import { trainAndSave } from './train-and-save.ts';
import { saveImageModel, writeTeachableFiles } from './teachable-files.ts';
import { shot } from './shots.ts';

const CSV = `x,y,label\n${Array.from({ length: 40 }, (_, i) => `${i % 7},${(i * 3) % 11},${i % 2 ? 'odd' : 'even'}`).join('\n')}\n`;

test('the drift page lists no image version, and says so', async ({ page }, testInfo) => {
	test.setTimeout(150_000);
	const { model, paths } = await writeTeachableFiles(
		{ size: 32, blocks: 3, labels: ['A', 'B'], seed: 4 },
		testInfo
	);
	model.dispose();
	await page.goto('/export');
	await saveImageModel(page, paths, 'Shapes');

	// Only the image version: nothing to check, and why.
	await page.goto('/models/drift');
	const empty = page.getByTestId('drift-empty');
	await expect(empty).toContainText(
		'No model here can be checked for drift: a drift check compares a table’s columns with the data a model trained on.'
	);
	await expect(empty.getByTestId('drift-left-out')).toHaveText(
		'1 version reads pictures (an imported image model), not a table’s columns.'
	);
	await expect(page.getByRole('combobox', { name: 'Model' })).toHaveCount(0);
	await shot(page, 'drift-empty-1280');

	// A table's model beside it: listed; the image version is not.
	const id = await importCsv(page, 'parity.csv', CSV);
	await page.goto(`/train?id=${encodeURIComponent(id)}`);
	await expect(page.getByTestId('task-reason')).not.toContainText('Reading');
	await trainAndSave(page, { target: 'label', epochs: 3, name: 'Parity' });
	await page.goto('/models/drift');
	const picker = page.getByRole('combobox', { name: 'Model' });
	await expect(picker.locator('optgroup[label="Model versions"] option')).toHaveText(['Parity v1']);
	await expect(picker.locator('option', { hasText: 'Shapes' })).toHaveCount(0);
	await expect(page.getByTestId('drift-left-out')).toHaveText(
		'Not listed: 1 version reads pictures (an imported image model), not a table’s columns.'
	);
	// The version listed runs a check (its run recorded its training profile).
	await page.getByRole('button', { name: 'Check for drift' }).click();
	await expect(
		page.getByRole('heading', { name: /^(No column drifted|\d+ of \d+ columns? drifted)$/ })
	).toBeVisible({ timeout: 60_000 });
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		await shot(page, `drift-listed-${width}`);
	}
});
