// The table of CLI commands. Adding a command is adding a row here and a file beside it. Each row names and
// describes its command; the command's own file (TF.js and the rest of the core behind it) loads only when
// it runs, so `benchtop --version` and `--help` answer without loading any of it.
import { EVALUATE_USAGE, PREDICT_USAGE } from './evaluate-options.ts';
import { EXPORT_USAGE } from './export-options.ts';
import { TRAIN_USAGE } from './train-options.ts';
import { TUNE_USAGE } from './tune-options.ts';

export interface CliIo {
	out(text: string): void;
	err(text: string): void;
}

/** What a command's own file exports: the work itself. */
export interface CommandRunner {
	run(args: string[], io: CliIo): Promise<number>;
}

export interface CliCommand {
	name: string;
	summary: string;
	/** The arguments after the command name, as `benchtop <name> --help` shows them. */
	usage: string;
	/** Imports the command's file on first use. */
	load(): Promise<CommandRunner>;
}

export const COMMANDS: CliCommand[] = [
	{
		name: 'profile',
		usage: '<file> [--recipe <recipe.json>] [--json]',
		summary:
			'profile a CSV, TSV, JSON, JSON Lines, Arrow or Parquet file (--recipe <recipe.json> to profile it prepared, --json for machine-readable output)',
		load: async () => (await import('./profile-command.ts')).profileCommand
	},
	{
		name: 'samples',
		usage: '[--json]',
		summary: 'list the shipped sample data sets (--json for machine-readable output)',
		load: async () => (await import('./samples-command.ts')).samplesCommand
	},
	{
		name: 'train',
		usage: TRAIN_USAGE,
		summary:
			'train a model on a file with the studio’s core and write it as the studio exports it (test-split metrics; --json for machine-readable output)',
		load: async () => (await import('./train-command.ts')).trainCommand
	},
	{
		name: 'tune',
		usage: TUNE_USAGE,
		summary:
			'search hyperparameters (grid, random, TPE or successive halving) on a file: a leaderboard on the validation rows, the winner scored once on the test rows (--out writes it as train does, --json for machine-readable output)',
		load: async () => (await import('./tune-command.ts')).tuneCommand
	},
	{
		name: 'evaluate',
		usage: EVALUATE_USAGE,
		summary:
			'evaluate a model benchtop train wrote (folder or .zip) on a file with the true values: the metrics train --json prints, a confusion matrix for classifiers, --report for an HTML report',
		load: async () => (await import('./evaluate-command.ts')).evaluateCommand
	},
	{
		name: 'export',
		usage: EXPORT_USAGE,
		summary:
			'write a model (folder or .zip) as an edge bundle that runs without TF.js (model.js, handler.js, serve.js, Dockerfile, demo page; --quantize float16|int8, --single-file, --data to measure the change) or as a TF.js zip (--zip)',
		load: async () => (await import('./export-command.ts')).exportCommand
	},
	{
		name: 'predict',
		usage: PREDICT_USAGE,
		summary:
			'predict every row of a file with a model benchtop train wrote (folder or .zip): CSV in input order, an error column for rows that cannot be predicted',
		load: async () => (await import('./predict-command.ts')).predictCommand
	},
	{
		name: 'drift',
		usage: '<model-dir-or-zip> <file> [--json]',
		summary:
			'compare a file with the data a model benchtop train wrote was trained on: per column PSI and KS (numbers) or chi-square (categories), new categories, missing rates, and the predictions against the test split’s (--json for machine-readable output)',
		load: async () => (await import('./drift-command.ts')).driftCommand
	}
];
