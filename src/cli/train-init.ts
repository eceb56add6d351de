// `benchtop train <file> --init <model-dir-or-zip>`: the saved model (a `train --out` folder, or a .zip
// of one, as `export --zip` writes too) read and checked as `evaluate` reads it, then turned into the start
// of a continued run (core/train/continue-from.ts): its weights or centroids, its fitted recipe, spec,
// settings and split, and the epoch its weights are from. The new file must have every column the model's
// recipe reads, with the same types, and its targets: refused otherwise, the columns named.
import { BenchtopError } from '../lib/core/errors.ts';
import { continueDataProblem } from '../lib/core/registry/continue-check.ts';
import type { ColumnSchema } from '../lib/core/table/column-types.ts';
import {
	parentEpoch,
	type ContinuedRecord,
	type ContinueFrom,
	type ParentRun
} from '../lib/core/train/continue-from.ts';
import type { EpochRecord } from '../lib/core/train/types.ts';
import { parseTrainSettings } from '../lib/core/train/settings.ts';
import { defaultSplit } from '../lib/core/train/training-request.ts';
import { imageShape, readModel, refuseImageInput } from './read-model.ts';

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The finished epochs benchtop.json records, kept only when each is an epoch number with a finite loss. */
function historyOf(value: unknown): EpochRecord[] {
	if (!Array.isArray(value)) return [];
	const ok = value.every(
		(item) => isRecord(item) && Number.isInteger(item.epoch) && Number.isFinite(item.loss as number)
	);
	return ok ? (value as EpochRecord[]) : [];
}

/** The start of a run that trains the model at `path` further on the rows of `data`. */
export async function readInitModel(
	path: string,
	data: { name: string; schema: readonly ColumnSchema[] },
	recipe: 'keep' | 'refit'
): Promise<ContinueFrom> {
	const { bundle, run } = await readModel(path);
	refuseImageInput(imageShape(bundle.spec), path);
	const problem = continueDataProblem(
		{ inputSchema: bundle.inputSchema, targets: bundle.targets },
		{ name: data.name, schema: [...data.schema] }
	);
	if (problem) throw new BenchtopError('bad-input', `--init ${path}: ${problem}`);
	const history = historyOf(run.history);
	const bestEpoch = Number.isInteger(run.bestEpoch) ? (run.bestEpoch as number) : history.length;
	// Settings and split as the model was trained (the studio's defaults where an older file lacks them).
	const settings = parseTrainSettings(isRecord(run.settings) ? run.settings : {});
	const split = isRecord(run.split)
		? run.split
		: defaultSplit(bundle.task, bundle.targets[0], 0.2, settings.seed);
	// The split's counts and hashes are not needed: continueRequest takes its settings, and runTraining
	// checks them (parseSplitSpec) before anything is cut.
	const parent = {
		task: bundle.task,
		targets: bundle.targets,
		features: bundle.features,
		...(bundle.classes ? { classes: bundle.classes } : {}),
		spec: bundle.spec,
		settings,
		recipe: isRecord(run.recipe) ? run.recipe : { version: 1, steps: [] },
		fitted: bundle.fitted,
		split,
		history,
		bestEpoch,
		datasetHash: typeof run.datasetHash === 'string' ? run.datasetHash : ''
	} as unknown as ParentRun;
	return { run: parent, artifact: bundle.artifact, recipe };
}

/** The targets and task the continued run has: the model's; --target, when given, must name the same. */
export function initTask(init: ContinueFrom, targets: readonly string[], path: string) {
	const own = init.run.targets;
	if (targets.length > 0 && (targets.length !== own.length || targets.some((t, i) => t !== own[i])))
		throw new BenchtopError(
			'bad-input',
			`--target ${targets.join(',')}: the model at ${path} predicts ${own.join(', ') || 'no target (clusters)'}; leave --target out or name the same`
		);
	return {
		task: init.run.task,
		targets: own,
		reason: `the task of the model at ${path}, trained further from its epoch ${parentEpoch(init.run)}`
	};
}

/** What --init adds to `train --json`: where the run started and the model's own figures on these test rows. */
export function initJson(record: ContinuedRecord | undefined): Record<string, unknown> {
	if (!record) return {};
	const { rows: _rows, ...parent } = record.parentMetrics ?? {};
	return {
		init: {
			from_epoch: record.fromEpoch,
			recipe: record.recipe,
			same_data: record.sameData,
			optimizer_state: record.optimizerState,
			parent_metrics: parent
		}
	};
}
