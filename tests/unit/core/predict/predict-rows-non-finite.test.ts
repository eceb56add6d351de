// A prediction that is not a finite number (an output that overflowed float32) becomes an error row with
// its reason, never a blank answer with an empty error column (issue 14, item 3).
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDelimitedText } from '../../../../src/lib/core/data/parse-delimited-text.ts';
import { NON_FINITE_PREDICTION, predictRows } from '../../../../src/lib/core/predict/predict-rows.ts';
import { predictionsCsv } from '../../../../src/lib/core/predict/predictions-csv.ts';
import { bundleFromRun, loadPredictor, type Predictor } from '../../../../src/lib/core/predict/predictor.ts';
import { irisClassifier } from './trained-runs.ts';

let predictor: Predictor;
beforeAll(async () => {
	const iris = await irisClassifier();
	predictor = await loadPredictor(bundleFromRun(iris.run, iris.artifact));
}, 60_000);

/** The real predictor, with the outputs of the given rows (of each chunk) replaced by `value`. */
function overflowing(rows: number[], value: number): Predictor {
	return {
		...predictor,
		async predictPrepared(prepared) {
			const out = await predictor.predictPrepared(prepared);
			for (const row of rows) out.proba![row * 3 + 1] = value;
			return out;
		}
	};
}

describe('predictRows with outputs that are not finite', () => {
	it('marks those rows as errors, with no label and no probabilities; the others are predicted', async () => {
		const input = parseDelimitedText(
			'sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n5.9,3.0,4.2,1.5\n'
		);
		for (const value of [NaN, Infinity, -Infinity]) {
			const result = await predictRows(overflowing([1], value), input);
			expect(result.errors).toEqual([null, NON_FINITE_PREDICTION, null]);
			expect(result.errorCount).toBe(1);
			expect(result.labels).toEqual(['setosa', null, 'versicolor']);
			const csv = predictionsCsv(predictor.bundle, result).trim().split('\n');
			expect(csv[2]).toBe(
				`,,,,${NON_FINITE_PREDICTION.includes(',') ? `"${NON_FINITE_PREDICTION}"` : NON_FINITE_PREDICTION}`
			);
			expect(
				csv[1]!
					.split(',')
					.slice(1, 4)
					.every((p) => Number.isFinite(Number(p)) && p !== '')
			).toBe(true);
			expect(csv[1]!.startsWith('setosa,') && csv[1]!.endsWith(',')).toBe(true);
		}
	});
});
