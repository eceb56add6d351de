// `benchtop drift <model> <file> [--json]`: the file's columns against the training profile the model
// recorded (benchtop.json's trainingProfile), and the model's predictions on the file against those on its
// test split. The --json form is a contract: { features: [{ name, kind, psi, ks?, p_value?, drifted }],
// predictions, drifted }.
import { basename } from 'node:path';
import { importTable } from '../lib/core/data/import/index.ts';
import type { DriftReport, FeatureDrift } from '../lib/core/drift/drift-report.ts';
import { thresholdLines } from '../lib/core/drift/thresholds.ts';
import { BenchtopError } from '../lib/core/errors.ts';
import { modelDriftReport } from '../lib/core/evaluate/model-drift.ts';
import type { CliIo, CommandRunner } from './commands.ts';
import { parseOptions } from './parse-options.ts';
import { openModel, readDataFile } from './read-model.ts';

export const DRIFT_USAGE = '<model-dir-or-zip> <file> [--json]';

function parseDriftOptions(args: string[]): { model: string; file: string; json: boolean } {
	const { values, positionals } = parseOptions('drift', args, { json: { type: 'boolean' } });
	const [model, file, extra] = positionals;
	if (!model || !file)
		throw new BenchtopError('bad-input', `drift needs a model and a file: benchtop drift ${DRIFT_USAGE}`);
	if (extra) throw new BenchtopError('bad-input', `drift takes one model and one file, got also ${extra}`);
	return { model, file, json: values.json === true };
}

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

/** One feature as the JSON contract has it. */
function featureJson(f: FeatureDrift) {
	return {
		name: f.name,
		kind: f.kind,
		psi: finiteOrNull(f.psi),
		...(f.ks === undefined ? {} : { ks: f.ks }),
		...(f.pValue === undefined ? {} : { p_value: f.pValue }),
		drifted: f.drifted
	};
}

export function driftJson(report: DriftReport) {
	return {
		features: [
			...report.features.map(featureJson),
			// A column the file lacks: nothing to measure, and drifted.
			...report.absent.map((name) => ({ name, kind: 'absent', psi: null, drifted: true }))
		],
		predictions: report.predictions ? featureJson(report.predictions) : null,
		drifted: report.drifted
	};
}

const short = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : 'n/a');
const pText = (p: number) => (p < 1e-4 ? 'p < 0.0001' : `p ${short(p)}`);

function featureLine(f: FeatureDrift): string {
	const test =
		f.ks !== undefined
			? `  KS ${short(f.ks)} ${pText(f.pValue!)}`
			: f.chiSquare !== undefined
				? `  chi² ${short(f.chiSquare)} (df ${f.degreesOfFreedom}) ${pText(f.pValue!)}`
				: '';
	return `  ${f.level.padEnd(8)} ${f.name} (${f.kind})  PSI ${short(f.psi)}${test}`;
}

function print(io: CliIo, file: string, report: DriftReport): void {
	const columns = report.features.length + report.absent.length;
	io.out(
		`${basename(file)}: ${report.rows.toLocaleString('en')} rows against ${report.trainingRows.toLocaleString('en')} training rows`
	);
	io.out(`drifted: ${report.drifted} of ${columns} column${columns === 1 ? '' : 's'}`);
	const order = { drifted: 0, moderate: 1, stable: 2 } as const;
	for (const f of [...report.features].sort((a, b) => order[a.level] - order[b.level])) {
		io.out(featureLine(f));
		for (const reason of f.reasons) io.out(`      ${reason}`);
	}
	for (const name of report.absent) io.out(`  drifted  ${name}: the file has no such column`);
	const p = report.predictions;
	if (p) {
		io.out(`predictions against the test split's (${p.name}):`);
		io.out(featureLine(p));
		for (const reason of p.reasons) io.out(`      ${reason}`);
	} else io.out('predictions: not compared (the model recorded none, or it cannot read this file)');
	io.out('thresholds:');
	for (const line of thresholdLines()) io.out(`  ${line}`);
}

export const driftCommand: CommandRunner = {
	async run(args, io) {
		const options = parseDriftOptions(args);
		const bytes = readDataFile(options.file);
		const { predictor, trainingProfile } = await openModel(options.model);
		try {
			if (!trainingProfile)
				throw new BenchtopError(
					'bad-input',
					`${options.model} has no training profile (benchtop.json has no “trainingProfile”): it was written before benchtop recorded one; train it again with benchtop train to compare data with it`
				);
			const input = await importTable(bytes, { fileName: basename(options.file) });
			const report = await modelDriftReport(trainingProfile, input, predictor);
			if (options.json) io.out(JSON.stringify(driftJson(report), null, 2));
			else print(io, options.file, report);
			return 0;
		} finally {
			predictor.dispose();
		}
	}
};
