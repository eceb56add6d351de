// Shared fixtures: every test also checks that no request left the site's origin (nothing is fetched
// from the internet, nothing is sent anywhere).
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ sameOriginOnly: void }>({
	sameOriginOnly: [
		async ({ context, baseURL }, use) => {
			const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
			const foreign: string[] = [];
			context.on('request', (request) => {
				const url = request.url();
				if (url.startsWith('data:') || url.startsWith('blob:')) return;
				if (new URL(url).origin !== origin) foreign.push(url);
			});
			await use();
			expect(foreign, 'requests that left the site origin').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
