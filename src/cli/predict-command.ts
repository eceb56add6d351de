// `benchtop predict <model> <file> [--out <file.csv>]`: one row of predictions per input row, in input
// order, through the model's fitted recipe. A row that cannot be predicted gets an `error` entry instead
// of stopping the file. CSV on stdout (notes on stderr), or into --out with a summary on stdout.
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { predictFile } from '../lib/core/predict/predict-file.ts';
import type { CommandRunner } from './commands.ts';
import { parsePredictOptions } from './evaluate-options.ts';
import { openModel, readDataFile } from './read-model.ts';

export const predictCommand: CommandRunner = {
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
