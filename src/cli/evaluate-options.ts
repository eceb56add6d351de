// `benchtop evaluate` and `benchtop predict` options, read and checked before any model is loaded.
import { BenchtopError } from '../lib/core/errors.ts';
import { parseOptions } from './parse-options.ts';

export const EVALUATE_USAGE = '<model-dir-or-zip> <file> [--json] [--report <file.html>]';
export const PREDICT_USAGE = '<model-dir-or-zip> <file> [--out <file.csv>]';

export interface EvaluateOptions {
	model: string;
	file: string;
	json: boolean;
	report?: string;
}

export interface PredictOptions {
	model: string;
	file: string;
	out?: string;
}

function modelAndFile(
	command: string,
	usage: string,
	positionals: string[]
): { model: string; file: string } {
	const [model, file, extra] = positionals;
	if (!model || !file)
		throw new BenchtopError('bad-input', `${command} needs a model and a file: benchtop ${command} ${usage}`);
	if (extra)
		throw new BenchtopError('bad-input', `${command} takes one model and one file, got also ${extra}`);
	return { model, file };
}

function pathOption(option: string, value: string | undefined, what: string): string | undefined {
	if (value === undefined) return undefined;
	if (value.trim() === '') throw new BenchtopError('bad-input', `${option} needs ${what}`);
	return value;
}

export function parseEvaluateOptions(args: string[]): EvaluateOptions {
	const { values, positionals } = parseOptions('evaluate', args, {
		json: { type: 'boolean' },
		report: { type: 'string' }
	});
	const report = pathOption('--report', values.report, 'a file name for the HTML report');
	return {
		...modelAndFile('evaluate', EVALUATE_USAGE, positionals),
		json: values.json === true,
		...(report === undefined ? {} : { report })
	};
}

export function parsePredictOptions(args: string[]): PredictOptions {
	const { values, positionals } = parseOptions('predict', args, { out: { type: 'string' } });
	const out = pathOption('--out', values.out, 'a file name for the predictions (CSV)');
	return { ...modelAndFile('predict', PREDICT_USAGE, positionals), ...(out === undefined ? {} : { out }) };
}
