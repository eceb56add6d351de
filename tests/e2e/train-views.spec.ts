// The Train page's views of the data for two model families: handwritten digits previewed as pictures
// captioned with their digit (CNN), and a k-means scan on iris whose suggested k goes into the k input.
import { expect, test } from './fixtures.ts';
import { openTrain } from './open-train.ts';
import { targetSelect } from './target-select.ts';

test('digits show as twelve pictures captioned with their digit, open for a CNN', async ({ page }) => {
	await openTrain(page, 'Handwritten digits');
	await expect(page.getByRole('combobox', { name: /^Model(?! family)/ })).toHaveValue('auto');
	await expect(
		page.getByRole('combobox', { name: /^Model(?! family)/ }).locator('option:checked')
	).toContainText('cnn');
	const preview = page.locator('details', { hasText: 'Preview the images' });
	await expect(preview).toHaveAttribute('open', '');
	const images = preview.getByRole('list', { name: 'Image preview' }).getByRole('img');
	await expect(images).toHaveCount(12);
	await expect(images.first()).toHaveAccessibleName('Row 1: digit 0');
	await expect(preview.locator('figcaption')).toHaveText([
		'0',
		'1',
		'2',
		'3',
		'4',
		'5',
		'6',
		'7',
		'8',
		'9',
		'0',
		'1'
	]);
	await expect(preview).toContainText('8×8 images, shaded from 0 (light) to 16 (dark)');
	// The canvases are painted: the first digit has dark ink and a light background.
	const shades = await preview
		.locator('canvas')
		.first()
		.evaluate((canvas: HTMLCanvasElement) => {
			const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
			const reds = Array.from({ length: data.length / 4 }, (_, i) => data[i * 4]!);
			return { min: Math.min(...reds), max: Math.max(...reds) };
		});
	expect(shades.max).toBe(255);
	expect(shades.min).toBeLessThan(40);
});

test('a k-means scan on iris draws inertia and silhouette by k, and its best k goes into the k input', async ({
	page
}) => {
	test.setTimeout(90_000);
	await openTrain(page, 'Iris flowers');
	await targetSelect(page).selectOption('');
	await expect(page.getByTestId('task-reason')).toContainText('clustering');
	const k = page.getByLabel('Clusters (k)');
	await expect(k).toBeVisible();
	// Outside the range scanned, so whatever k scores best differs from the k chosen now.
	await k.fill('11');

	const scripts = () =>
		page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.filter((entry) => entry.name.endsWith('.js'))
				.map((entry) => ({ name: entry.name, bytes: (entry as PerformanceResourceTiming).decodedBodySize }))
		);
	const before = new Set((await scripts()).map((s) => s.name));

	const scan = page.getByRole('region', { name: 'Choose k' });
	await scan.getByRole('button', { name: 'Scan k from 2 to 10' }).click();
	const table = scan.getByRole('table', { name: 'Inertia and silhouette by k' });
	await expect(table.locator('tbody tr')).toHaveCount(9, { timeout: 60_000 });
	await expect(table.locator('tbody th')).toHaveText(['2', '3', '4', '5', '6', '7', '8', '9', '10']);
	await expect(
		scan.getByRole('figure', { name: 'Inertia and silhouette by k' }).locator('svg')
	).toBeVisible();
	await expect(scan.getByRole('figure').locator('svg')).toContainText('Silhouette');
	// The experiment's split for clustering: random, 70 / 15 / 15 % of 150 rows.
	await expect(scan).toContainText('104 training rows');
	// Vega (hundreds of kB) loads for the scan, not with the page.
	const loaded = (await scripts()).filter((s) => !before.has(s.name));
	expect(Math.max(0, ...loaded.map((s) => s.bytes))).toBeGreaterThan(200_000);

	const best = Number((await scan.getByTestId('best-k').innerText()).replace('k = ', ''));
	expect(best).toBeGreaterThanOrEqual(2);
	expect(best).toBeLessThanOrEqual(10);
	await expect(table.locator('tr.best th')).toHaveText(String(best));
	await scan.getByRole('button', { name: `Use k = ${best}` }).click();
	await expect(k).toHaveValue(String(best));
	await expect(scan.getByRole('button', { name: `Use k = ${best}` })).toBeDisabled();
	await expect(table.locator('tr.current th')).toHaveText(String(best));
});
