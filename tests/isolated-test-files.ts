// Unit test files share one module graph per Vitest worker (`isolate: false`): loading TF.js, arquero and
// the core once per worker instead of once per file took the unit suite from 373 s to about 160 s on two
// cores. A file that replaces a module or a global cannot share: its `vi.mock` has no effect when an
// earlier file already loaded the module, and its stubs would reach the files after it. Those files run
// isolated, as every file did before; they are found by what they call, so a new one needs no list. A
// file that needs a fresh graph for another reason says so on a line of its own: `// Runs isolated: why`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const UNIT_TEST_FILES = ['tests/unit/**/*.test.ts', 'tests/hostile/**/*.test.ts'];

const NEEDS_ITS_OWN_GRAPH = /\bvi\.(mock|doMock|stubGlobal|stubEnv|resetModules)\(|^\/\/ Runs isolated: /m;

function testFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
		.map((entry) => join(entry.parentPath, entry.name));
}

/** Test files that must run in a module graph of their own. */
export function isolatedTestFiles(root = '.'): string[] {
	return ['tests/unit', 'tests/hostile']
		.flatMap((dir) => testFiles(join(root, dir)))
		.filter((file) => NEEDS_ITS_OWN_GRAPH.test(readFileSync(file, 'utf8')));
}
