// The relaxed-SIMD build (fused multiply-add in the GEMMs, the opcode rewritten by
// wasm/dense/patch-relaxed.mjs) trains like the plain SIMD128 build. Node 20 validates it only with
// --experimental-wasm-relaxed-simd, so the run happens in a child Node started with that flag (none where
// this Node validates it already).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { preferredDenseBuild } from '../../../../../src/lib/core/train/fused/dense-engine.ts';

const script = fileURLToPath(new URL('./relaxed-build-run.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../../../node_modules/tsx/dist/loader.mjs', import.meta.url));

describe('the relaxed-SIMD build', () => {
	it('trains as the plain build does, within float rounding', () => {
		const out = execFileSync(
			process.execPath,
			// Where this Node already runs relaxed SIMD (22+), no flag (later V8s may drop it).
			[
				...(preferredDenseBuild() === 'relaxed-simd' ? [] : ['--experimental-wasm-relaxed-simd']),
				'--import',
				tsx,
				script
			],
			{ encoding: 'utf8' }
		);
		const { plain, relaxed, build, largest } = JSON.parse(out.trim().split('\n').pop()!) as {
			plain: number[];
			relaxed: number[];
			build: string;
			largest: number;
		};
		expect(build).toBe('relaxed-simd');
		expect(plain[39]!).toBeLessThan(plain[0]! / 2);
		relaxed.forEach((loss, i) => expect(loss).toBeCloseTo(plain[i]!, 4));
		expect(largest).toBeLessThan(1e-4);
	}, 60_000);
});
