// The runtime every bundle carries: at most 10 KB gzipped, and the committed string is what
// build-runtime.js makes from the runtime's sources today (a stale copy would ship old code).
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compileRuntime, sourceModule } from '../../../src/lib/runtime/build-runtime.js';
import { DENSE_WASM } from '../../../src/lib/runtime/dense-wasm.ts';
import { IMAGE_RUNTIME_SOURCE, RUNTIME_SOURCE } from '../../../src/lib/runtime/runtime-source.ts';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

describe('runtime source', () => {
	it('is at most 10 KB gzipped in both combinations a bundle may carry (tables; image graphs)', () => {
		const sizes = [RUNTIME_SOURCE, IMAGE_RUNTIME_SOURCE].map((s) => gzipSync(s, { level: 9 }).byteLength);
		expect(Math.min(...sizes)).toBeGreaterThan(1000);
		expect(Math.max(...sizes)).toBeLessThanOrEqual(10 * 1024);
		// The image runtime has the graph operations and no WebAssembly module (images run on the JS path).
		expect(IMAGE_RUNTIME_SOURCE).toContain('global-avg-pool');
		expect(RUNTIME_SOURCE).not.toContain('global-avg-pool');
		expect(RUNTIME_SOURCE).toContain(DENSE_WASM.slice(0, 64));
		expect(IMAGE_RUNTIME_SOURCE).not.toContain(DENSE_WASM.slice(0, 64));
	});

	it('is the build of the current sources (run node src/lib/runtime/build-runtime.js after editing them)', async () => {
		const fresh = await compileRuntime();
		const freshImage = await compileRuntime('image-index.ts');
		expect(RUNTIME_SOURCE).toBe(fresh);
		expect(IMAGE_RUNTIME_SOURCE).toBe(freshImage);
		const committed = readFileSync(
			new URL('../../../src/lib/runtime/runtime-source.ts', import.meta.url),
			'utf8'
		);
		expect(committed).toBe(await sourceModule(fresh, freshImage));
	});

	it('defines the runtime without imports, so model.js needs nothing beside it', () => {
		expect(RUNTIME_SOURCE).not.toMatch(/\bimport\b|\brequire\(/);
		for (const source of [RUNTIME_SOURCE, IMAGE_RUNTIME_SOURCE]) {
			expect(source).not.toMatch(/\bimport\b|\brequire\(/);
			const runtime = new Function(`${source}; return BenchtopRuntime;`)() as Record<string, unknown>;
			expect(typeof runtime.createModel).toBe('function');
			expect(typeof runtime.fromBase64).toBe('function');
		}
	});

	it('carries the dense layer built from dense.c (checked where clang is installed, as CI installs it)', () => {
		const script = fileURLToPath(new URL('../../../src/lib/runtime/build-wasm.sh', import.meta.url));
		const result = spawnSync('sh', [script, '--check'], { encoding: 'utf8' });
		expect(result.status, result.stderr).toBe(0);
		expect(result.stdout).toMatch(/matches dense\.c|no clang/);
	});
});
