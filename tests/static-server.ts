// A plain static file server, as any static host would be: serves a folder under a path prefix and
// answers unknown paths with the site's 404.html. Used to prove the build works from a sub-path.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.csv': 'text/csv',
	'.wasm': 'application/wasm',
	'.png': 'image/png',
	'.webmanifest': 'application/manifest+json'
};

function fileFor(root: string, urlPath: string): string | undefined {
	const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
	for (const candidate of [clean, `${clean}.html`, join(clean, 'index.html')]) {
		const path = join(root, candidate);
		if (path.startsWith(root) && existsSync(path) && statSync(path).isFile()) return path;
	}
	return undefined;
}

export function serveStatic(root: string, prefix: string, port: number): Promise<Server> {
	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		const inside = url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
		const file = inside ? fileFor(root, url.pathname.slice(prefix.length) || '/') : undefined;
		const path = file ?? join(root, '404.html');
		response.writeHead(file ? 200 : 404, {
			'content-type': TYPES[extname(path)] ?? 'application/octet-stream'
		});
		createReadStream(path).pipe(response);
	});
	return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
