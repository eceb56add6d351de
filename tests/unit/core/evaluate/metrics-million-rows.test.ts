// Accuracy, F1, ROC AUC (binary and one-vs-rest) and log loss on a million rows land where the signal puts
// them. How long each takes is timed in bench/core-timings.ts (`npm run bench`), not asserted here: a shared
// machine's load would make a bound flaky.
import { describe, expect, it } from 'vitest';
import {
	accuracyScore,
	f1Score,
	logLoss,
	probabilityColumn,
	rocAucOvr,
	rocAucScore
} from '../../../../src/lib/core/evaluate/index.ts';
import { createRandom } from '../../../../src/lib/core/random/seeded-random.ts';

const N = 1_000_000;
const CLASSES = ['a', 'b', 'c'];

describe('metrics on a million rows', () => {
	const random = createRandom(42);
	const yTrue = new Int32Array(N);
	const yPred = new Int32Array(N);
	const proba = new Float32Array(N * 3);
	for (let i = 0; i < N; i++) {
		const label = random.int(3);
		yTrue[i] = label;
		// A signal on the true class, so the metrics land somewhere checkable.
		const logits = [random.normal(), random.normal(), random.normal()];
		logits[label]! += 1.5;
		const exps = logits.map(Math.exp);
		const total = exps[0]! + exps[1]! + exps[2]!;
		let best = 0;
		for (let j = 0; j < 3; j++) {
			proba[i * 3 + j] = exps[j]! / total;
			if (exps[j]! > exps[best]!) best = j;
		}
		yPred[i] = best;
	}

	it('accuracy', () => {
		const accuracy = accuracyScore(yTrue, yPred);
		expect(accuracy).toBeGreaterThan(0.5);
		expect(accuracy).toBeLessThan(0.9);
	});

	it('macro F1', () => {
		expect(f1Score(yTrue, yPred, CLASSES)).toBeGreaterThan(0.5);
	});

	it('binary ROC AUC', () => {
		const scores = probabilityColumn(proba, 3, 1);
		const auc = rocAucScore(yTrue, scores, 1);
		expect(auc).toBeGreaterThan(0.75);
		expect(auc).toBeLessThan(0.95);
	});

	it('one-vs-rest macro ROC AUC', () => {
		expect(rocAucOvr(yTrue, proba, CLASSES)).toBeGreaterThan(0.75);
	});

	it('log loss', () => {
		expect(logLoss(yTrue, proba, CLASSES)).toBeLessThan(Math.log(3));
	});
});
