// `benchtop predict <model> <file> [--out <file.csv>]`: one row of predictions per input row, in input
// order, through the model's fitted recipe. A row that cannot be predicted gets an `error` entry instead
// of stopping the file. CSV on stdout (notes on stderr), or into --out with a summary on stdout.
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { predictFile } from '../lib/core/predict/predict-file.ts';
import type { CliCommand } from './commands.ts';
import { parsePredictOptions, PREDICT_USAGE } from './evaluate-options.ts';
import { openModel, readDataFile } from './read-model.ts';

export const predictCommand: CliCommand = {
	name: 'predict',
	usage: PREDICT_USAGE,
	summary:
		'predict every row of a file with a model benchtop train wrote (folder or .zip): CSV in input order, an error column for rows that cannot be predicted',
	async run(args, io) {
		const options = parsePredictOptions(args);
		const bytes = readDataFile(options.file);
		const { predictor } = await openModel(options.model);
		try {
			const { result } = await predictFile(predictor, { name: basename(options.file), bytes });
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
		} finally {
			predictor.dispose();
		}
	}
};
