// Rows projected on their first two principal components, for the cluster scatter plot: the covariance's
// eigenvectors (Jacobi rotations, exact for the few dozen features tabular data has; subspace power
// iteration on the rows when there are many). Signs follow scikit-learn 1.2.1 (svd_flip on the scores:
// each component's largest-magnitude score is positive), so the picture matches PCA().fit_transform.
import type { Points } from './clustering.ts';

export interface Projection2d {
	/** Row-major n × 2: each row's scores on the first two components (0 where there is no component). */
	projection: Float64Array;
	/** Share of the total variance each component explains (scikit-learn's explained_variance_ratio_). */
	explainedVariance: [number, number];
}

/** Up to this many features the covariance (width²) is formed and diagonalised exactly. */
const EXACT_MAX_WIDTH = 96;
const JACOBI_SWEEPS = 100;
const POWER_ITERATIONS = 1000;
const POWER_TOLERANCE = 1e-13;

export function pca2d(points: Points): Projection2d {
	const { data, width } = points;
	const n = width === 0 ? 0 : data.length / width;
	const projection = new Float64Array(n * 2);
	if (n < 2 || width === 0) return { projection, explainedVariance: [0, 0] };
	const centred = centre(data, n, width);
	let total = 0;
	for (let i = 0; i < centred.length; i++) total += centred[i]! * centred[i]!;
	if (total === 0) return { projection, explainedVariance: [0, 0] };
	const { vectors, values } =
		width <= EXACT_MAX_WIDTH ? exactComponents(centred, n, width) : iteratedComponents(centred, n, width);
	const ratios: [number, number] = [0, 0];
	vectors.forEach((vector, c) => {
		const scores = new Float64Array(n);
		let largest = 0;
		for (let i = 0; i < n; i++) {
			let s = 0;
			for (let j = 0; j < width; j++) s += centred[i * width + j]! * vector[j]!;
			scores[i] = s;
			if (Math.abs(s) > Math.abs(scores[largest]!)) largest = i;
		}
		const sign = scores[largest]! < 0 ? -1 : 1;
		for (let i = 0; i < n; i++) projection[i * 2 + c] = sign * scores[i]! + 0;
		// values are sums of squares (not divided by n − 1), like `total`, so the ratio needs no scaling.
		ratios[c] = Math.max(0, values[c]!) / total;
	});
	return { projection, explainedVariance: ratios };
}

function centre(data: ArrayLike<number>, n: number, width: number): Float64Array {
	const out = new Float64Array(n * width);
	for (let j = 0; j < width; j++) {
		let sum = 0;
		for (let i = 0; i < n; i++) sum += data[i * width + j]!;
		const mean = sum / n;
		for (let i = 0; i < n; i++) out[i * width + j] = data[i * width + j]! - mean;
	}
	return out;
}

interface Components {
	/** At most two unit vectors, largest variance first. */
	vectors: Float64Array[];
	/** Their sums of squared scores. */
	values: number[];
}

/** Cyclic Jacobi on XᵀX: rotations until the off-diagonal vanishes; eigenvalues on the diagonal. */
function exactComponents(centred: Float64Array, n: number, width: number): Components {
	const a = new Float64Array(width * width);
	for (let i = 0; i < n; i++) {
		const row = i * width;
		for (let p = 0; p < width; p++) {
			const x = centred[row + p]!;
			if (x === 0) continue;
			for (let q = p; q < width; q++) a[p * width + q]! += x * centred[row + q]!;
		}
	}
	for (let p = 0; p < width; p++) for (let q = 0; q < p; q++) a[p * width + q] = a[q * width + p]!;
	const v = new Float64Array(width * width);
	for (let p = 0; p < width; p++) v[p * width + p] = 1;
	for (let sweep = 0; sweep < JACOBI_SWEEPS; sweep++) {
		let off = 0;
		let diagonal = 0;
		for (let p = 0; p < width; p++) {
			diagonal += a[p * width + p]! ** 2;
			for (let q = p + 1; q < width; q++) off += a[p * width + q]! ** 2;
		}
		if (off <= 1e-30 * diagonal) break;
		for (let p = 0; p < width; p++) {
			for (let q = p + 1; q < width; q++) {
				const apq = a[p * width + q]!;
				if (apq === 0) continue;
				const theta = (a[q * width + q]! - a[p * width + p]!) / (2 * apq);
				const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
				const c = 1 / Math.sqrt(t * t + 1);
				const s = t * c;
				rotate(a, v, width, p, q, c, s);
			}
		}
	}
	const order = Array.from({ length: width }, (_, i) => i).sort(
		(x, y) => a[y * width + y]! - a[x * width + x]! || x - y
	);
	const picked = order.slice(0, 2);
	return {
		vectors: picked.map((c) => Float64Array.from({ length: width }, (_, r) => v[r * width + c]!)),
		values: picked.map((c) => a[c * width + c]!)
	};
}

