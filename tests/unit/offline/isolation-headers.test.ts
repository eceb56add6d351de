import { describe, expect, it } from 'vitest';
import { ISOLATION_HEADERS, withIsolationHeaders } from '../../../src/lib/offline/isolation-headers.ts';

describe('withIsolationHeaders', () => {
	it('adds COOP same-origin and COEP require-corp and keeps the status, the other headers and the body', async () => {
		const original = new Response('<p>hi</p>', {
			status: 200,
			statusText: 'OK',
			headers: { 'Content-Type': 'text/html', 'Cross-Origin-Embedder-Policy': 'unsafe-none' }
		});
		const isolated = withIsolationHeaders(original);
		expect(isolated.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
		expect(isolated.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
		expect(isolated.headers.get('Content-Type')).toBe('text/html');
		expect(isolated.status).toBe(200);
		expect(await isolated.text()).toBe('<p>hi</p>');
		expect(Object.keys(ISOLATION_HEADERS)).toHaveLength(2);
	});

	it('rebuilds a null-body status without a body and leaves an opaque response as it was', () => {
		const notModified = withIsolationHeaders(new Response(null, { status: 304 }));
		expect(notModified.status).toBe(304);
		expect(notModified.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
		const opaque = Response.error();
		expect(withIsolationHeaders(opaque)).toBe(opaque);
	});
});
