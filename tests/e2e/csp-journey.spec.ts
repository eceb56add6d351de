// The whole journey under the build's own Content-Security-Policy (issue 17): every built page carries it,
// and a CSV imported by file is shown (table, profile and its charts), prepared, trained (live curves),
// evaluated (every section, charts included), reported, exported (with the live embed preview), shared
// by link, opened from it and presented without one violation: no eval, no inline handler, no request
// the policy refuses.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { watchCsp } from './csp-watch.ts';
import { shot } from './shots.ts';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Experiment stages' });

/** The policy a page was served with, as its <meta http-equiv> says it. */
async function policyOf(page: Page): Promise<string> {
	return (
		(await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content', { timeout: 10_000 })) ?? ''
	);
}

test('import → prepare → train → evaluate → report → export → share → open link → present, no CSP violation', async ({
	page
}) => {
	test.setTimeout(240_000);
	const csp = await watchCsp(page);
	const iris = await readFile('sample-datasets/iris.csv');

	await page.goto('/data');
	const policy = await policyOf(page);
	expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
	expect(policy).not.toMatch(/'unsafe-eval'/);
	expect(policy).toContain("object-src 'none'");

	await page
		.getByLabel('Choose a file…')
		.setInputFiles({ name: 'iris-copy.csv', mimeType: 'text/csv', buffer: iris });
	await page.waitForURL(/\/data\?id=/);
	const id = new URL(page.url()).searchParams.get('id')!;
	await expect(page.getByRole('grid').or(page.getByRole('table')).first()).toContainText('setosa');

	await page.getByRole('tab', { name: 'Profile & quality' }).click();
	await expect(page.getByRole('region', { name: 'Overview' })).toContainText('150 rows');
	await expect(page.locator('[data-column="petal_length"] svg')).toBeVisible();
	await expect(page.getByRole('figure', { name: 'Correlation heat map' }).locator('svg')).toBeVisible();

	await nav(page)
		.getByRole('link', { name: /Prepare/ })
		.click();
	await expect(page.getByRole('list', { name: 'Recipe steps' }).locator(':scope > li').first()).toBeVisible();

	await nav(page).getByRole('link', { name: /Train/ }).click();
	await expect(page.getByTestId('task-reason')).toContainText('classification');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	const runs = page.getByRole('list', { name: 'Runs' });
	await expect(runs.getByRole('button')).toHaveCount(1, { timeout: 120_000 });
	await expect(page.locator('main svg').first()).toBeVisible();

	await page.goto(`/evaluate?id=${encodeURIComponent(id)}`);
	await expect(page.locator('table[data-split="test"]')).toBeVisible({ timeout: 60_000 });
	await expect(page.getByTestId('confusion-matrix').locator('svg')).toBeVisible();
	let charts = 0;
	for (const tab of await page.getByRole('tab').all()) {
		await tab.click();
		await page.waitForTimeout(300);
		charts += await page.locator('main figure svg').count();
	}
	expect(charts, 'charts drawn across the evaluation sections').toBeGreaterThan(1);
	await expect(page.getByText('Until the evaluation is in')).toBeHidden({ timeout: 60_000 });
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download report' }).click();
	const report = await readFile((await (await download).path())!, 'utf8');
	expect(report).toContain('<svg');

	// Export: the run's bundle variants and the live embed preview (a sandboxed frame of the site's own).
	await nav(page)
		.getByRole('link', { name: /Export/ })
		.click();
	await expect(page.getByLabel('Model version or run').locator('option')).toHaveCount(1);
	await expect(page.getByTestId('embed-status')).toContainText('Live', { timeout: 60_000 });
	await expect(
		page.frameLocator('iframe[title="Embed preview"]').getByRole('button', { name: 'Predict' })
	).toBeVisible();
	await shot(page, 'csp-journey-export', { fullPage: false });

	// Share: the link from the run, opened in this tab, then the presentation of the opened experiment.
	await page.goto(`/train?id=${encodeURIComponent(id)}`);
	await page.getByRole('button', { name: 'Share' }).first().click();
	const dialog = page.getByRole('dialog', { name: 'Share this experiment' });
	await expect(dialog.getByRole('img', { name: 'QR code of the link' })).toBeVisible();
	const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
	await page.goto(link);
	await expect(page.getByRole('heading', { name: /Shared experiment:/ })).toBeVisible();
	await page.getByRole('button', { name: 'Open in my workspace' }).click();
	await page.getByRole('link', { name: 'Present' }).click();
	await expect(page).toHaveURL(/\/present\?id=/);
	await expect(page.locator('main h1, main h2').first()).toBeVisible();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await page.waitForTimeout(1000);

	await nav(page)
		.getByRole('link', { name: /Models/ })
		.click();
	await expect(page.locator('main h1, main h2').first()).toBeVisible();
	expect(csp.violations).toEqual([]);
});

test('every HTML file of the build carries a policy: no eval, no plugins, base pinned', async () => {
	// BUILD_DIR is where svelte.config.js writes the site this run serves.
	const dir = process.env.BUILD_DIR ?? 'build';
	const pages = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.html'));
	expect(pages).toContain('404.html');
	expect(pages).toContain('index.html');
	for (const name of pages) {
		const html = await readFile(join(dir, name), 'utf8');
		const policy = html.match(/<meta\s+http-equiv="content-security-policy"\s+content="([^"]+)"/i)?.[1] ?? '';
		expect(policy, `${name} has no policy`).not.toBe('');
		expect(policy, name).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
		expect(policy, name).toMatch(/object-src 'none'|default-src 'none'/);
		expect(policy, name).toMatch(/base-uri '(self|none)'/);
		// Before any script: a policy met after a script would not govern it.
		expect(html.search(/content-security-policy/i), name).toBeLessThan(html.indexOf('<script'));
		// SvelteKit's pages: scripts from the site, and the inline bootstrap by its hash.
		if (html.includes('__sveltekit'))
			expect(policy, name).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'/);
	}
});

