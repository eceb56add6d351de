// `benchtop evaluate <model> <file> [--json] [--report <file.html>]`: the model's fitted recipe applied to
// a raw file that has the true values, and its metrics under the names and JSON shape of `train --json`'s
// `metrics` (plus `confusion_matrix` with its `labels` for a classifier). Rows that cannot be predicted or
// scored (a label the model never saw) are left out and counted, never fatal.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { importTable } from '../lib/core/data/import/index.ts';
import { BenchtopError } from '../lib/core/errors.ts';
import { evaluateTable, type TableEvaluation } from '../lib/core/evaluate/evaluate-table.ts';
import type { RunEvaluation } from '../lib/core/evaluate/run-evaluation.ts';
import { metricsSummary } from '../lib/core/metrics/summary.ts';
import type { ModelBundle } from '../lib/core/predict/model-bundle.ts';
import type { PrepTable } from '../lib/core/table/prep-table.ts';
import type { RunRecord } from '../lib/core/train/run-record.ts';
import type { CliIo, CommandRunner } from './commands.ts';
import { parseEvaluateOptions } from './evaluate-options.ts';
import { openModel, readDataFile } from './read-model.ts';
import { escapeTerminal } from './terminal-text.ts';

/** The metrics as `train --json` names and shapes them, from the evaluated rows. */
export function evaluateMetrics(bundle: ModelBundle, result: TableEvaluation): Record<string, unknown> {
	const { evaluation } = result;
	const outputs = evaluation.outputs;
	if (outputs.kind === 'classification') {
		const classes = bundle.classes ?? [];
		return {
			...metricsSummary({ task: 'classification', classes, yTrue: outputs.yTrue, proba: outputs.proba }),
			confusion_matrix: { labels: classes, matrix: outputs.confusion }
		};
	}
	if (outputs.kind === 'regression') {
		return metricsSummary({
			task: bundle.task === 'multi-output' ? 'multi-output' : 'regression',
			targets: bundle.targets,
			yTrue: outputs.actual,
			yPred: outputs.predicted
		}) as unknown as Record<string, unknown>;
	}
	const { inertia, silhouette, adjusted_rand } = evaluation.metrics;
	return { inertia, silhouette, ...(adjusted_rand === undefined ? {} : { adjusted_rand }) };
}

const show = (value: unknown) =>
	typeof value === 'number'
		? Number(value.toPrecision(4)).toString()
		: value === null
			? 'undefined'
			: String(value);

function metricLines(metrics: Record<string, unknown>): string[] {
	const plain = Object.entries(metrics).filter(([, value]) => typeof value !== 'object' || value === null);
	const lines = [`  ${plain.map(([name, value]) => `${name} ${show(value)}`).join('  ')}`];
	const outputs = metrics.outputs as Record<string, Record<string, unknown>> | undefined;
	if (outputs && Object.keys(outputs).length > 1)
		for (const [target, values] of Object.entries(outputs))
			lines.push(
				`  ${target}: ${Object.entries(values)
					.map(([n, v]) => `${n} ${show(v)}`)
					.join('  ')}`
			);
	return lines;
}

function confusionLines(confusion: { labels: string[]; matrix: number[][] }): string[] {
	const { matrix } = confusion;
	// Labels as they will be shown (control characters escaped), so the columns line up.
	const labels = confusion.labels.map(escapeTerminal);
	const first = Math.max(4, ...labels.map((l) => l.length));
	const widths = labels.map((label, c) =>
		Math.max(label.length, ...matrix.map((row) => String(row[c]).length))
	);
	const lines = ['confusion matrix (rows: true class, columns: predicted):'];
	lines.push(`  ${''.padEnd(first)}  ${labels.map((l, c) => l.padStart(widths[c]!)).join('  ')}`);
	matrix.forEach((row, t) =>
		lines.push(
			`  ${labels[t]!.padEnd(first)}  ${row.map((x, c) => String(x).padStart(widths[c]!)).join('  ')}`
		)
	);
	return lines;
}

