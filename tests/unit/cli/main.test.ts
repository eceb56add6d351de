import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { SAMPLE_DATASETS } from '../../../src/lib/core/data/sample-manifest.ts';

function capture() {
	const out: string[] = [];
	const err: string[] = [];
	return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('benchtop CLI', () => {
	it('prints help with the commands and exits 0', async () => {
		const { io, out } = capture();
		expect(await main(['--help'], io)).toBe(0);
		expect(out.join('\n')).toMatch(/Usage: benchtop <command>/);
		expect(out.join('\n')).toMatch(/samples/);
	});

	it('prints the package version', async () => {
		const { io, out } = capture();
		expect(await main(['--version'], io)).toBe(0);
		expect(out[0]).toMatch(/^\d+\.\d+\.\d+$/);
	});

	it('answers an unknown command with one line on stderr and exit 1', async () => {
		const { io, out, err } = capture();
		expect(await main(['frobnicate'], io)).toBe(1);
		expect(out).toEqual([]);
		expect(err).toEqual(['benchtop: unknown command "frobnicate" (run benchtop --help for the list)']);
	});

	it('lists the samples as JSON', async () => {
		const { io, out } = capture();
		expect(await main(['samples', '--json'], io)).toBe(0);
		const listed = JSON.parse(out.join('\n')) as { id: string; path: string }[];
		expect(listed.map((s) => s.id)).toEqual(SAMPLE_DATASETS.map((s) => s.id));
		expect(listed[0]!.path).toMatch(/sample-datasets\/iris\.csv$/);
	});

	it('reports a bad option without a stack trace', async () => {
		const { io, err } = capture();
		expect(await main(['samples', '--bogus'], io)).toBe(1);
		expect(err).toEqual(['benchtop: unknown option --bogus for samples']);
	});

	it('prints a command’s usage with --help', async () => {
		const out: string[] = [];
		const io = { out: (t: string) => out.push(t), err: () => undefined };
		expect(await main(['profile', '--help'], io)).toBe(0);
		expect(out[0]).toMatch(/^Usage: benchtop profile <file> \[--recipe <recipe\.json>\] \[--json\]/);
	});
});
