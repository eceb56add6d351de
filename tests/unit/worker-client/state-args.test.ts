// Issue 14: a Svelte `$state` value handed to a worker must arrive, not throw "could not be cloned".
// `$state(x)` compiles, for the browser, to `proxy(x)` from svelte/internal/client; tests compile for the
// server, where `$state` makes no proxy, so the browser's proxy is made here directly.
// @ts-expect-error -- svelte ships no types for its internals
// eslint-disable-next-line svelte/no-svelte-internal -- the test needs the very proxy the page makes
import { proxy as svelteProxy } from 'svelte/internal/client';
import { describe, expect, it } from 'vitest';
import { cloneableCopy } from '../../../src/lib/worker-client/cloneable-args.ts';
import { WorkerClient } from '../../../src/lib/worker-client/worker-client.ts';
import { createFakeWorker } from './fake-worker.ts';

const proxy = svelteProxy as <T>(value: T) => T;

const echoApi = {
	echo: async (...args: unknown[]) => args
};

function client() {
	return new WorkerClient<typeof echoApi>(() => createFakeWorker(echoApi), { name: 'echo worker' });
}

describe('state passed to a worker', () => {
	it('is a Proxy that structuredClone refuses, as in the browser', () => {
		const spec = proxy<{ sort?: { column: string; descending: boolean } }>({});
		spec.sort = { column: 'sepal_length', descending: false };
		expect(() => structuredClone({ ...spec })).toThrow(/could not be cloned/);
	});

	it('makes the raw comlink call fail the way the page did', async () => {
		const spec = proxy<{ sort?: { column: string } }>({});
		spec.sort = { column: 'sepal_length' };
		const { wrap } = await import('comlink');
		const raw = wrap<typeof echoApi>(createFakeWorker(echoApi) as unknown as Worker);
		await expect(raw.echo({ ...spec })).rejects.toThrow(/could not be cloned/);
	});

	it('reaches the worker through WorkerClient after a sort, as a filter spec (the Data page case)', async () => {
		const spec = proxy<{ sort?: { column: string; descending: boolean }; filter?: unknown }>({});
		spec.sort = { column: 'sepal_length', descending: false };
		const next = { ...spec, filter: { column: 'species', op: 'contains', value: 'setosa' } };
		const [received] = await client().run((api) => api.echo(next));
		expect(received).toEqual({
			sort: { column: 'sepal_length', descending: false },
			filter: { column: 'species', op: 'contains', value: 'setosa' }
		});
	});

	it('keeps typed arrays and Blobs as they are, next to copied state', async () => {
		const schema = proxy([{ name: 'a', type: 'number' }]);
		const bytes = new Uint8Array([1, 2, 3]);
		const [gotSchema, gotBytes] = await client().run((api) => api.echo(schema, bytes));
		expect(gotSchema).toEqual([{ name: 'a', type: 'number' }]);
		expect(gotBytes).toBeInstanceOf(Uint8Array);
		expect(Array.from(gotBytes as Uint8Array)).toEqual([1, 2, 3]);
	});
});

describe('a DataRef in a job', () => {
	it('keeps its Blob itself (no copy of the bytes) while the job around it is copied out of state', () => {
		const blob = new Blob([new Uint8Array([1, 2, 3])], { type: 'application/vnd.apache.arrow.file' });
		const job = proxy({ data: { kind: 'memory', id: 'v1', blob }, columns: ['a'] });
		const out = cloneableCopy(job);
		expect(out).not.toBe(job);
		expect(out.data.blob).toBe(blob);
		expect(out.columns).toEqual(['a']);
	});

	it('reaches the worker with the Blob’s bytes', async () => {
		const blob = new Blob([new Uint8Array([7, 8, 9])]);
		const job = proxy({ data: { kind: 'memory', id: 'v1', blob } });
		const [received] = await client().run((api) => api.echo(job));
		const data = (received as { data: { kind: string; id: string; blob: Blob } }).data;
		expect(data.kind).toBe('memory');
		expect(data.id).toBe('v1');
		expect(Array.from(new Uint8Array(await data.blob.arrayBuffer()))).toEqual([7, 8, 9]);
	});
});

