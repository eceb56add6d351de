// Shared fixtures: every test also checks that no request left the site's origin (nothing is fetched
// from the internet, nothing is sent anywhere), in its own context and in every fresh context it opens
// (a share link opened in "another browser", a bundle imported elsewhere). A test that types a URL
// itself lists it in `allowedUrls`.
import { test as base, expect, type BrowserContext } from '@playwright/test';

export const test = base.extend<{ allowedUrls: string[]; sameOriginOnly: void }>({
	allowedUrls: [[], { option: true }],
	sameOriginOnly: [
		async ({ context, browser, baseURL, allowedUrls }, use) => {
			const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
			const foreign: string[] = [];
			const watch = (watched: BrowserContext) =>
				watched.on('request', (request) => {
					const url = request.url();
					if (url.startsWith('data:') || url.startsWith('blob:') || allowedUrls.includes(url)) return;
					if (new URL(url).origin !== origin) foreign.push(url);
				});
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
		},
		{ auto: true }
	]
});

export { expect };
