#!/usr/bin/env node
// Launches the TypeScript CLI with tsx, so `npx benchtop` works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

// A reader that stops early (`benchtop samples | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
