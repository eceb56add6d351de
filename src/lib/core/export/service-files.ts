// The bundle's service files: handler.js (the fetch handler Deno, Cloudflare Workers and other edge
// runtimes call), serve.js (the same handler on node:http, with a body cap and timeouts) and a Dockerfile
// that runs serve.js as a non-root user. Fixed text: nothing from the model goes into them.

/** The most a request body may hold, in bytes, unless serve.js is told otherwise (--max-body). */
export const MAX_BODY_BYTES = 1_000_000;
/** The most rows one request may ask for. */
export const MAX_ROWS = 10_000;

export const HANDLER_JS = `// A fetch handler: \`export default { fetch(request) }\`, the shape Deno.serve, Cloudflare Workers and other
// edge runtimes call. POST JSON rows (an array, or { "rows": [...] }) to get { "predictions": [...] };
// GET /metadata describes the model, GET /health answers { "ok": true }.
import { metadata, predict } from './model.js';

const MAX_ROWS = ${MAX_ROWS};

function json(body, status = 200) {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }
	});
}

export default {
	async fetch(request) {
		const path = new URL(request.url).pathname;
		if (request.method === 'GET' && path.endsWith('/health')) return json({ ok: true });
		if (request.method === 'GET' && path.endsWith('/metadata')) return json(metadata);
		if (request.method !== 'POST') return json({ error: 'POST a JSON array of rows to /predict' }, 405);
		let body;
		try {
			body = await request.json();
		} catch {
			return json({ error: 'the body is not valid JSON: send an array of row objects' }, 400);
		}
		const rows = Array.isArray(body) ? body : body && typeof body === 'object' ? body.rows : undefined;
		if (!Array.isArray(rows))
			return json({ error: 'the body must be a JSON array of row objects, or { "rows": [...] }' }, 400);
		if (rows.length > MAX_ROWS)
			return json({ error: \`\${rows.length} rows in one request; at most \${MAX_ROWS}\` }, 413);
		try {
			return json({ predictions: await predict(rows) });
		} catch (error) {
			return json({ error: \`the model could not run: \${error instanceof Error ? error.message : String(error)}\` }, 500);
		}
	}
};
`;

export const SERVE_JS = `// node serve.js [--port N] [--host H] [--max-body BYTES]: the model as an HTTP service on node:http, no
// dependencies. POST /predict (JSON rows), GET /health, GET /metadata. Bodies are capped, slow requests
// time out, and the model is loaded before the port opens, so a damaged model.bin stops it at once.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import handler from './handler.js';
import { load } from './model.js';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: process.env.PORT ?? '8080' },
		host: { type: 'string', default: '127.0.0.1' },
		'max-body': { type: 'string', default: '${MAX_BODY_BYTES}' }
	}
});
const port = Number(values.port);
const maxBody = Number(values['max-body']);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
	console.error(\`serve.js: --port \${values.port} is not a port number (0-65535)\`);
	process.exit(2);
}

function send(res, status, body) {
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
	res.end(JSON.stringify(body));
}

const ROUTES = { '/predict': 'POST', '/health': 'GET', '/metadata': 'GET' };

async function respond(req, res) {
	const path = new URL(req.url ?? '/', 'http://localhost').pathname;
	if (!ROUTES[path]) return send(res, 404, { error: \`no route \${path}: POST /predict, GET /health, GET /metadata\` });
	if (req.method !== ROUTES[path]) return send(res, 405, { error: \`\${path} takes \${ROUTES[path]}\` });
	const chunks = [];
	let size = 0;
	for await (const chunk of req) {
		size += chunk.length;
		if (size > maxBody) {
			send(res, 413, { error: \`the body is over \${maxBody} bytes\` });
			req.destroy();
			return;
		}
		chunks.push(chunk);
	}
	const request = new Request(\`http://localhost\${path}\`, {
		method: req.method,
		headers: { 'content-type': 'application/json' },
		...(req.method === 'POST' ? { body: Buffer.concat(chunks) } : {})
	});
	const response = await handler.fetch(request);
	res.writeHead(response.status, Object.fromEntries(response.headers));
	res.end(Buffer.from(await response.arrayBuffer()));
}

try {
	await load();
} catch (error) {
	console.error(\`serve.js: \${error instanceof Error ? error.message : String(error)}\`);
	process.exit(1);
}
const server = createServer((req, res) => {
	respond(req, res).catch((error) => {
		if (!res.headersSent) send(res, 500, { error: String(error instanceof Error ? error.message : error) });
		else res.destroy();
	});
});
server.requestTimeout = 30_000;
server.headersTimeout = 10_000;
server.keepAliveTimeout = 5_000;
server.setTimeout(30_000, (socket) => socket.destroy());
server.listen(port, values.host, () => {
	const address = server.address();
	console.log(\`listening on http://\${values.host}:\${address.port} (POST /predict, GET /health, GET /metadata)\`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
`;

export const DOCKERFILE = `# The model as a small HTTP service: docker build -t my-model . && docker run -p 8080:8080 my-model
FROM node:22-alpine
WORKDIR /app
# The files stay owned by root and read-only to the service, which runs as the image's unprivileged user.
COPY . .
USER node
ENV NODE_ENV=production
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://127.0.0.1:8080/health || exit 1
CMD ["node", "serve.js", "--host", "0.0.0.0", "--port", "8080"]
`;
