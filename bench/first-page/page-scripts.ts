// The scripts an HTML page starts from: `<script src>`, `import("…")` in inline scripts, and
// `modulepreload` links. They are the roots of the page's JavaScript; static imports do the rest.

const ATTRIBUTE = /([^\s"'=<>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;
const INLINE_IMPORT = /\bimport\s*\(\s*(["'])([^"']+)\1\s*\)/g;

function attributes(tag: string): Map<string, string> {
	const found = new Map<string, string>();
	for (const [, name, double, single, bare] of tag.matchAll(ATTRIBUTE)) {
		found.set(name!.toLowerCase(), double ?? single ?? bare ?? '');
	}
	return found;
}

/** URLs as written in the page (relative or absolute), in document order, each once. */
export function pageScriptUrls(html: string): string[] {
	const urls = new Set<string>();
	for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
		const attrs = attributes(tag);
		const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
		const href = attrs.get('href');
		if (rel.includes('modulepreload') && href) urls.add(href);
	}
	for (const [, openTag, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
		const src = attributes(openTag!).get('src');
		if (src) urls.add(src);
		for (const [, , specifier] of body!.matchAll(INLINE_IMPORT)) urls.add(specifier!);
	}
	return [...urls];
}
