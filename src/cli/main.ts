// The `benchtop` command line: the studio's capabilities over the same core, for pipelines and checks.
// Errors print one line `benchtop: <what went wrong>` on stderr and exit 1; `--debug` adds the stack.
import { toBenchtopError } from '../lib/core/errors.ts';
import { BENCHTOP_VERSION } from '../lib/core/version.ts';
import { COMMANDS, type CliIo } from './commands.ts';
import { escapeTerminal } from './terminal-text.ts';

export function usage(): string {
	const width = Math.max(...COMMANDS.map((c) => c.name.length));
	const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
	return `benchtop ${BENCHTOP_VERSION}: a machine-learning studio that runs in your browser, and this CLI over the same core.

Usage: benchtop <command> [options]

Commands:
${list}

Options:
  -h, --help     show this help
  -v, --version  print the version
  --debug        print stack traces on errors

The studio itself: npm start, then open the printed address.`;
}

const defaultIo: CliIo = {
	out: (text) => process.stdout.write(`${text}\n`),
	err: (text) => process.stderr.write(`${text}\n`)
};

export async function main(argv: string[], sink: CliIo = defaultIo): Promise<number> {
	// Every line for a person (and JSON, which stays the same JSON value) without terminal controls.
	const io: CliIo = {
		out: (text) => sink.out(escapeTerminal(text)),
		err: (text) => sink.err(escapeTerminal(text))
	};
	const debug = argv.includes('--debug');
	const args = argv.filter((a) => a !== '--debug');
	try {
		const [first, ...rest] = args;
		if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
			io.out(usage());
			return 0;
		}
		if (first === '-v' || first === '--version') {
			io.out(BENCHTOP_VERSION);
			return 0;
		}
		const command = COMMANDS.find((c) => c.name === first);
		if (!command) {
			io.err(`benchtop: unknown command "${first}" (run benchtop --help for the list)`);
			return 1;
		}
		if (rest.includes('--help') || rest.includes('-h')) {
			io.out(`Usage: benchtop ${command.name} ${command.usage}\n\n${command.summary}`);
			return 0;
		}
		return await (await command.load()).run(rest, io);
	} catch (error) {
		const failure = toBenchtopError(error);
		io.err(`benchtop: ${failure.message}${failure.detail && debug ? ` (${failure.detail})` : ''}`);
		if (debug && error instanceof Error && error.stack) io.err(error.stack);
		return 1;
	}
}
