// Opens a bench page in a fresh browser context and waits until its module has loaded, failing with
// the page's own error when it does not. Requests that would leave 127.0.0.1 are blocked and reported.
import type { Browser, Page } from 'playwright';

export interface BenchPage {
	page: Page;
	/** Throws the first uncaught page error or blocked request seen so far. */
	assertClean(): void;
	close(): Promise<void>;
}

// Long enough for a cold Vite dependency optimisation on a slow machine.
const READY_TIMEOUT_MS = 45_000;

export async function openBenchPage(browser: Browser, url: string): Promise<BenchPage> {
	const context = await browser.newContext();
	const problems: string[] = [];
	const consoleErrors: string[] = [];
	await context.route(
		(requested) => requested.hostname !== '127.0.0.1',
		async (route) => {
			problems.push(`the page asked for ${route.request().url()}, outside 127.0.0.1 (blocked)`);
			await route.abort('blockedbyclient');
		}
	);
	const page = await context.newPage();
	// An uncaught error or a module Vite failed to transform ends the wait at once, not at the timeout.
	let fail: (reason: Error) => void = () => undefined;
	const failed = new Promise<never>((_, reject) => (fail = reject));
	failed.catch(() => undefined);
	page.on('pageerror', (error) => {
		problems.push(error.message);
		fail(error);
	});
	page.on('response', (response) => {
		if (response.status() < 500) return;
		const answered = `${response.url()} answered ${response.status()}`;
		// Vite puts the transform error in the body; it says which file and line is wrong.
		response.text().then(
			(body) => fail(new Error(`${answered}: ${body.trim().split('\n')[0]?.slice(0, 300)}`)),
			() => fail(new Error(answered))
		);
	});
	page.on('console', (message) => {
		if (message.type() === 'error') consoleErrors.push(message.text());
	});
	try {
		await page.goto(url);
		await Promise.race([
			page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: READY_TIMEOUT_MS }),
			failed
		]);
	} catch (error) {
		await context.close();
		const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
		// On a timeout the page's console usually says why (a 404 for a module, say); otherwise we know.
		const timedOut = error instanceof Error && error.name === 'TimeoutError';
		const reason = problems[0] ?? (timedOut ? consoleErrors[0] : undefined) ?? message;
		throw new Error(`${url} did not load: ${reason}`);
	}
	return {
		page,
		assertClean: () => {
			if (problems[0]) throw new Error(problems[0]);
		},
		close: () => context.close()
	};
}
