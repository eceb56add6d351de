// `benchtop tune <file> --target <col>`: a hyperparameter search with the studio's core (core/tune): the test
// rows cut off first, trials compared on validation rows, the winner trained on every search row and scored
// once on the test rows, then written with --out as `benchtop train --out` writes a model. The --json form
// is a contract for pipelines: { trials: [{ params, metrics, duration_ms, status }], best: { params,
// validation, test }, seed }. Its params are those that shaped the model, as the leaderboard prints them: a
// linear trial's drawn layer sizes (and, solved exactly, its learning rate) would read as if they mattered.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { importTable } from '../lib/core/data/import/index.ts';
import { BenchtopError } from '../lib/core/errors.ts';
import { runNeedsConvolutions } from '../lib/core/models/needs-convolutions.ts';
import type { TrainingOutcome } from '../lib/core/train/run-training.ts';
import { describeTask } from '../lib/core/train/training-request.ts';
import { splitScore } from '../lib/core/tune/finalists.ts';
import type { TrialRecord } from '../lib/core/tune/search.ts';
import { selectionFolds, selectionMetric } from '../lib/core/tune/selection.ts';
import { parseSearchSpace } from '../lib/core/tune/space.ts';
import { opensWithDefaults } from '../lib/core/tune/starting-trial.ts';
import { relevantParams, scoreText, trialValuesText } from '../lib/core/tune/trial-request.ts';
import { admitTrial, type TrialRun } from '../lib/core/tune/trial-runs.ts';
import { tune, type TuneRequest, type TuneResult } from '../lib/core/tune/tune.ts';
import { BENCHTOP_VERSION } from '../lib/core/version.ts';
import type { CliIo, CommandRunner } from './commands.ts';
import { writeModelFiles } from './model-files.ts';
import { useNodeBackend } from './node-backend.ts';
import { readRecipeFile } from './read-recipe.ts';
import { parseTuneOptions } from './tune-options.ts';
import { startTrialThreads } from './tune-workers.ts';

/** Rows of the leaderboard printed; the rest are counted. */
const LEADERBOARD_ROWS = 10;

function readSpace(path: string) {
	if (!existsSync(path)) throw new BenchtopError('bad-input', `--space: no such file: ${path}`);
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(path, 'utf8'));
	} catch (error) {
		throw new BenchtopError(
			'bad-input',
			`--space: ${basename(path)} is not JSON (${(error as Error).message})`
		);
	}
	return parseSearchSpace(json);
}

/** A metric set without its row count and per-output detail: what the JSON and the table show. */
function plainMetrics(metrics: Record<string, unknown> | undefined): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(metrics ?? {}))
		if (name !== 'rows' && name !== 'outputs' && name !== 'notes') out[name] = value;
	return out;
}

const show = (value: unknown) =>
	typeof value === 'number' ? Number(value.toPrecision(4)).toString() : String(value);

function paramsText(record: TrialRecord): string {
	return Object.entries(relevantParams(record.params, record.solvedExactly))
		.map(([name, value]) => `${name}=${show(value)}`)
		.join(' ');
}

/** Best first: the re-checked finalists (on their folds' mean), the other completed trials, then pruned and
 * failed ones. */
export function leaderboard(trials: readonly TrialRecord[]): TrialRecord[] {
	const rank = (t: TrialRecord) =>
		t.status === 'completed' ? (t.recheck ? 0 : 1) : t.status === 'pruned' ? 2 : 3;
	return [...trials].sort(
		(a, b) =>
			rank(a) - rank(b) ||
			(b.value ?? -Infinity) - (a.value ?? -Infinity) ||
			(b.tiebreak ?? -Infinity) - (a.tiebreak ?? -Infinity) ||
			a.trial - b.trial
	);
}

