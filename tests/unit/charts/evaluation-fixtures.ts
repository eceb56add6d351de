// Test helper: deterministic classifier and regressor outputs for the evaluation chart tests (a small
// seeded generator, so snapshots never move).
export function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

/** n rows of k classes; the true class gets a head start of `skill` before normalising. */
export function scoredRows(n: number, classes: string[], skill = 1.5, seed = 7) {
	const k = classes.length;
	const random = seeded(seed);
	const yTrue = new Int32Array(n);
	const proba = new Float32Array(n * k);
	for (let i = 0; i < n; i++) {
		const label = i % k;
		yTrue[i] = label;
		let sum = 0;
		for (let j = 0; j < k; j++) {
			const raw = random() + (j === label ? skill * random() : 0);
			proba[i * k + j] = raw;
			sum += raw;
		}
		for (let j = 0; j < k; j++) proba[i * k + j] = proba[i * k + j]! / sum;
	}
	return { classes, yTrue, proba };
}

export function regressionRows(n: number, targets: string[], seed = 3) {
	const random = seeded(seed);
	const actual = targets.map(() => new Float64Array(n));
	const predicted = targets.map(() => new Float64Array(n));
	targets.forEach((_, o) => {
		for (let i = 0; i < n; i++) {
			actual[o]![i] = 10 * (o + 1) + 20 * random();
			predicted[o]![i] = actual[o]![i]! + 4 * (random() - 0.5);
		}
	});
	return { targets, actual, predicted };
}
