// Screenshots for a person to look at, never compared: taken only when SHOTS_DIR names a folder
// (`SHOTS_DIR=/tmp/shots npx playwright test …`), so CI and a laptop skip them and write nothing.
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';

const SHOTS_DIR = process.env.SHOTS_DIR;

export const takingShots = SHOTS_DIR !== undefined && SHOTS_DIR !== '';

/** `name`.png of the page (its full length unless `fullPage` is false) or of one element. */
export async function shot(target: Page | Locator, name: string, { fullPage = true } = {}): Promise<void> {
	if (!takingShots) return;
	const path = join(SHOTS_DIR!, `${name}.png`);
	if ('goto' in target) await target.screenshot({ path, fullPage });
	else await target.screenshot({ path });
}

/**
 * `name`-1280.png and `name`-390.png: the page (or `element`) at both widths, `height` tall, then the
 * viewport the page had before.
 */
export async function shotWidths(
	page: Page,
	name: string,
	{ height = 900, fullPage = true, element }: { height?: number; fullPage?: boolean; element?: Locator } = {}
): Promise<void> {
	if (!takingShots) return;
	const before = page.viewportSize();
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height });
		await shot(element ?? page, `${name}-${width}`, { fullPage });
	}
	if (before) await page.setViewportSize(before);
}
