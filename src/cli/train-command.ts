// `benchtop train <file> --target <col> --out <dir>`: one training run with the studio's core (seeded
// split, fitted recipe, model from its family's default spec), scored on the held-out test rows and
// written out as the studio exports a model. The --json form is a contract for pipelines: keep its shape.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { importTable } from '../lib/core/data/import/index.ts';
import { BenchtopError } from '../lib/core/errors.ts';
import { requireFamily } from '../lib/core/models/families.ts';
import { trainedRunProfile } from '../lib/core/evaluate/model-drift.ts';
import { inferTask } from '../lib/core/models/infer-task.ts';
import { runNeedsConvolutions } from '../lib/core/models/needs-convolutions.ts';
import type { Task } from '../lib/core/models/types.ts';
import type { PrepTable } from '../lib/core/table/prep-table.ts';
import { defaultSplit, runTraining, type TrainingOutcome } from '../lib/core/train/run-training.ts';
import { setDenseThreading } from '../lib/core/train/fused/dense-threading.ts';
import { continueRequest } from '../lib/core/train/continue-from.ts';
import { targetInfo } from '../lib/core/train/training-request.ts';
import type { RunBackend } from '../lib/core/train/run-record.ts';
import { warningLines, type RunWarning } from '../lib/core/train/run-warnings.ts';
import type { TrainProgress } from '../lib/core/train/types.ts';
import { trainAutoModel } from '../lib/core/tune/auto-model.ts';
import { BENCHTOP_VERSION } from '../lib/core/version.ts';
import type { CliIo, CommandRunner } from './commands.ts';
import { writeModelFiles } from './model-files.ts';
import { useNodeBackend } from './node-backend.ts';
import { readRecipeFile } from './read-recipe.ts';
import { parseTrainOptions, trainingChoices, type TrainOptions } from './train-options.ts';
import { initJson, initTask, readInitModel } from './train-init.ts';
import { threadsJson, useCliThreads } from './train-threads.ts';

/** Every tenth epoch (and the first) on stderr: enough to see a long run move, never mixed into stdout. */
const PROGRESS_EVERY = 10;

function taskWithReason(input: PrepTable, options: TrainOptions): { task: Task; reason: string } {
	const { targets } = options;
	const names = input.schema.map((c) => c.name);
	const missing = targets.find((name) => !names.includes(name));
	if (missing !== undefined)
		throw new BenchtopError(
			'bad-input',
			`--target ${missing}: ${basename(options.file)} has no column “${missing}” (its columns: ${names.join(', ')})`
		);
	if (options.task === 'clustering' || (options.task === 'auto' && targets.length === 0)) {
		return {
			task: 'clustering',
			reason:
				targets.length === 0
					? 'no target column, so clustering groups similar rows'
					: `chosen with --task; ${targets.join(', ')} left out of the features`
		};
	}
	if (options.task === 'regression' && targets.length > 1)
		return {
			task: 'multi-output',
			reason: `chosen with --task, ${targets.length} targets predicted together`
		};
	if (options.task !== 'auto') return { task: options.task, reason: 'chosen with --task' };
	const inferred = inferTask(targets.map((name) => targetInfo(input, name)));
	if (!inferred.task) throw new BenchtopError('bad-input', inferred.reason);
	return { task: inferred.task, reason: inferred.reason };
}

async function chooseBackend(
	input: PrepTable,
	task: Task,
	options: TrainOptions,
	spec?: unknown
): Promise<RunBackend> {
	if (task === 'clustering') {
		await tf.setBackend('cpu');
		return { name: 'cpu', reason: 'k-means runs in plain TypeScript, without TensorFlow.js' };
	}
	// The family is settled inside the run; an image-named table is what makes `auto` pick a CNN.
	const features = input.schema.map((c) => c.name).filter((name) => !options.targets.includes(name));
	return useNodeBackend(runNeedsConvolutions({ family: options.model, features, spec }));
}

/** Warnings on stderr (with --json too: stdout stays the one JSON object). */
function printWarnings(io: CliIo, warnings: readonly RunWarning[]): void {
	for (const warning of warnings) for (const line of warningLines(warning)) io.err(line);
}

function progressLine(progress: TrainProgress): string | null {
	const end = progress.epochEnd;
	if (!end || (end.epoch !== 1 && end.epoch % PROGRESS_EVERY !== 0)) return null;
	const parts = [`epoch ${end.epoch}/${progress.epochs}`, `loss ${end.loss.toFixed(4)}`];
	if (end.valLoss !== undefined) parts.push(`val_loss ${end.valLoss.toFixed(4)}`);
	return parts.join('  ');
}

/** The test metrics as the contract names them: the record's without its row count. */
function testMetrics(outcome: TrainingOutcome): Record<string, unknown> {
	const { rows: _rows, ...metrics } = outcome.run.metrics.test ?? {};
	return metrics;
}

