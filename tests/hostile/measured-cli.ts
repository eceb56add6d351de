// Runs one `benchtop` command in this process and prints its peak resident memory (maxRSS, from the
// kernel) as the last stderr line, `peak-rss-kb <n>`: the hostile suite runs it as a child process, so
// the figure is the CLI's own, with nothing of the test runner in it.
import { main } from '../../src/cli/main.ts';

const code = await main(process.argv.slice(2));
process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
process.exitCode = code;
