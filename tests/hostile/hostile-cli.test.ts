// Issue 14's hostile inputs replayed through the CLI: each case's exact message, its exit code, and that
// nothing was written; zip bombs also run in a child process whose peak RSS must stay under 300 MB.
// Prints the figures the README reports (inputs tried, refused with a message, accepted correctly).
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
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
	const iris = await trainModel(work, 'iris', [
		sample('iris.csv'),
		'--target',
		'species',
		'--model',
		'mlp',
		'--epochs',
		'2'
	]);
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

/** The commands run in one child process; per command its exit code and the peak RSS so far. */
function measuredRuns(commands: string[][]): { code: number; rssMb: number; err: string[] }[] {
	const root = fileURLToPath(new URL('../../', import.meta.url));
	const list = join(work, 'measured-commands.json');
	writeFileSync(list, JSON.stringify(commands));
	const child = spawnSync(process.execPath, ['--import', 'tsx', 'tests/hostile/measured-cli.ts', list], {
		cwd: root,
		encoding: 'utf8'
	});
	if (child.status !== 0) throw new Error(`the measured child failed: ${child.stderr.slice(-500)}`);
	return child.stdout
		.trim()
		.split('\n')
		.map((line) => JSON.parse(line) as { code: number; peakRssKb: number; err: string[] })
		.map(({ code, peakRssKb, err }) => ({ code, rssMb: peakRssKb / 1024, err }));
}

describe('hostile inputs through the CLI (issue 14)', () => {
	it('each case gets its specific message and exit 1 and writes nothing, or is answered correctly', async () => {
		let refused = 0;
		let accepted = 0;
		for (const c of cases) {
			const { code, out, err } = await cli(c.args);
			if (c.message !== undefined) {
				expect(code, c.name).toBe(1);
				// train reports progress on stdout before it can find a bad target; others print nothing.
				if (c.args[0] !== 'train') expect(out, c.name).toEqual([]);
				// One error line, last (train's progress lines may come before it).
				const errors = err.filter((line) => line.startsWith('benchtop:'));
				expect(errors, c.name).toHaveLength(1);
				expect(err.at(-1), c.name).toBe(errors[0]);
				if (c.args[0] !== 'train') expect(err, c.name).toHaveLength(1);
				if (typeof c.message === 'string') expect(errors[0], c.name).toBe(c.message);
				else expect(errors[0], c.name).toMatch(c.message);
				expect(errors[0], c.name).not.toContain('Something went wrong');
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
		expect(bombs.length).toBeGreaterThanOrEqual(5);
		const runs = measuredRuns(bombs.map((c) => c.args));
		const figures = bombs.map((c, i) => {
			const { code, rssMb, err } = runs[i]!;
			expect(code, `${c.name}: ${err.join(' ')}`).toBe(c.message === undefined ? 0 : 1);
			expect(rssMb, c.name).toBeLessThan(MAX_RSS_MB);
			return `${c.name}: peak ${rssMb.toFixed(0)} MB`;
		});
		console.log(`peak RSS of one CLI process running the zip-bomb cases in turn:\n  ${figures.join('\n  ')}`);
	}, 120_000);
});