test('every route served by the build carries the policy in its HTML', async ({ page }) => {
	for (const path of [
		'/',
		'/data',
		'/prepare',
		'/train',
		'/evaluate',
		'/models',
		'/export',
		'/share',
		'/present',
		'/system'
	]) {
		await page.goto(path);
		expect(await policyOf(page), path).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'/);
	}
});

test('the watcher sees what the policy refuses: an inline handler and a string compiled as code', async ({
	page
}) => {
	const csp = await watchCsp(page);
	// A same-origin script (allowed by script-src 'self') that tries what arquero's and vega's code
	// generators do; DevTools' own evaluate is exempt from the policy, so the attempt has to come from here.
	await page.route('**/csp-probe.js', (route) =>
		route.fulfill({
			contentType: 'text/javascript',
			body: "try { new Function('window.__evalRan = true')(); } catch (error) { window.__evalError = String(error); }"
		})
	);
	await page.goto('/');
	const flags = await page.evaluate(async () => {
		const img = document.createElement('img');
		img.setAttribute('onerror', 'window.__inlineRan = true');
		img.src = 'data:,not-an-image';
		document.body.append(img);
		const script = document.createElement('script');
		script.src = new URL('csp-probe.js', document.baseURI).href;
		await new Promise((done) => {
			script.onload = done;
			script.onerror = done;
			document.head.append(script);
		});
		await new Promise((done) => setTimeout(done, 200));
		img.remove();
		const seen = window as unknown as { __inlineRan?: boolean; __evalRan?: boolean; __evalError?: string };
		return { inline: seen.__inlineRan ?? false, eval: seen.__evalRan ?? false, error: seen.__evalError };
	});
	expect(flags).toMatchObject({ inline: false, eval: false, error: expect.stringContaining('EvalError') });
	await expect.poll(() => csp.violations.some((line) => /script-src-attr/.test(line))).toBe(true);
	await expect.poll(() => csp.violations.some((line) => /eval/i.test(line))).toBe(true);
});
