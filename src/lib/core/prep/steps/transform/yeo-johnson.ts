// The Yeo-Johnson power transform and its lambda fitted by maximum likelihood, as scikit-learn's
// PowerTransformer(method='yeo-johnson', standardize=False) does: same formula, same log-likelihood,
// same optimiser (SciPy's Brent, started from the bracket (-2, 2)).
import { brentMinimize } from './brent.ts';

const SPACING_ONE = 2 ** -52;
const TINY = 2 ** -1022;

/** The transform of one value; NaN stays NaN. */
export function yeoJohnson(x: number, lambda: number): number {
	if (x >= 0) {
		return Math.abs(lambda) < SPACING_ONE ? Math.log1p(x) : (Math.pow(x + 1, lambda) - 1) / lambda;
	}
	if (Math.abs(lambda - 2) > SPACING_ONE) return -(Math.pow(-x + 1, 2 - lambda) - 1) / (2 - lambda);
	return -Math.log1p(-x);
}

/** The lambda that makes the present values (no NaN) look most normal. */
export function fitYeoJohnsonLambda(values: Float64Array): number {
	const n = values.length;
	let signedLogSum = 0;
	for (let i = 0; i < n; i++) signedLogSum += Math.sign(values[i]!) * Math.log1p(Math.abs(values[i]!));
	const transformed = new Float64Array(n);
	const negativeLogLikelihood = (lambda: number) => {
		let sum = 0;
		for (let i = 0; i < n; i++) sum += transformed[i] = yeoJohnson(values[i]!, lambda);
		const mean = sum / n;
		let squares = 0;
		for (let i = 0; i < n; i++) squares += (transformed[i]! - mean) ** 2;
		const variance = squares / n;
		// As sklearn: a variance that would underflow the log rejects this lambda.
		if (!(variance >= TINY)) return Infinity;
		return -(-(n / 2) * Math.log(variance) + (lambda - 1) * signedLogSum);
	};
	return brentMinimize(negativeLogLikelihood, -2, 2);
}
