// Shared fixtures: every test also checks that no request left the site's origin (nothing is fetched
// from the internet, nothing is sent anywhere) and that no page threw an error nobody caught (a Svelte
// effect that loops until Svelte gives up leaves the page looking fine), in its own context and in every
// fresh context it opens (a share link opened in "another browser", a bundle imported elsewhere). A test
// that types a URL itself lists it in `allowedUrls`.
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

export const test = base.extend<{ allowedUrls: string[]; watchedContexts: void }>({
	allowedUrls: [[], { option: true }],
	watchedContexts: [
		async ({ context, browser, baseURL, allowedUrls }, use) => {
			const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
			const foreign: string[] = [];
			const uncaught: string[] = [];
			const watchPage = (page: Page) =>
				page.on('pageerror', (error) => uncaught.push(`${page.url()}: ${error.message}`));
			const watch = (watched: BrowserContext) => {
				watched.on('request', (request) => {
					const url = request.url();
					if (url.startsWith('data:') || url.startsWith('blob:') || allowedUrls.includes(url)) return;
					if (new URL(url).origin !== origin) foreign.push(url);
				});
				watched.pages().forEach(watchPage);
				watched.on('page', watchPage);
			};
			watch(context);
			// Fresh contexts (browser.newContext, and browser.newPage, which makes one) are watched too.
			const newContext = browser.newContext;
			browser.newContext = async (...args) => {
				const fresh = await newContext.apply(browser, args);
				watch(fresh);
				return fresh;
			};
			try {
				await use();
			} finally {
				browser.newContext = newContext;
			}
			expect(foreign, 'requests that left the site origin').toEqual([]);
			expect(uncaught, 'errors thrown in a page and not caught').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
