// Issue 14's hostile inputs replayed through the CLI: each case's exact message, its exit code, and that
// nothing was written; zip bombs also run in a child process whose peak RSS must stay under 300 MB.
// Prints the figures the README reports (inputs tried, refused with a message, accepted correctly).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, sample, workFolder } from '../unit/cli/model-fixtures.ts';
import { hostileCases, type HostileCase } from './hostile-cases.ts';

const work = workFolder('hostile');
let cases: HostileCase[] = [];
const MAX_RSS_MB = 300;

/** `benchtop train … --out`; advice on stderr (few epochs) is fine here, a failure is not. */
async function trainModel(folder: string, name: string, args: string[]): Promise<string> {
	const dir = join(folder, name);
	const { code, err } = await cli(['train', ...args, '--out', dir, '--seed', '3', '--json']);
	expect(code, err.join('\n')).toBe(0);
	return dir;
}

beforeAll(async () => {
	const iris = await trainModel(work, 'iris', [sample('iris.csv'), '--target', 'species', '--epochs', '2']);
	const regression = await trainModel(work, 'diabetes', [
		sample('diabetes.csv'),
		'--target',
		'progression',
		'--model',
		'linear',
		'--epochs',
		'2'
	]);
	cases = await hostileCases(join(work, 'cases'), {
		iris,
		irisCsv: sample('iris.csv'),
		regression,
		regressionCsv: sample('diabetes.csv')
	});
}, 120_000);

function measuredRun(args: string[]): { code: number | null; stderr: string; rssMb: number } {
	const root = fileURLToPath(new URL('../../', import.meta.url));
	const child = spawnSync(process.execPath, ['--import', 'tsx', 'tests/hostile/measured-cli.ts', ...args], {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	const rss = /peak-rss-kb (\d+)\s*$/.exec(child.stderr);
	if (!rss) throw new Error(`no RSS figure from the child: ${child.stderr.slice(-500)}`);
	return { code: child.status, stderr: child.stderr, rssMb: Number(rss[1]) / 1024 };
}

describe('hostile inputs through the CLI (issue 14)', () => {
	it('each case gets its specific message and exit 1 and writes nothing, or is answered correctly', async () => {
		let refused = 0;
		let accepted = 0;
		for (const c of cases) {
			const { code, out, err } = await cli(c.args);
			if (c.message !== undefined) {
				expect(code, c.name).toBe(1);
				expect(out, c.name).toEqual([]);
				expect(err, c.name).toHaveLength(1);
				if (typeof c.message === 'string') expect(err[0], c.name).toBe(c.message);
				else expect(err[0], c.name).toMatch(c.message);
				expect(err[0], c.name).not.toContain('Something went wrong');
				refused++;
			} else {
				expect(code, `${c.name}: ${err.join(' ')}`).toBe(0);
				c.accepted!(out);
				accepted++;
			}
			if (c.mustNotWrite) expect(existsSync(c.mustNotWrite), c.name).toBe(false);
		}
		console.log(
			`hostile CLI inputs: ${cases.length} tried, ${refused} refused with a message, ${accepted} accepted correctly`
		);
		expect(refused + accepted).toBe(cases.length);
	}, 120_000);

	it(`zip bombs: the CLI's peak RSS stays under ${MAX_RSS_MB} MB`, () => {
		const bombs = cases.filter((c) => c.bomb);
		expect(bombs.length).toBeGreaterThanOrEqual(4);
		const figures: string[] = [];
		for (const c of bombs) {
			const { code, stderr, rssMb } = measuredRun(c.args);
			expect(code, `${c.name}: ${stderr}`).toBe(c.message === undefined ? 0 : 1);
			expect(rssMb, c.name).toBeLessThan(MAX_RSS_MB);
			figures.push(`${c.name}: ${rssMb.toFixed(0)} MB`);
		}
		console.log(`peak RSS under zip bombs:\n  ${figures.join('\n  ')}`);
	}, 120_000);
});
