// Run by relaxed-build.test.ts in a Node started with --experimental-wasm-relaxed-simd (Node 20 ships the
// relaxed-SIMD opcodes behind that flag): trains one network on both builds from the same weights and
// batch, and prints both loss curves and the largest weight difference as JSON.
import { DenseEngine, type DenseEngineBuild } from '../../../../../src/lib/core/train/fused/dense-engine.ts';

const sizes = [32, 64, 48, 3];
let state = 7;
const random = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32 - 0.5;
const weights = sizes.slice(1).map((out, l) => ({
	kernel: Float32Array.from({ length: sizes[l]! * out }, () => random() * 0.4),
	bias: Float32Array.from({ length: out }, () => random() * 0.1)
}));
const x = Float32Array.from({ length: 64 * 32 }, random);
const y = new Float32Array(64 * 3);
for (let i = 0; i < 64; i++) y[i * 3 + (i % 3)] = 1;

async function train(build: DenseEngineBuild) {
	const engine = await DenseEngine.create(
		{ sizes, activations: ['relu', 'tanh', 'softmax'], loss: 'cross-entropy' },
		{ kind: 'adam', rate: 1e-2 },
		64,
		build
	);
	engine.setWeights(weights);
	const losses: number[] = [];
	for (let i = 0; i < 40; i++) losses.push(engine.trainBatch(x, y, 64));
	return { losses, weights: engine.getWeights(), build: engine.build };
}

const plain = await train('simd128');
const relaxed = await train('relaxed-simd');
let largest = 0;
plain.weights.forEach((layer, l) =>
	layer.kernel.forEach((value, i) => {
		largest = Math.max(largest, Math.abs(value - relaxed.weights[l]!.kernel[i]!));
	})
);
console.log(JSON.stringify({ plain: plain.losses, relaxed: relaxed.losses, build: relaxed.build, largest }));
