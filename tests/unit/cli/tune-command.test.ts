// `benchtop tune` through main(): the --json contract, the winner written as train writes a model, the same
// trials with one worker thread and two, and the one-line errors.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { parseDuration, parseTuneOptions } from '../../../src/cli/tune-options.ts';

const sample = (name: string) => fileURLToPath(new URL(`../../../sample-datasets/${name}`, import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'benchtop-tune-'));

interface TuneJson {
	trials: {
		params: Record<string, unknown>;
		metrics: Record<string, number>;
		duration_ms: number;
		status: string;
	}[];
	best: { params: Record<string, unknown>; validation: Record<string, number>; test: Record<string, number> };
	seed: number;
}

async function tune(args: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await main(['tune', ...args], { out: (t) => out.push(t), err: (t) => err.push(t) });
	return { code, out, err };
}

const space = join(workDir, 'space.json');
writeFileSync(
	space,
	JSON.stringify({
		params: {
			family: { type: 'choice', options: ['linear', 'mlp'] },
			units: { type: 'int', low: 4, high: 32, log: true },
			learningRate: { type: 'real', low: 0.003, high: 0.05, log: true }
		}
	})
);

describe('benchtop tune', () => {
	it('prints the --json contract, writes the winner, and repeats with two worker threads', async () => {
		const args = [
			sample('iris.csv'),
			'--target',
			'species',
			'--space',
			space,
			'--trials',
			'4',
			'--strategy',
			'random',
			// One validation split: a trial's stored run then scores what the trial's record says.
			'--folds',
			'0',
			'--json'
		];
		const one = await tune([...args, '--out', join(workDir, 'winner')]);
		expect(one.code).toBe(0);
		const json = JSON.parse(one.out.join('\n')) as TuneJson;
		expect(Object.keys(json)).toEqual(['trials', 'best', 'seed']);
		expect(json.seed).toBe(42);
		expect(json.trials).toHaveLength(4);
		// The first trial is the default MLP's width and learning rate, as near as the space allows.
		expect(json.trials[0]!.params).toEqual({ family: 'mlp', units: 32, learningRate: 0.01 });
		for (const trial of json.trials) {
			expect(Object.keys(trial)).toEqual(['params', 'metrics', 'duration_ms', 'status']);
			expect(trial.status).toBe('completed');
			expect(trial.metrics.accuracy).toBeGreaterThanOrEqual(0);
		}
		expect(Object.keys(json.best)).toEqual(['params', 'validation', 'test']);
		const bestValidation = Math.max(...json.trials.map((t) => t.metrics.accuracy!));
		expect(json.best.validation.accuracy).toBe(bestValidation);
		expect(json.best.test.accuracy).toBeGreaterThan(0.8);
		const written = JSON.parse(readFileSync(join(workDir, 'winner', 'benchtop.json'), 'utf8'));
		expect(written.spec.family).toBe(json.best.params.family);
		expect(existsSync(join(workDir, 'winner', 'model.json'))).toBe(true);
		// Every completed trial's model (4 here, at most 10) under trials/, marked with its search and trial.
		const trialRecord = (dir: string, trial: number) =>
			JSON.parse(readFileSync(join(workDir, dir, 'trials', `trial-00${trial}`, 'benchtop.json'), 'utf8'))
				.run as { trial: number; search: string; metrics: { validation: { accuracy: number } } };
		expect(readdirSync(join(workDir, 'winner', 'trials'))).toEqual([
			'trial-000',
			'trial-001',
			'trial-002',
			'trial-003'
		]);
		for (const trial of [0, 1, 2, 3]) {
			const run = trialRecord('winner', trial);
			expect(run.trial).toBe(trial);
			expect(run.search).toMatch(/^tune-[0-9a-f]{12}-random-42$/);
			expect(run.metrics.validation.accuracy).toBe(json.trials[trial]!.metrics.accuracy);
		}
		const two = await tune([...args, '--workers', '2', '--out', join(workDir, 'winner-2')]);
		const figures = (j: TuneJson) =>
			JSON.stringify({ t: j.trials.map((t) => [t.params, t.metrics, t.status]), b: j.best });
		expect(figures(JSON.parse(two.out.join('\n')))).toBe(figures(json));
		// The worker threads send the trials' runs back too.
		expect(trialRecord('winner-2', 2).metrics.validation.accuracy).toBe(
			trialRecord('winner', 2).metrics.validation.accuracy
		);
	}, 180_000);

	it('prints a leaderboard and the winner', async () => {
		const { code, out } = await tune([
			sample('iris.csv'),
			'--target',
			'species',
			'--space',
			space,
			'--trials',
			'3',
			'--strategy',
			'grid'
		]);
		expect(code).toBe(0);
		// iris is small: every trial is scored by 5-fold cross-validation unless --folds says otherwise.
		expect(out[0]).toMatch(/selecting on the 5-fold mean validation accuracy$/);
		expect(out.join('\n')).toMatch(
			/3 trials in .* s \(0 pruned, 0 failed\); trials saw 120 rows, 30 test rows kept apart/
		);
		expect(out.join('\n')).toMatch(/best: trial \d, family=linear/);
		expect(out.join('\n')).toMatch(
			/test \(scored once, by the winner retrained on all 120 search rows\): accuracy/
		);
		// A drawn search says where it starts; a grid (above) has no starting trial.
		const drawn = await tune([sample('iris.csv'), '--target', 'species', '--space', space, '--trials', '1']);
		expect(drawn.out[0]).toMatch(/; trial 0 is the default model, as near as the space allows$/);
		expect(drawn.out.join('\n')).toMatch(/best: trial 0, family=mlp units=32 learningRate=0\.01$/m);
	}, 120_000);

	it('selects on the k-fold mean with --folds', async () => {
		const { code, out } = await tune([
			sample('iris.csv'),
			'--target',
			'species',
			'--space',
			space,
			'--trials',
			'2',
			'--strategy',
			'random',
			'--folds',
			'3',
			'--json'
		]);
		expect(code).toBe(0);
		const json = JSON.parse(out.join('\n')) as TuneJson;
		expect(json.trials).toHaveLength(2);
		// A mean of three folds of 40 rows each, over the five epochs the score is judged on (common-epoch.ts):
		// a multiple of 1/600 for accuracy.
		for (const t of json.trials) {
			const rows = t.metrics.accuracy! * 600;
			expect(Math.abs(rows - Math.round(rows))).toBeLessThan(1e-6);
		}
		expect(json.best.test.accuracy).toBeGreaterThan(0.8);
	}, 120_000);

	it('selects on macro F1 with --metric f1_macro, and refuses a metric the task has not', async () => {
		const args = [sample('seattle-weather.csv'), '--target', 'weather', '--space', space, '--trials', '2'];
		const { code, out } = await tune([...args, '--metric', 'f1_macro', '--folds', '3']);
		expect(code).toBe(0);
		expect(out[0]).toMatch(/selecting on the 3-fold mean validation f1_macro;/);
		expect(out.join('\n')).toMatch(/ {2}# {2}trial {2}status {5}val f1_macro/);
		const json = JSON.parse(
			(await tune([...args, '--metric', 'f1_macro', '--folds', '3', '--json'])).out.join('\n')
		) as TuneJson;
		// The best trial's validation figures hold the score it won on; the test rows are scored on it too.
		const best = Math.max(...json.trials.map((t) => t.metrics.f1_macro!));
		expect(json.best.validation.f1_macro).toBe(best);
		expect(typeof json.best.test.f1_macro).toBe('number');
		const wrong = await tune([sample('diabetes.csv'), '--target', 'progression', '--metric', 'f1_macro']);
		expect(wrong.code).not.toBe(0);
		expect(wrong.err.join('\n')).toMatch(
			/A regression search cannot select on macro F1: it compares trials on R²/
		);
	}, 120_000);

	it('gives in --json only the params that shaped each model', async () => {
		const linearSpace = join(workDir, 'linear-space.json');
		writeFileSync(
			linearSpace,
			JSON.stringify({
				params: {
					family: { type: 'choice', options: ['linear'] },
					units: { type: 'int', low: 4, high: 32 },
					learningRate: { type: 'real', low: 0.003, high: 0.05, log: true },
					l2: { type: 'real', low: 0.001, high: 0.01, log: true }
				}
			})
		);
		const args = ['--space', linearSpace, '--trials', '2', '--strategy', 'random', '--folds', '0', '--json'];
		const diabetes = await tune([sample('diabetes.csv'), '--target', 'progression', ...args]);
		expect(diabetes.code).toBe(0);
		const solved = JSON.parse(diabetes.out.join('\n')) as TuneJson;
		// A ridge solved in closed form: no layers, and no learning rate it never used.
		for (const t of [...solved.trials, solved.best])
			expect(Object.keys(t.params).sort()).toEqual(['family', 'l2']);
		const iris = await tune([sample('iris.csv'), '--target', 'species', ...args]);
		const stepped = JSON.parse(iris.out.join('\n')) as TuneJson;
		// Logistic regression trains by gradient steps: its learning rate counts, its drawn units do not.
		for (const t of [...stepped.trials, stepped.best])
			expect(Object.keys(t.params).sort()).toEqual(['family', 'l2', 'learningRate']);
	}, 120_000);

	it('refuses bad options in one line', () => {
		expect(() => parseTuneOptions(['x.csv'])).toThrow(/tune needs --target/);
		expect(() => parseTuneOptions(['x.csv', '--target', 'y', '--strategy', 'bayes'])).toThrow(
			/--strategy must be one of grid, random, tpe, asha/
		);
		expect(() => parseTuneOptions(['x.csv', '--target', 'y', '--workers', '9'])).toThrow(/from 1 to 4/);
		expect(() => parseTuneOptions(['x.csv', '--target', 'y', '--time', 'soon'])).toThrow(
			/--time must be a duration/
		);
		expect(parseDuration('2m')).toBe(120_000);
		expect(parseDuration('90')).toBe(90_000);
		expect(parseTuneOptions(['x.csv', '--target', 'y', '--time', '60s']).trials).toBeUndefined();
		expect(parseTuneOptions(['x.csv', '--target', 'y']).trials).toBe(20);
		expect(parseTuneOptions(['x.csv', '--target', 'y', '--folds', '5']).folds).toBe(5);
		expect(parseTuneOptions(['x.csv', '--target', 'y', '--folds', '0']).folds).toBe(0);
		expect(parseTuneOptions(['x.csv', '--target', 'y']).folds).toBeUndefined();
		expect(() => parseTuneOptions(['x.csv', '--target', 'y', '--folds', '1'])).toThrow(
			/--folds must be a whole number from 2 to 10/
		);
		expect(parseTuneOptions(['x.csv', '--target', 'y', '--metric', 'f1_macro']).metric).toBe('f1_macro');
		expect(parseTuneOptions(['x.csv', '--target', 'y']).metric).toBeUndefined();
		expect(() => parseTuneOptions(['x.csv', '--target', 'y', '--metric', 'f1'])).toThrow(
			/--metric must be one of accuracy, f1_macro, r2/
		);
	});

	it('says why a test metric is missing', async () => {
		// Iris with one flower of a class of its own: the search rows keep it, so the test rows lack a class
		// and its one-vs-rest ROC AUC has no positive sample.
		const lines = readFileSync(sample('iris.csv'), 'utf8').trimEnd().split('\n');
		lines[7] = lines[7]!.replace(/[^,]+$/, 'hybrid');
		const file = join(workDir, 'iris-hybrid.csv');
		writeFileSync(file, lines.join('\n'));
		const { code, out } = await tune([file, '--target', 'species', '--space', space, '--trials', '1']);
		expect(code).toBe(0);
		expect(out.join('\n')).toMatch(/roc_auc null/);
		expect(out.join('\n')).toMatch(/note: roc_auc is undefined: some class never occurs in the test split/);
	});

	it('says what is wrong with a space file', async () => {
		const bad = join(workDir, 'bad.json');
		writeFileSync(bad, JSON.stringify({ params: { units: { type: 'real', low: 1, high: 8 } } }));
		const { code, err } = await tune([sample('iris.csv'), '--target', 'species', '--space', bad]);
		expect(code).not.toBe(0);
		expect(err.join('\n')).toMatch(/units takes whole numbers/);
	});
});
