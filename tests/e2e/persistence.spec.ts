import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from '../browser-launch.ts';
import { expect, test } from './fixtures.ts';

test('the data set list survives closing and reopening the browser', async ({ baseURL }) => {
	const profile = mkdtempSync(join(tmpdir(), 'benchtop-profile-'));
	const launch = () =>
		chromium.launchPersistentContext(profile, {
			executablePath: resolveChromium(),
			args: CHROMIUM_ARGS,
			baseURL
		});
	try {
		const first = await launch();
		const page = await first.newPage();
		await page.goto('/');
		await page.getByRole('button', { name: 'Open Palmer penguins' }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'Palmer penguins' })).toBeVisible();
		await first.close();

		const second = await launch();
		const again = await second.newPage();
		await again.goto('/');
		const list = again.getByRole('list', { name: 'Your data sets' });
		await expect(list).toContainText('Palmer penguins');
		await list.getByRole('link', { name: /Palmer penguins/ }).click();
		await expect(again.getByText('344 of 344 rows')).toBeVisible();
		await second.close();
	} finally {
		rmSync(profile, { recursive: true, force: true });
	}
});
