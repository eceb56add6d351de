// End-to-end tests run against `vite preview` of the static build, in Chromium with WebGPU on SwiftShader.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from './tests/browser-launch.ts';

// E2E_PORT and SVELTEKIT_OUT_DIR let several checkouts' builds be tested side by side on one machine.
const PORT = Number(process.env.E2E_PORT ?? 4173);
// Specs whose bounds are on main-thread CPU or wall time: beside another browser on two cores, a task's CPU
// time itself doubles or more (shared caches and cores), so they run alone.
const TIMED_ALONE = /import-large|export-worker-thread|models-many-versions/;

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 60_000,
	expect: { timeout: 15_000 },
	fullyParallel: true,
	workers: 2,
	retries: 0,
	forbidOnly: !!process.env.CI,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		browserName: 'chromium',
		launchOptions: { executablePath: resolveChromium(), args: CHROMIUM_ARGS },
		trace: 'retain-on-failure',
		// The studio's service worker (offline copy) would answer requests before page.route sees them
		// and keep pages across reloads; specs run without it, offline.spec.ts turns it on for itself.
		serviceWorkers: 'block',
		screenshot: 'only-on-failure'
	},
	projects: [
		{ name: 'studio', testIgnore: TIMED_ALONE },
		// Timing-sensitive: runs alone, after everything else, so no other browser competes for the CPU.
		{ name: 'timing', testMatch: TIMED_ALONE, dependencies: ['studio'] }
	],
	webServer: {
		command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
		url: `http://127.0.0.1:${PORT}`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	}
});
