// JS shipped for the first page: the scripts build/index.html names and everything they import
// statically, gzipped at level 9 file by file as a static host would serve them. BUILD_DIR and
// BASE_PATH (the same variables svelte.config.js reads) point it at a sub-path build.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { firstPageScripts } from './first-page/script-graph.ts';
import type { Benchmark } from './types.ts';

export const firstPageJs: Benchmark = {
	name: 'first-page-js',
	description: 'JavaScript the home page loads before it runs: index.html scripts + static imports',
	async run({ repoRoot }) {
		const buildName = process.env.BUILD_DIR ?? 'build';
		const base = process.env.BASE_PATH ?? '';
		const buildDir = join(repoRoot, buildName);
		if (!existsSync(join(buildDir, 'index.html'))) {
			console.log(`first-page-js: no ${buildName}/index.html, running vite build first ...`);
			execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' });
		}
		const scripts = firstPageScripts(buildDir, base);
		let raw = 0;
		let gzipped = 0;
		for (const { bytes } of scripts) {
			raw += bytes.length;
			gzipped += gzipSync(bytes, { level: 9 }).length;
		}
		const fromPage = scripts.filter((s) => s.fromPage).length;
		return {
			rawBytes: { value: raw, unit: 'B', note: `${buildName}/index.html${base ? `, base ${base}` : ''}` },
			gzippedBytes: { value: gzipped, unit: 'B', note: 'gzip -9, file by file' },
			files: {
				value: scripts.length,
				unit: 'files',
				note: `${fromPage} named in index.html, ${scripts.length - fromPage} more by static import`
			}
		};
	}
};
