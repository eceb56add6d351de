// The `benchtop` launcher: it runs the compiled copy in dist/cli/ only while that copy is current, and
// `benchtop --version` spawned as a user runs it answers with package.json's version either way.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { compiledIsCurrent } from '../../../src/cli/compiled-cli.js';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A checkout with one source and a compiled folder built at `builtAt` from it. */
function checkout(builtAt: number, inputs = ['src/a.ts']): { root: URL; compiled: URL; source: string } {
	const dir = mkdtempSync(join(tmpdir(), 'benchtop-launcher-'));
	dirs.push(dir);
	mkdirSync(join(dir, 'src'));
	mkdirSync(join(dir, 'dist', 'cli'), { recursive: true });
	const source = join(dir, 'src', 'a.ts');
	writeFileSync(source, 'export {};\n');
	utimesSync(source, new Date(builtAt - 60_000), new Date(builtAt - 60_000));
	writeFileSync(join(dir, 'dist', 'cli', 'inputs.json'), JSON.stringify({ builtAt, inputs }));
	const root = pathToFileURL(`${dir}/`);
	return { root, compiled: new URL('dist/cli/', root), source };
}

describe('compiledIsCurrent', () => {
	it('is true while every source is older than the build', () => {
		const { root, compiled } = checkout(Date.now());
		expect(compiledIsCurrent(root, compiled)).toBe(true);
	});

	it('is false once a source is saved after the build', () => {
		const built = Date.now() - 10_000;
		const { root, compiled, source } = checkout(built);
		utimesSync(source, new Date(), new Date());
		expect(compiledIsCurrent(root, compiled)).toBe(false);
	});

	it('is false when a source is gone, or there is no compiled copy', () => {
		const { root, compiled } = checkout(Date.now(), ['src/a.ts', 'src/gone.ts']);
		expect(compiledIsCurrent(root, compiled)).toBe(false);
		expect(compiledIsCurrent(root, new URL('nowhere/', root))).toBe(false);
	});
});

describe('benchtop launcher', () => {
	it('--version prints the version in package.json', () => {
		const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
		const launcher = new URL('../../../src/cli/benchtop.js', import.meta.url);
		const out = execFileSync(process.execPath, [launcher.pathname, '--version'], { encoding: 'utf8' });
		expect(out).toBe(`${version}\n`);
	});
});
