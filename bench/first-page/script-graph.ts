// Every JS file a static build's home page loads before it runs: the page's own scripts and everything
// they import statically, mapped from URLs to files in the build folder, as a static host would.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pageScriptUrls } from './page-scripts.ts';
import { staticImports } from './static-imports.ts';

export interface ScriptFile {
	/** Path inside the build folder, with forward slashes. */
	path: string;
	bytes: Buffer;
	/** Named by index.html itself rather than reached through an import. */
	fromPage: boolean;
}

// Any origin will do: URLs are only resolved against each other, never fetched.
const ORIGIN = 'http://bench.invalid';
const RELATIVE_OR_ABSOLUTE = /^(?:\.{0,2}\/|[a-z][a-z\d+.-]*:)/i;

/** `base` is the build's base path ('' or like '/studio'), needed only when links are absolute. */
export function firstPageScripts(buildDir: string, base: string): ScriptFile[] {
	const pageUrl = new URL(`${base}/`, ORIGIN);
	const fileFor = (url: URL, from: string): string => {
		const where = `${url.href.replace(ORIGIN, '')} (from ${from})`;
		if (url.origin !== ORIGIN) throw new Error(`the first page loads ${url.href} from another origin`);
		if (!url.pathname.startsWith(pageUrl.pathname)) {
			throw new Error(`${where} is outside the base path "${base}"; set BASE_PATH to the build's base`);
		}
		const path = join(buildDir, decodeURIComponent(url.pathname.slice(pageUrl.pathname.length)));
		if (!existsSync(path) || !statSync(path).isFile()) {
			throw new Error(
				`${where} is not in ${buildDir}${base ? '' : ' (for a sub-path build, set BASE_PATH)'}`
			);
		}
		return path;
	};

	const found = new Map<string, ScriptFile>();
	const queue: { url: URL; from: string }[] = pageScriptUrls(
		readFileSync(join(buildDir, 'index.html'), 'utf8')
	).map((href) => ({ url: new URL(href, pageUrl), from: 'index.html' }));
	for (let next = queue.shift(); next; next = queue.shift()) {
		const file = fileFor(next.url, next.from);
		const path = relative(buildDir, file).split('\\').join('/');
		if (found.has(path)) continue;
		const bytes = readFileSync(file);
		found.set(path, { path, bytes, fromPage: next.from === 'index.html' });
		for (const specifier of staticImports(bytes.toString('utf8'), path)) {
			if (!RELATIVE_OR_ABSOLUTE.test(specifier)) {
				throw new Error(`${path} imports the bare specifier "${specifier}", which no browser can load`);
			}
			queue.push({ url: new URL(specifier, next.url), from: path });
		}
	}
	return [...found.values()];
}