function runRecordOf(bundle: ModelBundle, run: Record<string, unknown>, id: string): RunRecord {
	return {
		...(run as unknown as RunRecord),
		id,
		artifactId: null,
		task: bundle.task,
		targets: bundle.targets,
		...(bundle.classes ? { classes: bundle.classes } : {}),
		features: bundle.features,
		spec: bundle.spec,
		fitted: bundle.fitted
	};
}

async function writeReport(
	path: string,
	file: string,
	bytes: Uint8Array,
	input: PrepTable,
	run: RunRecord,
	evaluation: RunEvaluation
): Promise<string> {
	const { renderReport } = await import('../lib/core/report/index.ts');
	const { profileTable } = await import('../lib/core/data/profile/index.ts');
	const hash = createHash('sha256').update(bytes).digest('hex');
	const html = await renderReport({
		dataset: {
			id: hash,
			name: basename(file),
			rows: input.table.numRows(),
			columns: input.schema.length,
			schema: input.schema,
			hash
		},
		run,
		evaluation,
		// The file's own profile, so the report's data section and quality findings describe what was evaluated.
		profile: profileTable(input.table, input.schema)
	});
	const out = resolve(path);
	writeFileSync(out, html);
	return out;
}

function print(
	io: CliIo,
	file: string,
	rows: number,
	bundle: ModelBundle,
	result: TableEvaluation,
	metrics: Record<string, unknown>
) {
	const { evaluation } = result;
	const what = bundle.task === 'clustering' ? 'clustering' : `${bundle.task} of ${bundle.targets.join(', ')}`;
	io.out(`${basename(file)}: ${rows.toLocaleString('en')} rows; model: ${bundle.spec.family} (${what})`);
	io.out(`metrics on ${evaluation.rows.toLocaleString('en')} rows:`);
	for (const line of metricLines(metrics)) io.out(line);
	const confusion = metrics.confusion_matrix as { labels: string[]; matrix: number[][] } | undefined;
	if (confusion) for (const line of confusionLines(confusion)) io.out(line);
	for (const note of [...(evaluation.notes ?? [])]) io.out(`note: ${note}`);
}

export const evaluateCommand: CommandRunner = {
	async run(args, io) {
		const options = parseEvaluateOptions(args);
		const bytes = readDataFile(options.file);
		const { bundle, run, predictor } = await openModel(options.model);
		let result: TableEvaluation;
		let input: PrepTable;
		try {
			input = await importTable(bytes, { fileName: basename(options.file) });
			const seed = typeof run.seed === 'number' ? run.seed : 42;
			result = await evaluateTable(predictor, input, { seed });
		} finally {
			predictor.dispose();
		}
		const { evaluation } = result;
		const rows = input.table.numRows();
		if (evaluation.rows === 0)
			throw new BenchtopError(
				'bad-input',
				`none of the ${rows.toLocaleString('en')} rows of ${basename(options.file)} could be scored: ${(evaluation.notes ?? []).join(' ')}`
			);
		const metrics = evaluateMetrics(bundle, result);
		const report =
			options.report === undefined
				? undefined
				: await writeReport(
						options.report,
						options.file,
						bytes,
						input,
						runRecordOf(bundle, run, basename(resolve(options.model))),
						{
							runId: basename(resolve(options.model)),
							task: bundle.task,
							targets: bundle.targets,
							...(bundle.classes ? { classes: bundle.classes } : {}),
							splits: [evaluation]
						}
					);
		if (options.json) {
			const unseen =
				result.unseenLabels && Object.keys(result.unseenLabels).length ? result.unseenLabels : undefined;
			io.out(
				JSON.stringify(
					{
						task: bundle.task,
						model: bundle.spec.family,
						rows: { file: rows, evaluated: evaluation.rows, not_predicted: result.predicted.errorCount },
						metrics,
						...(unseen ? { unseen_labels: unseen } : {}),
						...(evaluation.notes?.length ? { notes: evaluation.notes } : {}),
						...(report ? { report } : {})
					},
					null,
					2
				)
			);
			return 0;
		}
		print(io, options.file, rows, bundle, result, metrics);
		if (report) io.out(`wrote ${report}`);
		return 0;
	}
};
