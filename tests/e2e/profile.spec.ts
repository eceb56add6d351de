// The profile and quality report of a data set, with charts drawn under a Content-Security-Policy that
// forbids eval: vega's expressions go through its interpreter.
import { expect, test } from './fixtures.ts';

test('a sample’s profile shows statistics, charts, relations to the target and quality findings', async ({
	page
}) => {
	await page.route('**/*', async (route) => {
		const response = await route.fetch();
		const headers = { ...response.headers() };
		if ((headers['content-type'] ?? '').includes('text/html')) {
			headers['content-security-policy'] =
				"script-src 'self' 'unsafe-inline'; worker-src 'self'; object-src 'none'";
		}
		await route.fulfill({ response, headers });
	});
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy|unsafe-eval/i.test(message.text())) violations.push(message.text());
	});

	await page.goto('/');
	await page.getByRole('button', { name: 'Open Palmer penguins' }).click();
	await page.getByRole('tab', { name: 'Profile & quality' }).click();
	await expect(page.getByLabel('Target (what a model will predict)')).toHaveValue('Species');

	const overview = page.getByRole('region', { name: 'Overview' });
	await expect(overview).toContainText('344 rows');
	await expect(overview).toContainText('7 columns');

	const mass = page.locator('[data-column="Body Mass (g)"]');
	await expect(mass).toContainText('Missing 2 (0.58%)');
	await expect(mass).toContainText('Max 6300');
	await expect(mass.locator('svg')).toBeVisible();
	await expect(page.locator('[data-column="Island"]')).toContainText('Biscoe');

	const findings = page.getByRole('list', { name: 'Quality findings' });
	await expect(findings.locator('[data-kind="missing-heavy"]').first()).toContainText('missing');
	await expect(findings).toContainText('Suggested step');

	const relations = page.getByRole('table', { name: 'How each feature relates to the target' });
	await expect(relations.getByRole('row', { name: /Flipper Length/ })).toContainText('correlation ratio η');
	await expect(page.getByRole('figure', { name: 'Correlation heat map' }).locator('svg')).toBeVisible();
	await expect(
		page.getByRole('figure', { name: /Flipper Length \(mm\) against Species/ }).locator('svg')
	).toBeVisible();

	await page.getByLabel('Target (what a model will predict)').selectOption('Body Mass (g)');
	await expect(relations.getByRole('row', { name: /Flipper Length/ })).toContainText('Pearson r');
	expect(violations).toEqual([]);
});
