// Cross-origin isolation: a page served with these two headers gets SharedArrayBuffer, which the fused
// dense engine's threads need (src/lib/core/train/fused/threaded-dense-engine.ts). `vite dev`, `vite
// preview` and `npm start` send them (vite.config.ts); static hosts that can set headers send them from
// their config (README: Netlify and Cloudflare Pages `_headers`, nginx); where a host cannot (GitHub
// Pages), the offline service worker adds them to the responses it answers, so a page it controls (from
// the second load on) is isolated too.

/** COOP same-origin + COEP require-corp: the pair that makes a page cross-origin isolated in every browser
 * that supports isolation (credentialless is Chromium and Firefox only). The site loads only its own
 * files, which require-corp allows; a typed Link import fetches in CORS mode, which it allows too. */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Embedder-Policy': 'require-corp'
};

/** `response` with the isolation headers set (and the rest kept); an opaque or error response (status 0)
 * cannot be rebuilt and comes back as it was. */
export function withIsolationHeaders(response: Response): Response {
	if (response.status === 0) return response;
	const headers = new Headers(response.headers);
	for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
	const { status, statusText } = response;
	// A null-body status (204, 304) must be rebuilt without a body.
	const body = [101, 204, 205, 304].includes(status) ? null : response.body;
	return new Response(body, { status, statusText, headers });
}