function printLeaderboard(io: CliIo, result: TuneResult, metric: string): void {
	const rows = leaderboard(result.state.trials);
	const folds = rows.find((t) => t.recheck)?.recheck?.folds;
	const recheckHead = folds ? `  ${`${folds}-fold`.padEnd(7)}` : '';
	io.out(`  #  trial  status     val ${metric.padEnd(8)}${recheckHead}  time     params`);
	for (const [i, t] of rows.slice(0, LEADERBOARD_ROWS).entries()) {
		const split = t.status === 'failed' ? null : splitScore(t);
		const recheck = folds
			? `  ${(t.recheck ? scoreText(t.value!) : t.recheckFailed ? 'failed' : '–').padEnd(7)}`
			: '';
		io.out(
			`${String(i + 1).padStart(3)}  ${String(t.trial).padStart(5)}  ${t.status.padEnd(9)}  ${(split === null || !Number.isFinite(split) ? '–' : scoreText(split)).padEnd(12)}${recheck}  ${`${(t.durationMs / 1000).toFixed(1)} s`.padEnd(7)}  ${trialValuesText(t, paramsText(t))}`
		);
	}
	if (rows.length > LEADERBOARD_ROWS) io.out(`  … and ${rows.length - LEADERBOARD_ROWS} more trials`);
	for (const t of rows.filter((r) => r.recheckFailed))
		io.out(
			`  trial ${t.trial}'s re-check did not finish (${t.recheckFailed}): it keeps its validation score`
		);
	if (folds)
		io.out(
			`  the best ${rows.filter((t) => t.recheck).length} by validation ${metric} were re-checked by ${folds}-fold cross-validation on the search rows; the winner is the best of those on its mean`
		);
}

function jsonResult(result: TuneResult, seed: number) {
	return {
		trials: result.state.trials.map((t) => ({
			params: relevantParams(t.params, t.solvedExactly),
			metrics: plainMetrics(t.metrics),
			duration_ms: t.durationMs,
			status: t.status
		})),
		best: result.best
			? {
					params: relevantParams(result.best.params, result.best.solvedExactly),
					validation: plainMetrics(result.best.metrics),
					test: plainMetrics(result.final?.run.metrics.test)
				}
			: null,
		seed
	};
}

/** A trial's folder under --out/trials: numbered to three places so a listing sorts by trial. */
export function trialFolder(trial: number): string {
	return `trial-${String(trial).padStart(3, '0')}`;
}

/** The best trials' runs, held while the search runs (admitTrial decides), written at the end. */
function trialKeeper() {
	let kept: TrialRecord[] = [];
	const runs = new Map<number, TrialRun>();
	return {
		offer(record: TrialRecord, run: TrialRun) {
			const { keep, evict } = admitTrial(kept, record);
			for (const t of evict) runs.delete(t.trial);
			kept = kept.filter((t) => !evict.includes(t));
			if (!keep) return;
			kept.push(record);
			runs.set(record.trial, run);
		},
		runs: () => [...runs].sort((a, b) => a[0] - b[0])
	};
}