/** A ← JᵀAJ and V ← VJ for the rotation J in the (p, q) plane that zeroes a[p][q]. */
function rotate(a: Float64Array, v: Float64Array, width: number, p: number, q: number, c: number, s: number) {
	for (let k = 0; k < width; k++) {
		const akp = a[k * width + p]!;
		const akq = a[k * width + q]!;
		a[k * width + p] = c * akp - s * akq;
		a[k * width + q] = s * akp + c * akq;
	}
	for (let k = 0; k < width; k++) {
		const apk = a[p * width + k]!;
		const aqk = a[q * width + k]!;
		a[p * width + k] = c * apk - s * aqk;
		a[q * width + k] = s * apk + c * aqk;
	}
	for (let k = 0; k < width; k++) {
		const vkp = v[k * width + p]!;
		const vkq = v[k * width + q]!;
		v[k * width + p] = c * vkp - s * vkq;
		v[k * width + q] = s * vkp + c * vkq;
	}
}

/** Two-vector subspace iteration with XᵀX applied as Xᵀ(Xv), then the best pair inside that plane. */
function iteratedComponents(centred: Float64Array, n: number, width: number): Components {
	// A fixed, varied start: deterministic, and never orthogonal to a leading component in practice.
	let basis: Float64Array[] = [0, 1].map((c) =>
		Float64Array.from({ length: width }, (_, j) => 1 + ((j * (c + 7)) % 13) / 13)
	);
	orthonormalise(basis);
	for (let iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
		const next = basis.map((vector) => gram(centred, n, width, vector));
		orthonormalise(next);
		const moved = Math.max(...next.map((vector, c) => 1 - Math.abs(dot(vector, basis[c]!))));
		basis = next;
		if (moved < POWER_TOLERANCE) break;
	}
	// Rayleigh–Ritz: diagonalise the 2 × 2 projection of XᵀX on the plane found.
	const images = basis.map((vector) => gram(centred, n, width, vector));
	const h00 = dot(basis[0]!, images[0]!);
	const h01 = dot(basis[0]!, images[1]!);
	const h11 = dot(basis[1]!, images[1]!);
	const mean = (h00 + h11) / 2;
	const spread = Math.hypot((h00 - h11) / 2, h01);
	const values = [mean + spread, mean - spread];
	const angle = 0.5 * Math.atan2(2 * h01, h00 - h11);
	const [c, s] = [Math.cos(angle), Math.sin(angle)];
	const vectors = [
		basis[0]!.map((x, j) => c * x + s * basis[1]![j]!),
		basis[0]!.map((x, j) => -s * x + c * basis[1]![j]!)
	];
	return { vectors, values };
}

function gram(centred: Float64Array, n: number, width: number, vector: Float64Array): Float64Array {
	const out = new Float64Array(width);
	for (let i = 0; i < n; i++) {
		let s = 0;
		for (let j = 0; j < width; j++) s += centred[i * width + j]! * vector[j]!;
		for (let j = 0; j < width; j++) out[j]! += s * centred[i * width + j]!;
	}
	return out;
}

function dot(a: Float64Array, b: Float64Array): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
	return s;
}

function orthonormalise(vectors: Float64Array[]): void {
	vectors.forEach((vector, c) => {
		for (let prior = 0; prior < c; prior++) {
			const overlap = dot(vector, vectors[prior]!);
			for (let j = 0; j < vector.length; j++) vector[j]! -= overlap * vectors[prior]![j]!;
		}
		const norm = Math.sqrt(dot(vector, vector));
		if (norm > 0) for (let j = 0; j < vector.length; j++) vector[j]! /= norm;
	});
}
