// The penguins sample cut by island, as files to import: the drift tests train on Torgersen and Dream and
// compare with Biscoe (a real shift: mostly Gentoo, heavier, longer flippers).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';

const penguins = readFileSync(
	fileURLToPath(new URL('../../sample-datasets/penguins.csv', import.meta.url)),
	'utf8'
)
	.trimEnd()
	.split('\n');

/** A CSV file of the header and the rows whose island (the second column) `keep` accepts. */
export const penguinIslandsCsv = (name: string, keep: (island: string) => boolean) => ({
	name,
	mimeType: 'text/csv',
	buffer: Buffer.from(`${penguins.filter((line, i) => i === 0 || keep(line.split(',')[1]!)).join('\n')}\n`)
});

/**
 * On the drift page with a model trained on torgersen-dream: checks biscoe and expects the shift (4 to 6
 * of 6 columns, the island's unseen value among them) measured against the run's training profile, whose
 * row count is the training rows'. Returns the island's card.
 */
export async function checkBiscoeDrift(page: Page): Promise<Locator> {
	await page.getByRole('combobox', { name: /^New data/ }).selectOption({ label: 'biscoe' });
	await page.getByRole('button', { name: 'Check for drift' }).click();
	await expect(page.getByRole('heading', { name: /^[4-6] of 6 columns drifted$/ })).toBeVisible({
		timeout: 60_000
	});
	await expect(
		page.getByText(/168 rows of biscoe against \d+ training rows of torgersen-dream\.$/)
	).toBeVisible();
	for (const column of ['Island', 'Flipper Length (mm)', 'Body Mass (g)'])
		await expect(page.getByRole('article', { name: `${column}: drifted` })).toBeVisible();
	const island = page.getByRole('article', { name: 'Island: drifted' });
	await expect(island).toContainText('1 value never seen in training (“Biscoe”) on 100.0% of rows');
	return island;
}
