#!/usr/bin/env node
// Starts the CLI: the copy compiled into dist/cli/ by `npm ci` (the `prepare` script runs build-cli.js)
// when it is current, else the TypeScript sources through tsx, so a checkout without the compiled copy,
// or with sources edited since, still runs what the sources say.
import { compiledIsCurrent } from './compiled-cli.js';

// A reader that stops early (`benchtop samples | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

const root = new URL('../../', import.meta.url);
const compiled = new URL('dist/cli/', root);

let main;
if (compiledIsCurrent(root, compiled)) {
	// --debug prints stack traces: point them at the TypeScript sources, not the compiled chunks.
	if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
	({ main } = await import(new URL('main.js', compiled).href));
} else {
	const { register } = await import('tsx/esm/api');
	register();
	({ main } = await import('./main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
