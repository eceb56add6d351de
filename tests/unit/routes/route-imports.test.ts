// No page loads TF.js (about 900 KB) before it needs it: training runs in workers and pages import the
// model code lazily. One static import from a page's component tree down to a module that imports
// TF.js puts it on that page's first load (the Train page had one, through a helper of the run list).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const HEAVY = /^@tensorflow\//;

/** Import and re-export specifiers a bundler keeps (`import type` is erased; dynamic import() is lazy). */
const STATIC_IMPORT = /^\s*(?:import|export)(?!\s+type\b)\s+(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function resolveImport(from: string, specifier: string): string | undefined {
	let path: string;
	if (specifier.startsWith('$lib/')) path = join(ROOT, 'src/lib', specifier.slice(5));
	else if (specifier.startsWith('.')) path = resolve(dirname(from), specifier);
	else return specifier;
	path = path.replace(/\?.*$/, '');
	return [path, `${path}.ts`, `${path}/index.ts`].find((p) => existsSync(p) && statSync(p).isFile());
}

/** The chain of files from `start` to the first module it reaches that matches HEAVY, or undefined. */
function pathToHeavy(start: string): string[] | undefined {
	const cameFrom = new Map<string, string | undefined>([[start, undefined]]);
	const queue = [start];
	while (queue.length > 0) {
		const file = queue.shift()!;
		for (const [, specifier] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
			const target = resolveImport(file, specifier!);
			if (target === undefined) continue;
			if (HEAVY.test(target)) {
				const chain = [target];
				for (let at: string | undefined = file; at; at = cameFrom.get(at)) chain.unshift(relative(ROOT, at));
				return chain;
			}
			if (target.startsWith('/') && !cameFrom.has(target)) {
				cameFrom.set(target, file);
				queue.push(target);
			}
		}
	}
	return undefined;
}

function routeFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return routeFiles(path);
		return /^\+(page|layout)\.(svelte|ts)$/.test(name) ? [path] : [];
	});
}

describe('what pages load first', () => {
	const routes = routeFiles(join(ROOT, 'src/routes'));

	it('finds the pages, and the crawl finds TF.js where it is imported', () => {
		expect(routes.map((r) => relative(ROOT, r))).toContain('src/routes/train/+page.svelte');
		expect(pathToHeavy(join(ROOT, 'src/lib/core/tune/run-trial.ts'))?.at(-1)).toBe('@tensorflow/tfjs');
	});

	it.each(routes.map((r) => [relative(ROOT, r)]))('%s reaches no TF.js module by static imports', (route) => {
		expect(pathToHeavy(join(ROOT, route))).toBeUndefined();
	});
});
