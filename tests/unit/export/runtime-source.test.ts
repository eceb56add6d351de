// The runtime every bundle carries: at most 10 KB gzipped, and the committed string is what
// build-runtime.js makes from the runtime's sources today (a stale copy would ship old code).
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compileRuntime, sourceModule } from '../../../src/lib/runtime/build-runtime.js';
import { RUNTIME_SOURCE } from '../../../src/lib/runtime/runtime-source.ts';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

describe('runtime source', () => {
	it('is at most 10 KB gzipped', () => {
		const size = gzipSync(RUNTIME_SOURCE, { level: 9 }).byteLength;
		expect(size).toBeGreaterThan(1000);
		expect(size).toBeLessThanOrEqual(10 * 1024);
	});

	it('is the build of the current sources (run node src/lib/runtime/build-runtime.js after editing them)', async () => {
		const fresh = await compileRuntime();
		expect(RUNTIME_SOURCE).toBe(fresh);
		const committed = readFileSync(
			new URL('../../../src/lib/runtime/runtime-source.ts', import.meta.url),
			'utf8'
		);
		expect(committed).toBe(await sourceModule(fresh));
	});

	it('defines the runtime without imports, so model.js needs nothing beside it', () => {
		expect(RUNTIME_SOURCE).not.toMatch(/\bimport\b|\brequire\(/);
		const runtime = new Function(`${RUNTIME_SOURCE}; return BenchtopRuntime;`)() as Record<string, unknown>;
		expect(typeof runtime.createModel).toBe('function');
		expect(typeof runtime.fromBase64).toBe('function');
	});

	it('carries the dense layer built from dense.c (checked where clang is installed, as CI installs it)', () => {
		const script = fileURLToPath(new URL('../../../src/lib/runtime/build-wasm.sh', import.meta.url));
		const result = spawnSync('sh', [script, '--check'], { encoding: 'utf8' });
		expect(result.status, result.stderr).toBe(0);
		expect(result.stdout).toMatch(/matches dense\.c|no clang/);
	});
});
