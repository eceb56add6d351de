// `benchtop export`'s usage and options, apart from the command so `benchtop --help` loads neither the
// core nor TF.js to show them.
import { BenchtopError } from '../lib/core/errors.ts';
import { QUANTIZATIONS, type Quantization } from '../lib/core/export/weight-writer.ts';
import { parseOptions } from './parse-options.ts';

export const EXPORT_USAGE =
	'<model-dir-or-zip> (--bundle <dir> [--quantize none|float16|int8] [--single-file] [--data <file>] | --zip <file>)';

export interface ExportOptions {
	model: string;
	bundle?: string;
	zip?: string;
	quantize: Quantization;
	singleFile: boolean;
	data?: string;
}

export function parseExportOptions(args: string[]): ExportOptions {
	const { values, positionals } = parseOptions('export', args, {
		bundle: { type: 'string' },
		zip: { type: 'string' },
		quantize: { type: 'string' },
		'single-file': { type: 'boolean' },
		data: { type: 'string' }
	});
	const [model, extra] = positionals;
	if (!model) throw new BenchtopError('bad-input', `export needs a model: benchtop export ${EXPORT_USAGE}`);
	if (extra) throw new BenchtopError('bad-input', `export takes one model, got also ${extra}`);
	if (values.bundle === undefined && values.zip === undefined)
		throw new BenchtopError(
			'bad-input',
			'export needs --bundle <dir> (the edge bundle) or --zip <file> (the TF.js zip), or both'
		);
	for (const [flag, value] of [
		['--bundle', values.bundle],
		['--zip', values.zip],
		['--data', values.data]
	] as const)
		if (value !== undefined && value.trim() === '')
			throw new BenchtopError('bad-input', `${flag} needs a path`);
	const quantize = (values.quantize ?? 'none') as Quantization;
	if (!QUANTIZATIONS.includes(quantize))
		throw new BenchtopError('bad-input', `--quantize ${values.quantize}: choose none, float16 or int8`);
	if (values.bundle === undefined && (values.quantize || values['single-file'] || values.data))
		throw new BenchtopError(
			'bad-input',
			'--quantize, --single-file and --data shape the bundle: give --bundle <dir> too'
		);
	return {
		model,
		quantize,
		singleFile: values['single-file'] ?? false,
		...(values.bundle === undefined ? {} : { bundle: values.bundle }),
		...(values.zip === undefined ? {} : { zip: values.zip }),
		...(values.data === undefined ? {} : { data: values.data })
	};
}
