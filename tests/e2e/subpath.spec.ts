// The same studio, built with BASE_PATH=/studio (npm run build:subpath), served from a sub-path by a
// plain static server the way any static host would.
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { serveStatic } from '../static-server.ts';
import { expect, test } from './fixtures.ts';

const ROOT = fileURLToPath(new URL('../../build-subpath', import.meta.url));
const PORT = 4174;
let server: Server;

test.beforeAll(async () => {
	server = await serveStatic(ROOT, '/studio', PORT);
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test.use({ baseURL: `http://127.0.0.1:${PORT}` });

test('the sub-path build opens a sample, navigates and deep-links under /studio', async ({ page }) => {
	await page.goto('/studio/');
	await expect(page.getByRole('list', { name: 'Sample data sets' })).toBeVisible();
	await page.getByRole('button', { name: 'Open Iris flowers' }).click();
	await expect(page).toHaveURL(/\/studio\/data\?id=/);
	await expect(page.getByText('150 of 150 rows')).toBeVisible();
	await page.getByRole('link', { name: 'Train' }).click();
	// The nav carries the open data set, so a reload of the deep link keeps it.
	await expect(page).toHaveURL(/\/studio\/train\?id=[^&]+$/);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Train' })).toBeVisible();
	const missing = await page.goto('/studio/nowhere');
	expect(missing?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
});
