import { describe, expect, it } from 'vitest';
import {
	cachedPathFor,
	fallbackPage,
	isImmutable,
	precacheList,
	workerFilesUnder
} from '../../../src/lib/offline/cache-plan.ts';
import { workerFiles } from '../../../src/lib/offline/worker-files-plugin.ts';

const ORIGIN = 'https://example.org';

describe('precacheList', () => {
	it('joins code, static files and pages once each', () => {
		expect(
			precacheList(
				['/studio/_app/immutable/a.js', '/studio/_app/immutable/a.js'],
				['/studio/favicon.svg'],
				['/studio/data']
			)
		).toEqual(['/studio/_app/immutable/a.js', '/studio/favicon.svg', '/studio/data']);
	});
});

describe('workerFilesUnder', () => {
	it('puts the listed root-relative names under the base path', () => {
		expect(workerFilesUnder('/studio', ['_app/immutable/workers/x.wasm'])).toEqual([
			'/studio/_app/immutable/workers/x.wasm'
		]);
		expect(workerFilesUnder('', ['/_app/immutable/workers/y.js'])).toEqual(['/_app/immutable/workers/y.js']);
	});
	it('refuses anything but a list of names', () => {
		expect(() => workerFilesUnder('', { files: [] })).toThrow('not a list of file names');
		expect(() => workerFilesUnder('', [1])).toThrow('not a list of file names');
	});
});

describe('workerFiles', () => {
	it('keeps only what the worker builds wrote', () => {
		expect(
			workerFiles([
				'_app/immutable/workers/b.js',
				'_app/immutable/chunks/c.js',
				'_app/immutable/workers/assets/a.wasm'
			])
		).toEqual(['_app/immutable/workers/assets/a.wasm', '_app/immutable/workers/b.js']);
	});
});

describe('cachedPathFor', () => {
	const stored = new Set(['/studio/', '/studio/data', '/studio/_app/immutable/app.js']);
	const at = (path: string, isPage: boolean, origin = ORIGIN) =>
		cachedPathFor(new URL(path, origin), ORIGIN, '/studio', stored, isPage);

	it('answers a page from its prerendered copy whatever its query, and the root with or without a slash', () => {
		expect(at('/studio/data?id=abc', true)).toBe('/studio/data');
		expect(at('/studio/data/', true)).toBe('/studio/data');
		expect(at('/studio', true)).toBe('/studio/');
		expect(at('/studio/', true)).toBe('/studio/');
	});
	it('answers a route that was never prerendered with the fallback shell', () => {
		expect(at('/studio/models/abc', true)).toBe(fallbackPage('/studio'));
	});
	it('leaves other origins, other sites on the same host and unknown files to the network', () => {
		expect(at('https://data.example.com/table.csv', false, 'https://data.example.com')).toBeUndefined();
		expect(at('/other-app/page', true)).toBeUndefined();
		expect(at('/studio/robots.txt', false)).toBeUndefined();
	});
	it('answers stored files, and content-hashed ones not stored yet (stored once fetched)', () => {
		expect(at('/studio/_app/immutable/app.js', false)).toBe('/studio/_app/immutable/app.js');
		expect(at('/studio/_app/immutable/workers/assets/w.wasm', false)).toBe(
			'/studio/_app/immutable/workers/assets/w.wasm'
		);
		expect(isImmutable('/studio/_app/version.json', '/studio')).toBe(false);
	});
	it('works at the site root (no base path)', () => {
		expect(cachedPathFor(new URL('/train?id=1', ORIGIN), ORIGIN, '', new Set(['/', '/train']), true)).toBe(
			'/train'
		);
		expect(cachedPathFor(new URL('/', ORIGIN), ORIGIN, '', new Set(['/']), true)).toBe('/');
	});
});