const show = (value: unknown) =>
	typeof value === 'number'
		? Number(value.toPrecision(4)).toString()
		: value === null
			? 'undefined'
			: String(value);

function metricLines(metrics: Record<string, unknown>): string[] {
	const lines: string[] = [];
	const plain = Object.entries(metrics).filter(([name]) => name !== 'outputs' && name !== 'notes');
	lines.push(`  ${plain.map(([name, value]) => `${name} ${show(value)}`).join('  ')}`);
	const outputs = metrics.outputs as Record<string, Record<string, unknown>> | undefined;
	if (outputs && Object.keys(outputs).length > 1) {
		for (const [target, values] of Object.entries(outputs))
			lines.push(
				`  ${target}: ${Object.entries(values)
					.map(([n, v]) => `${n} ${show(v)}`)
					.join('  ')}`
			);
	}
	for (const note of (metrics.notes as string[] | undefined) ?? []) lines.push(`  note: ${note}`);
	return lines;
}

function printSummary(
	io: CliIo,
	outcome: TrainingOutcome,
	why: string,
	parameters: number | null,
	written: string[]
): void {
	const { run } = outcome;
	const engine = requireFamily(run.spec.family);
	const label = engine.label;
	io.out(`task: ${run.task}: ${why}`);
	io.out(
		// Narrows the spec to read k: this line is the CLI's wording for each kind of model, not a capability.
		run.spec.family === 'kmeans'
			? `model: kmeans (${label}), k = ${run.spec.k}; ${run.backend.reason}`
			: `model: ${run.spec.family} (${label}), ${parameters!.toLocaleString('en')} parameters, on ${run.backend.name}: ${run.backend.reason}`
	);
	if (run.spec.family !== 'kmeans') {
		const threads = threadsJson(run);
		io.out(`threads: ${threads.count} (${threads.reason})`);
	}
	if (run.modelChoice) io.out(`why this model: ${run.modelChoice.reason}`);
	io.out(
		`rows: ${run.rows.train} train, ${run.rows.validation} validation, ${run.rows.test} test (split seed ${run.seed})`
	);
	if (engine.trainsInEpochs)
		io.out(
			`training: ${run.status} after ${run.history.length} epochs, weights of epoch ${run.bestEpoch} kept${run.message ? `: ${run.message}` : ''}`
		);
	const test = run.metrics.test;
	if (!test) io.out('test metrics: none (the test split has no rows)');
	else {
		io.out(
			`test metrics${test.rows !== run.rows.test ? ' (on the training rows: the test split is too small)' : ''}:`
		);
		for (const line of metricLines(testMetrics(outcome))) io.out(line);
	}
	io.out(`took ${(run.durationMs / 1000).toFixed(1)} s; wrote ${written.join(', ')}`);
}

/** The training profile `benchtop drift` compares new data with, written into benchtop.json. A model without
 * one still works for everything else, so a failure here is a warning, not the end of the run. */
async function recordTrainingProfile(io: CliIo, input: PrepTable, outcome: TrainingOutcome): Promise<void> {
	try {
		outcome.run.trainingProfile = await trainedRunProfile(input, outcome.run, outcome.artifact);
	} catch (error) {
		io.err(
			`warning: no training profile recorded, so benchtop drift cannot use this model: ${(error as Error).message}`
		);
	}
}

export const trainCommand: CommandRunner = {
	async run(args, io) {
		const options = parseTrainOptions(args);
		const { file } = options;
		if (!existsSync(file) || !statSync(file).isFile())
			throw new BenchtopError('bad-input', `no such file: ${file}`);
		const recipe = options.recipe === undefined ? undefined : readRecipeFile(options.recipe);

		const bytes = readFileSync(file);
		const hash = createHash('sha256').update(bytes).digest('hex');
		const input = await importTable(new Blob([bytes]), { fileName: basename(file) });
		// --init: the saved model (checked against this file's columns) settles the task, spec and recipe.
		const init =
			options.init === undefined
				? undefined
				: await readInitModel(
						options.init,
						{ name: basename(file), schema: input.schema },
						options.refitRecipe ? 'refit' : 'keep'
					);
		const { task, reason } = init
			? initTask(init, options.targets, options.init!)
			: taskWithReason(input, options);
		const backend = await chooseBackend(input, task, options, init?.run.spec);
		if (!options.json)
			io.out(`${basename(file)}: ${input.table.numRows().toLocaleString('en')} rows, training…`);
		// The engine's threads for this command's runs, put back as they were when it ends.
		const threadingBefore = useCliThreads(options.threads);
		try {
			return await trainAndReport(io, options, { input, hash, recipe, init, task, reason, backend });
		} finally {
			setDenseThreading(threadingBefore);
		}
	}
};

