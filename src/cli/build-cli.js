#!/usr/bin/env node
// Compiles the CLI once into dist/cli/ (ignored by git), so `npx benchtop` starts without tsx compiling
// TypeScript at every start. Run by the package's `prepare` script, which `npm ci` and `npm install` run;
// benchtop.js falls back to tsx when dist/cli/ is missing or older than a source it was built from.
// Never fails the install: without the compiled copy the CLI still works, only slower to start.
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Two folders deep, like src/cli/, so paths the CLI builds from import.meta.url (the sample data sets)
// resolve to the same places from the compiled files.
const outdir = fileURLToPath(new URL('../../dist/cli/', import.meta.url));

/** Packages compiled into the CLI rather than loaded from node_modules at every start. */
const BUNDLED = ['arquero', '@uwdata/flechette', 'hyparquet', 'valibot', 'acorn'];

/**
 * esbuild's `packages: 'external'`, but with the named packages bundled.
 * @param {string[]} bundled
 * @returns {import('esbuild').Plugin}
 */
function externalExcept(bundled) {
	return {
		name: 'external-except',
		setup(build) {
			build.onResolve({ filter: /^[^./]/ }, (args) => {
				// The package a bare import names: `@scope/name/...` or `name/...`.
				const name = args.path
					.split('/')
					.slice(0, args.path.startsWith('@') ? 2 : 1)
					.join('/');
				if (bundled.includes(name)) return undefined;
				return { path: args.path, external: true };
			});
		}
	};
}

try {
	const { build } = await import('esbuild');
	// Taken before building: a source saved while the build runs counts as newer, so it is never missed.
	const builtAt = Date.now();
	rmSync(outdir, { recursive: true, force: true });
	const result = await build({
		absWorkingDir: root,
		// The tune worker and the dense engine's helper thread are entries of their own: `tune --workers` and
		// `train --threads` start them in worker threads.
		entryPoints: ['src/cli/main.ts', 'src/cli/tune-worker.ts', 'src/cli/dense-thread-worker.ts'],
		outdir,
		bundle: true,
		// Each command stays its own chunk, loaded when it runs (see commands.ts).
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		// Dependencies load from node_modules as they do under tsx, except the pure-JavaScript ones that ship
		// as hundreds of small modules (arquero alone is 170 files): those are compiled in, since resolving
		// and loading each file was most of `benchtop profile`'s start.
		plugins: [externalExcept(BUNDLED)],
		sourcemap: 'linked',
		metafile: true,
		logLevel: 'warning'
	});
	const inputs = Object.keys(result.metafile.inputs);
	writeFileSync(`${outdir}inputs.json`, `${JSON.stringify({ builtAt, inputs })}\n`);
	console.log(`benchtop: compiled the CLI into dist/cli/ (${inputs.length} sources)`);
} catch (error) {
	rmSync(outdir, { recursive: true, force: true });
	const message = error instanceof Error ? error.message : String(error);
	console.warn(
		`benchtop: could not compile the CLI (${message}); npx benchtop will run it through tsx instead`
	);
}
