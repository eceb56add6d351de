// The table of CLI commands. Adding a command is adding a row here and a file beside it.
import { evaluateCommand } from './evaluate-command.ts';
import { predictCommand } from './predict-command.ts';
import { profileCommand } from './profile-command.ts';
import { samplesCommand } from './samples-command.ts';
import { trainCommand } from './train-command.ts';

export interface CliIo {
	out(text: string): void;
	err(text: string): void;
}

export interface CliCommand {
	name: string;
	summary: string;
	/** The arguments after the command name, as `benchtop <name> --help` shows them. */
	usage: string;
	run(args: string[], io: CliIo): Promise<number>;
}

export const COMMANDS: CliCommand[] = [
	profileCommand,
	samplesCommand,
	trainCommand,
	evaluateCommand,
	predictCommand
];
