// What the service worker keeps and which stored copy answers a request. Pure: it sees only URLs and the
// lists SvelteKit hands the worker (`build`, `files`, `prerendered` from $service-worker), so it is
// tested in Node and the worker itself stays a few lines of wiring.

/** Everything one version of the site needs offline: its code, sample data and pages (the fallback
 * shell and what only workers load are added beside it). */
export function precacheList(
	build: readonly string[],
	files: readonly string[],
	prerendered: readonly string[]
): string[] {
	return [...new Set([...build, ...files, ...prerendered])];
}

/** The SPA shell (adapter-static's `fallback`) that renders any route, also one never prerendered.
 * Static hosts serve it by name; `vite preview` does not, so the worker stores it when it can. */
export function fallbackPage(base: string): string {
	return `${base}/404.html`;
}

/** The files a worker loads, as the build plugin listed them (root-relative), under the base path. */
export function workerFilesUnder(base: string, listed: unknown): string[] {
	if (!Array.isArray(listed) || !listed.every((name) => typeof name === 'string')) {
		throw new Error('The list of worker files is not a list of file names.');
	}
	return listed.map((name: string) => `${base}/${name.replace(/^\/+/, '')}`);
}

/** Content-hashed files never change under their name, so one fetched later may be stored then. */
export function isImmutable(path: string, base: string): boolean {
	return path.startsWith(`${base}/_app/immutable/`);
}

/**
 * The stored path that answers a GET for `url`, or undefined when the network should: requests to other
 * origins (a typed Link import), files outside this version, and anything under other sites' paths. A
 * content-hashed file answers from the store even when not precached (it is stored once fetched). A
 * page request answers from its prerendered page whatever its query (`/data?id=…` is `/data`), and
 * from the fallback shell when the route was not prerendered.
 */
export function cachedPathFor(
	url: URL,
	origin: string,
	base: string,
	stored: ReadonlySet<string>,
	isPage: boolean
): string | undefined {
	if (url.origin !== origin) return undefined;
	const path = decodeURI(url.pathname);
	if (!isPage) return stored.has(path) || isImmutable(path, base) ? path : undefined;
	if (path !== base && !path.startsWith(`${base}/`)) return undefined;
	for (const candidate of pageCandidates(path, base)) if (stored.has(candidate)) return candidate;
	return fallbackPage(base);
}

function pageCandidates(path: string, base: string): string[] {
	const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
	const root = trimmed === base || trimmed === '' ? [`${base}/`, base || '/'] : [];
	return [path, trimmed, `${trimmed}.html`, ...root];
}
