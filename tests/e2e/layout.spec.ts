// Every page fits a phone (390 px) and a desktop (1280 px) without sideways scrolling, in light and
// dark. Screenshots land in test-results/ for a person to look at.
import { expect, test } from './fixtures.ts';

const WIDTHS = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'desktop', width: 1280, height: 800 }
];
const PAGES = ['/', '/data', '/prepare', '/system'];

for (const viewport of WIDTHS) {
	for (const scheme of ['light', 'dark'] as const) {
		test(`pages fit a ${viewport.name} in ${scheme} mode`, async ({ page }, testInfo) => {
			await page.setViewportSize(viewport);
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto('/');
			await page.getByRole('button', { name: 'Open Cars (auto-mpg)' }).click();
			await expect(page.getByText('406 of 406 rows')).toBeVisible();
			await page.screenshot({ path: testInfo.outputPath(`data-preview-${viewport.name}-${scheme}.png`) });
			for (const path of PAGES) {
				await page.goto(path);
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
				expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
				const name = path === '/' ? 'home' : path.slice(1);
				await page.screenshot({
					path: testInfo.outputPath(`${name}-${viewport.name}-${scheme}.png`),
					fullPage: true
				});
			}
		});
	}
}
