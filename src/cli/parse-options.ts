// Command-line options through Node's own parser, with the one-line messages the CLI promises.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BenchtopError } from '../lib/core/errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseOptions<T extends Options>(command: string, args: string[], options: T) {
	try {
		return parseArgs({ args, options, allowPositionals: true, strict: true });
	} catch (error) {
		// Node says e.g. "Unknown option '--x'. To specify a positional argument starting with a '-', …".
		const first = (error as Error).message.split('. ')[0];
		throw new BenchtopError('bad-input', `${first} for ${command}`);
	}
}
