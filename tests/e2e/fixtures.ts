// Shared fixtures: every test also checks that no request left the site's origin (nothing is fetched
// from the internet, nothing is sent anywhere). A test that types a URL itself lists it in `allowedUrls`.
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ allowedUrls: string[]; sameOriginOnly: void }>({
	allowedUrls: [[], { option: true }],
	sameOriginOnly: [
		async ({ context, baseURL, allowedUrls }, use) => {
			const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
			const foreign: string[] = [];
			context.on('request', (request) => {
				const url = request.url();
				if (url.startsWith('data:') || url.startsWith('blob:') || allowedUrls.includes(url)) return;
				if (new URL(url).origin !== origin) foreign.push(url);
			});
			await use();
			expect(foreign, 'requests that left the site origin').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
