// CPU time per batch of the fused dense engine's training step, for a shared machine: Node's
// process.cpuUsage over the step on a fixed batch of 256 rows, 32→64→64→1 and 32→256→256→1, MSE, Adam;
// the best of 15 rounds. Its pair is torch-cpu-time.py. Run: npx tsx bench/reference/dense-engine-cpu-time.ts
// (add `node --experimental-wasm-relaxed-simd --import tsx` to time the relaxed-SIMD build in Node 20).
import { DenseEngine, preferredDenseBuild } from '../../src/lib/core/train/fused/dense-engine.ts';

let state = 1;
const random = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32 - 0.5;

for (const hidden of [64, 256]) {
	const sizes = [32, hidden, hidden, 1];
	const engine = await DenseEngine.create(
		{ sizes, activations: ['relu', 'relu', 'linear'], loss: 'mse' },
		{ kind: 'adam', rate: 1e-3 },
		256
	);
	engine.setWeights(
		sizes.slice(1).map((out, l) => ({
			kernel: Float32Array.from({ length: sizes[l]! * out }, () => random() * 0.3),
			bias: new Float32Array(out)
		}))
	);
	engine.inputBuffer(256).set(Float32Array.from({ length: 256 * 32 }, random));
	engine.targetBuffer(256).set(Float32Array.from({ length: 256 }, random));
	for (let i = 0; i < 30; i++) engine.trainBuffered(256);
	const n = hidden === 64 ? 60 : 10;
	let best = Infinity;
	for (let round = 0; round < 15; round++) {
		const start = process.cpuUsage();
		for (let i = 0; i < n; i++) engine.trainBuffered(256);
		const used = process.cpuUsage(start);
		best = Math.min(best, (used.user + used.system) / 1e6 / n);
	}
	const flops = 6 * (32 * hidden + hidden * hidden + hidden);
	console.log(
		`32→${hidden}→${hidden}→1: ${Math.round(256 / best).toLocaleString('en')} samples/s of CPU time, ` +
			`${((256 / best) * flops * 1e-9).toFixed(1)} GFLOP/s (fused engine, ${preferredDenseBuild()}, 1 thread)`
	);
}