interface Prepared {
	input: PrepTable;
	hash: string;
	recipe: ReturnType<typeof readRecipeFile> | undefined;
	init: Awaited<ReturnType<typeof readInitModel>> | undefined;
	task: Task;
	reason: string;
	backend: RunBackend;
}

async function trainAndReport(io: CliIo, options: TrainOptions, prepared: Prepared): Promise<number> {
	const { input, hash, recipe, init, task, reason, backend } = prepared;
	const { file } = options;

	const context = {
		dataset: { id: hash, hash, name: basename(file) },
		backend,
		versions: { benchtop: BENCHTOP_VERSION, tfjs: tf.version.tfjs },
		onProgress: options.json
			? undefined
			: (progress: TrainProgress) => {
					const line = progressLine(progress);
					if (line) io.err(line);
				},
		// Said before the first epoch, so a doomed run is named while it trains.
		onWarnings: (warnings: RunWarning[]) =>
			printWarnings(
				io,
				warnings.filter((w) => !options.json || w.severity === 'warning')
			)
	};
	const outcome = init
		? await runTraining(input, continueRequest(init.run, options.epochs ?? init.run.settings.epochs), {
				...context,
				init
			})
		: await trainAutoModel(
				input,
				{
					targets: options.targets,
					task,
					family: options.model,
					recipe,
					split: defaultSplit(task, options.targets[0], options.testSize, options.seed),
					settings: {
						seed: options.seed,
						...(options.epochs === undefined ? {} : { epochs: options.epochs }),
						...trainingChoices(options)
					},
					...(options.k === undefined ? {} : { k: options.k })
				},
				{
					dataset: { id: hash, hash, name: basename(file) },
					backend,
					versions: { benchtop: BENCHTOP_VERSION, tfjs: tf.version.tfjs },
					onProgress: options.json
						? undefined
						: (progress) => {
								const line = progressLine(progress);
								if (line) io.err(line);
							},
					// Said before the first epoch, so a doomed run is named while it trains.
					onWarnings: (warnings) =>
						printWarnings(
							io,
							warnings.filter((w) => !options.json || w.severity === 'warning')
						),
					onCandidate: options.json
						? undefined
						: (family, detail) => io.err(detail ? `training ${detail}…` : `training the ${family} model…`)
				}
			);
	const warnings = outcome.run.warnings ?? [];
	// The matrix checks were said before training; the outcome's warnings now. Notes (severity info: the
	// model choice, a few constant columns) are in the summary, or in the JSON's warnings with --json.
	printWarnings(
		io,
		warnings.filter((w) => w.kind === 'no-better-than-baseline' || w.kind === 'diverged')
	);
	await recordTrainingProfile(io, input, outcome);
	let parameters: number | null = null;
	let written: string[];
	try {
		parameters = outcome.model?.countParams() ?? null;
		written = await writeModelFiles(
			resolve(options.out),
			outcome,
			input.schema,
			`Benchtop ${BENCHTOP_VERSION} (TensorFlow.js ${tf.version.tfjs})`
		);
	} finally {
		outcome.model?.dispose();
	}

	if (options.json) {
		const { run } = outcome;
		io.out(
			JSON.stringify(
				{
					task: run.task,
					model: run.spec.family,
					rows: run.rows,
					metrics: testMetrics(outcome),
					seed: run.seed,
					backend: run.backend.name,
					threads: threadsJson(run),
					duration_ms: run.durationMs,
					...initJson(run.continuedFrom),
					...(run.modelChoice
						? {
								model_choice: {
									kept: run.modelChoice.kept,
									metric: run.modelChoice.metric,
									validation: Object.fromEntries(
										run.modelChoice.candidates.map((c) => [c.family, c.validation])
									),
									reason: run.modelChoice.reason,
									// --model auto's small search: the MLPs it tried for the network candidate.
									...(run.modelChoice.networks
										? {
												networks: run.modelChoice.networks.map((n) => ({
													network: n.network,
													detail: n.detail,
													validation: n.validation,
													pruned: n.pruned
												}))
											}
										: {})
								}
							}
						: {}),
					warnings
				},
				null,
				2
			)
		);
		return 0;
	}
	printSummary(io, outcome, reason, parameters, written);
	const continued = outcome.run.continuedFrom;
	if (continued) {
		io.out(
			`continued from ${options.init}: epoch ${continued.fromEpoch}, ${continued.sameData ? 'the same data' : 'new data'}, recipe ${continued.recipe === 'keep' ? 'kept' : 'refitted'}${continued.optimizerState ? '' : ', optimizer started afresh (the model has no optimizer.json)'}`
		);
		const { rows: _rows, ...parent } = continued.parentMetrics ?? {};
		io.out('the model before, on the same test rows:');
		for (const line of metricLines(parent)) io.out(line);
	}
	return 0;
}
