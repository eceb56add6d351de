// JS shipped for the first page: every script Chromium fetches to show the home page of the static
// build, gzipped at level 9 the way a static host would serve it.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../tests/static-server.ts';
import type { Benchmark } from './types.ts';

const PORT = 4175;

export const firstPageJs: Benchmark = {
	name: 'first-page-js',
	description: 'JavaScript the home page loads (gzip -9)',
	async run({ repoRoot, browser }) {
		const buildDir = join(repoRoot, 'build');
		if (!existsSync(join(buildDir, 'index.html'))) {
			execSync('npx vite build', { cwd: repoRoot, stdio: 'ignore' });
		}
		const server = await serveStatic(buildDir, '', PORT);
		const context = await (await browser()).newContext();
		try {
			const page = await context.newPage();
			const scripts = new Set<string>();
			page.on('request', (request) => {
				const url = new URL(request.url());
				if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
			});
			await page.goto(`http://127.0.0.1:${PORT}/`, { waitUntil: 'networkidle' });
			await page.getByRole('list', { name: 'Sample data sets' }).waitFor();
			let raw = 0;
			let gzipped = 0;
			for (const path of scripts) {
				const bytes = readFileSync(join(buildDir, decodeURIComponent(path)));
				raw += bytes.length;
				gzipped += gzipSync(bytes, { level: 9 }).length;
			}
			return {
				gzippedBytes: { value: gzipped, unit: 'B' },
				rawBytes: { value: raw, unit: 'B' },
				files: { value: scripts.size, unit: 'files' }
			};
		} finally {
			await context.close();
			await new Promise((resolve) => server.close(resolve));
		}
	}
};
