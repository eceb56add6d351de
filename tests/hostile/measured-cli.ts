// Runs `benchtop` commands one after another in this process (argv lists as JSON in the file named by the
// first argument) and prints, per command, its exit code and the process's peak resident memory so far
// (maxRSS, from the kernel) as one JSON line. The hostile suite runs it as a child process, so the figure
// is the CLI's own with nothing of the test runner in it; the peak only grows, so each figure bounds the
// commands before it too.
import { readFileSync } from 'node:fs';
import { main } from '../../src/cli/main.ts';

const commands = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as string[][];
for (const args of commands) {
	const err: string[] = [];
	const code = await main(args, { out: () => {}, err: (text) => err.push(text) });
	const peakRssKb = process.resourceUsage().maxRSS;
	process.stdout.write(`${JSON.stringify({ code, peakRssKb, err })}\n`);
}