describe('cloneableCopy', () => {
	it('copies nested state so structuredClone accepts it, keeping shared and cyclic references', () => {
		const state = proxy({ rows: [[1, 2], [3]], meta: { name: 'x' } as Record<string, unknown> });
		const copied = cloneableCopy(state);
		expect(structuredClone(copied)).toEqual({ rows: [[1, 2], [3]], meta: { name: 'x' } });
		const cyclic: Record<string, unknown> = { name: 'loop' };
		cyclic.self = cyclic;
		const out = cloneableCopy(cyclic);
		expect(out.self).toBe(out);
	});

	it('passes through class instances, Dates and Maps untouched', () => {
		const date = new Date(0);
		const map = new Map([[1, 2]]);
		const out = cloneableCopy({ date, map });
		expect(out.date).toBe(date);
		expect(out.map).toBe(map);
	});
});

describe('every page-to-worker message goes through WorkerClient', () => {
	it('finds no Worker, postMessage or comlink wrap outside src/lib/worker-client and worker-protocol', async () => {
		const { readdir, readFile } = await import('node:fs/promises');
		const { join } = await import('node:path');
		const offenders: string[] = [];
		async function scan(dir: string): Promise<void> {
			for (const entry of await readdir(dir, { withFileTypes: true })) {
				const path = join(dir, entry.name);
				if (entry.isDirectory()) {
					// worker-protocol holds comlink's handlers both sides install (errors, progress), not messages.
					const boundary = [join('src', 'lib', 'worker-client'), join('src', 'lib', 'worker-protocol')];
					if (!boundary.includes(path)) await scan(path);
				} else if (/\.(ts|svelte)$/.test(entry.name)) {
					const text = await readFile(path, 'utf8');
					if (/new Worker\(|\.postMessage\(|from 'comlink'/.test(text)) offenders.push(path);
				}
			}
		}
		// The page's code; the CLI (src/cli) runs its own Node worker threads, no page state near them.
		await scan(join('src', 'lib'));
		// Each of these would bypass the copy out of Svelte's state proxies, and each posts to something
		// that is not a studio worker, with plain data built on the spot:
		expect(offenders.sort()).toEqual(
			[
				// the new service worker's 'skip-waiting' message
				join('src', 'lib', 'components', 'UpdateBanner.svelte'),
				// model.js and the snippet's text to the sandboxed embed-preview frame
				join('src', 'lib', 'components', 'export', 'EmbedPreview.svelte'),
				// a usage example inside the exported bundle's README text
				join('src', 'lib', 'core', 'export', 'readme-file.ts'),
				// the BroadcastChannel that tells other tabs a model changed
				join('src', 'lib', 'core', 'registry', 'model-events.ts'),
				// `null` to itself on a MessageChannel, to yield a task
				join('src', 'lib', 'core', 'train', 'yield-to-event-loop.ts')
			].sort()
		);
	});

	it('finds no copy of a version’s bytes made to hand it to a worker (a DataRef carries its Blob instead)', async () => {
		const { readdir, readFile } = await import('node:fs/promises');
		const { join } = await import('node:path');
		const offenders: string[] = [];
		async function scan(dir: string): Promise<void> {
			for (const entry of await readdir(dir, { withFileTypes: true })) {
				const path = join(dir, entry.name);
				if (entry.isDirectory()) await scan(path);
				else if (/\.(ts|svelte)$/.test(entry.name)) {
					const text = await readFile(path, 'utf8');
					if (/arrow\?\.slice\(|arrow\?: Uint8Array|registry\.persistent/.test(text)) offenders.push(path);
				}
			}
		}
		await scan(join('src', 'lib', 'components'));
		await scan('workers');
		expect(offenders).toEqual([]);
	});
});