export const tuneCommand: CommandRunner = {
	async run(args, io) {
		const options = parseTuneOptions(args);
		const { file } = options;
		if (!existsSync(file) || !statSync(file).isFile())
			throw new BenchtopError('bad-input', `no such file: ${file}`);
		const space = options.space === undefined ? undefined : readSpace(options.space);
		const recipe = options.recipe === undefined ? undefined : readRecipeFile(options.recipe);
		const bytes = readFileSync(file);
		const hash = createHash('sha256').update(bytes).digest('hex');
		const input = await importTable(new Blob([bytes]), { fileName: basename(file) });
		const names = input.schema.map((c) => c.name);
		if (!names.includes(options.target))
			throw new BenchtopError(
				'bad-input',
				`--target ${options.target}: ${basename(file)} has no column “${options.target}” (its columns: ${names.join(', ')})`
			);
		const { task, reason } = describeTask(input, { targets: [options.target] });
		if (task === 'clustering') throw new BenchtopError('bad-input', 'tune compares models on a target.');
		const features = names.filter((n) => n !== options.target);
		const convolution = runNeedsConvolutions({ family: 'auto', features });
		const backend = await useNodeBackend(convolution);
		const request: TuneRequest = {
			targets: [options.target],
			task,
			strategy: options.strategy,
			seed: options.seed,
			budget: {
				...(options.trials === undefined ? {} : { trials: options.trials }),
				...(options.timeMs === undefined ? {} : { timeMs: options.timeMs })
			},
			testSize: options.testSize,
			...(options.folds === undefined ? {} : { folds: options.folds }),
			...(options.metric === undefined ? {} : { metric: options.metric }),
			searchId: `tune-${hash.slice(0, 12)}-${options.strategy}-${options.seed}`,
			...(space ? { space } : {}),
			...(recipe ? { recipe: recipe as TuneRequest['recipe'] } : {})
		};
		const metric = selectionMetric(task, options.metric);
		const folds = selectionFolds(request, input.table.numRows());
		if (!options.json) {
			const budget = [
				options.trials === undefined ? null : `${options.trials} trials`,
				options.timeMs === undefined ? null : `${options.timeMs / 1000} s`
			].filter(Boolean);
			io.out(
				`${basename(file)}: ${input.table.numRows().toLocaleString('en')} rows, ${task} (${reason}); ${options.strategy} search, ${budget.join(' or ')}, seed ${options.seed}, ${options.workers} worker${options.workers === 1 ? '' : 's'} on ${backend.name}; selecting on ${folds === undefined ? 'validation' : `the ${folds}-fold mean validation`} ${metric}${opensWithDefaults(options.strategy) ? '; trial 0 is the default model, as near as the space allows' : ''}`
			);
		}
		// With --out, the best trials' models are written too (trials/trial-<n>/), as the studio keeps them.
		const keeper = options.out === undefined ? null : trialKeeper();
		const threads =
			options.workers > 1
				? await startTrialThreads(options.workers, { file: resolve(file), hash, request, convolution })
				: null;
		let result: TuneResult;
		try {
			result = await tune(
				input,
				request,
				{
					dataset: { id: hash, hash, name: basename(file) },
					backend,
					versions: { benchtop: BENCHTOP_VERSION, tfjs: tf.version.tfjs }
				},
				{
					workers: options.workers,
					...(threads ? { runTrial: (job, _plan, wantRun) => threads.run(job, wantRun) } : {}),
					...(keeper ? { onTrialRun: keeper.offer } : {}),
					onTrial: options.json
						? undefined
						: (t) =>
								io.err(
									`trial ${t.trial}: ${t.status}${t.value === null ? '' : `, val ${metric} ${t.value.toFixed(4)}`} (${(t.durationMs / 1000).toFixed(1)} s)`
								)
				}
			);
		} finally {
			await threads?.close();
		}
		const final: TrainingOutcome | null = result.final;
		let written: string[] = [];
		const trialFolders: string[] = [];
		try {
			if (final && options.out !== undefined)
				written = await writeModelFiles(
					resolve(options.out),
					final,
					input.schema,
					`Benchtop ${BENCHTOP_VERSION} (TensorFlow.js ${tf.version.tfjs})`
				);
			if (keeper && options.out !== undefined)
				for (const [trial, kept] of keeper.runs()) {
					const folder = resolve(options.out, 'trials', trialFolder(trial));
					await writeModelFiles(
						folder,
						{ ...kept, model: null },
						input.schema,
						`Benchtop ${BENCHTOP_VERSION} (TensorFlow.js ${tf.version.tfjs})`
					);
					trialFolders.push(folder);
				}
		} finally {
			final?.model?.dispose();
		}
		if (options.json) {
			io.out(JSON.stringify(jsonResult(result, options.seed), null, 2));
			return result.best ? 0 : 1;
		}
		const { state, plan } = result;
		io.out(
			`${state.trials.length} trials in ${(state.elapsedMs / 1000).toFixed(1)} s (${state.trials.filter((t) => t.status === 'pruned').length} pruned, ${state.trials.filter((t) => t.status === 'failed').length} failed); trials saw ${plan.data.rows.search} rows, ${plan.data.rows.test} test rows kept apart`
		);
		printLeaderboard(io, result, metric);
		if (!result.best || !final) {
			io.err('no trial finished with a validation score: nothing to pick');
			return 1;
		}
		io.out(`best: trial ${result.best.trial}, ${paramsText(result.best)}`);
		if (result.bestReason) io.out(`  ${result.bestReason}`);
		io.out(
			`  validation: ${Object.entries(plainMetrics(result.best.metrics))
				.map(([n, v]) => `${n} ${show(v)}`)
				.join('  ')}`
		);
		io.out(
			`  test (scored once, by the winner retrained on all ${plan.data.rows.search} search rows): ${Object.entries(
				plainMetrics(final.run.metrics.test)
			)
				.map(([n, v]) => `${n} ${show(v)}`)
				.join('  ')}`
		);
		for (const note of (final.run.metrics.test?.notes as string[] | undefined) ?? [])
			io.out(`  note: ${note}`);
		if (written.length) io.out(`wrote ${written.join(', ')}`);
		if (trialFolders.length)
			io.out(
				`wrote the best ${trialFolders.length} trials' models (of ${state.trials.length}) to ${trialFolders.join(', ')}`
			);
		return 0;
	}
};
