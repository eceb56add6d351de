// `benchtop predict <model> <file> [--out <file.csv>]`: one row of predictions per input row, in input
// order, through the model's fitted recipe. A row that cannot be predicted gets an `error` entry instead
// of stopping the file. CSV on stdout (notes on stderr), or into --out with a summary on stdout. The model
// is a folder or .zip `benchtop train` wrote, or a bundle folder `benchtop export --bundle` wrote.
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { predictFile } from '../lib/core/predict/predict-file.ts';
import { isBundleFolder, predictWithBundle } from './bundle-model.ts';
import type { CliIo, CommandRunner } from './commands.ts';
import { parsePredictOptions, type PredictOptions } from './evaluate-options.ts';
import { openModel, readDataFile } from './read-model.ts';

interface PredictedFile {
	csv: string;
	rows: number;
	errors: number;
	problems: string[];
}

function report(result: PredictedFile, options: PredictOptions, io: CliIo): number {
	if (options.out === undefined) {
		io.out(result.csv.replace(/\n$/, ''));
		for (const problem of result.problems) io.err(`note: ${problem}`);
		return 0;
	}
	const out = resolve(options.out);
	writeFileSync(out, result.csv);
	io.out(
		`${basename(options.file)}: ${result.rows.toLocaleString('en')} rows predicted${result.errors ? ` (${result.errors.toLocaleString('en')} with an error entry)` : ''}; wrote ${out}`
	);
	for (const problem of result.problems) io.out(`note: ${problem}`);
	return 0;
}

export const predictCommand: CommandRunner = {
	async run(args, io) {
		const options = parsePredictOptions(args);
		const file = { name: basename(options.file), bytes: readDataFile(options.file) };
		// A bundle folder runs through the edge runtime (its code is parsed, never run), with the same columns.
		if (isBundleFolder(options.model))
			return report(await predictWithBundle(options.model, file), options, io);
		const { predictor } = await openModel(options.model);
		try {
			return report((await predictFile(predictor, file)).result, options, io);
		} finally {
			predictor.dispose();
		}
	}
};
