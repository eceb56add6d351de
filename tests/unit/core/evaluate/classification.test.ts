// Classification metrics against scikit-learn 1.2.1 on every fixture case (binary, 3- and 10-class and the
// edge cases: a class never predicted, never true, absent everywhere, one class in y_true, constant and
// perfect predictions, hard 0/1 probabilities, string labels), then the edge cases one by one.
import { describe, expect, it } from 'vitest';
import { BenchtopError } from '../../../../src/lib/core/errors.ts';
import {
	accuracyScore,
	averagePrecisionOvr,
	averagePrecisionPerClass,
	averagePrecisionScore,
	balancedAccuracyScore,
	classificationReport,
	confusionMatrix,
	f1Score,
	logLoss,
	matthewsCorrcoef,
	probabilityColumn,
	rocAucOvr,
	rocAucPerClass,
	rocAucScore
} from '../../../../src/lib/core/evaluate/index.ts';
import { CLASSIFICATION, caseNamed, expectAllClose, expectClose } from './fixtures.ts';

describe('classification metrics match scikit-learn on every fixture case', () => {
	it('records the scikit-learn version it was computed with', () => {
		expect(CLASSIFICATION.meta.sklearn).toBe('1.2.1');
		expect(CLASSIFICATION.cases.length).toBeGreaterThanOrEqual(15);
	});

	it.each(CLASSIFICATION.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
		const { classes, y_true: yTrue, y_pred: yPred, proba, expected: e } = c;
		const k = classes.length;
		expectClose(accuracyScore(yTrue, yPred), e.accuracy, 'accuracy');
		expectClose(balancedAccuracyScore(yTrue, yPred, classes), e.balanced_accuracy, 'balanced accuracy');
		expect(confusionMatrix(yTrue, yPred, classes)).toEqual({ labels: classes, matrix: e.confusion_matrix });

		const report = classificationReport(yTrue, yPred, classes);
		expectAllClose(report.perClass.precision, e.per_class.precision, 'precision');
		expectAllClose(report.perClass.recall, e.per_class.recall, 'recall');
		expectAllClose(report.perClass.f1, e.per_class.f1, 'f1');
		expect(report.perClass.support).toEqual(e.per_class.support);
		for (const average of ['macro', 'weighted'] as const) {
			for (const metric of ['precision', 'recall', 'f1'] as const) {
				expectClose(report[average][metric], e[average][metric], `${average} ${metric}`);
			}
		}
		expectClose(f1Score(yTrue, yPred, classes), e.f1_macro, 'f1 macro');
		expectClose(matthewsCorrcoef(yTrue, yPred, classes), e.matthews_corrcoef, 'mcc');

		expectClose(logLoss(yTrue, proba, classes), e.log_loss, 'log loss (eps auto)');
		expectClose(
			logLoss(yTrue, proba, classes, { eps: 1e-15 }),
			e['log_loss_eps_1e-15'],
			'log loss (eps 1e-15)'
		);

		if (k === 2) {
			const positive = probabilityColumn(proba, 2, 1);
			expectClose(rocAucScore(yTrue, positive), e.roc_auc, 'binary roc auc');
			expectClose(averagePrecisionScore(yTrue, positive), e.average_precision, 'binary average precision');
		} else {
			expectClose(rocAucOvr(yTrue, proba, classes, 'macro'), e.roc_auc_ovr_macro, 'ovr macro roc auc');
			expectClose(
				rocAucOvr(yTrue, proba, classes, 'weighted'),
				e.roc_auc_ovr_weighted,
				'ovr weighted roc auc'
			);
		}
		expectAllClose(rocAucPerClass(yTrue, proba, classes), e.roc_auc_per_class, 'per-class roc auc');
		expectAllClose(
			averagePrecisionPerClass(yTrue, proba, classes),
			e.average_precision_per_class,
			'per-class AP'
		);
		expectClose(
			averagePrecisionOvr(yTrue, proba, classes, 'macro'),
			e.average_precision_ovr_macro,
			'AP macro'
		);
		expectClose(
			averagePrecisionOvr(yTrue, proba, classes, 'weighted'),
			e.average_precision_ovr_weighted,
			'AP weighted'
		);
	});
});

function hardLoss(eps: number): number {
	return (4 * -Math.log(eps / (1 + eps)) + 26 * -Math.log((1 - eps) / (1 + eps))) / 30;
}

describe('classification edge cases', () => {
	it('a class never predicted scores precision 0 (zero_division=0) and still counts in the macro mean', () => {
		const c = caseNamed('class-never-predicted');
		expect(c.y_pred).not.toContain(2);
		const report = classificationReport(c.y_true, c.y_pred, c.classes);
		expect(report.perClass.precision[2]).toBe(0);
		expect(report.perClass.f1[2]).toBe(0);
		expect(report.averagedOver).toEqual([0, 1, 2]);
		expectClose(report.macro.f1, c.expected.macro.f1, 'macro f1');
	});

	it('a class in neither y_true nor y_pred is reported per class but left out of the averages', () => {
		const c = caseNamed('class-absent-everywhere');
		const report = classificationReport(c.y_true, c.y_pred, c.classes);
		expect(report.averagedOver).toEqual([0, 1, 2]);
		expect(report.perClass.support[3]).toBe(0);
		const meanOfPresent = (report.perClass.f1[0]! + report.perClass.f1[1]! + report.perClass.f1[2]!) / 3;
		expectClose(report.macro.f1, meanOfPresent, 'macro over present classes');
	});

	it('balanced accuracy leaves out a class that is predicted but never true', () => {
		const c = caseNamed('class-never-true');
		expect(c.y_true).not.toContain(2);
		expect(c.y_pred).toContain(2);
		const recalls = classificationReport(c.y_true, c.y_pred, c.classes).perClass.recall;
		expectClose(
			balancedAccuracyScore(c.y_true, c.y_pred, c.classes),
			(recalls[0]! + recalls[1]!) / 2,
			'mean'
		);
	});

	it('ROC AUC with a single class in y_true is NaN instead of throwing (scikit-learn raises)', () => {
		const binary = caseNamed('binary-single-class');
		expect(binary.expected.roc_auc).toBeNull();
		expect(rocAucScore(binary.y_true, probabilityColumn(binary.proba, 2, 1))).toBeNaN();
		const three = caseNamed('three-class-single-class');
		expect(three.expected.roc_auc_ovr_macro).toBeNull();
		expect(rocAucOvr(three.y_true, three.proba, three.classes)).toBeNaN();
		// Average precision stays defined: scikit-learn gives 0 for a class without positives.
		expect(averagePrecisionScore(binary.y_true, probabilityColumn(binary.proba, 2, 1))).toBe(0);
	});

	it('OvR ROC AUC is NaN when one class of the list never occurs in y_true', () => {
		const c = caseNamed('class-never-true');
		const perClass = rocAucPerClass(c.y_true, c.proba, c.classes);
		expect(Number.isNaN(perClass[2])).toBe(true);
		expect(Number.isFinite(perClass[0])).toBe(true);
		expect(rocAucOvr(c.y_true, c.proba, c.classes, 'weighted')).toBeNaN();
	});

	it('constant predictions: AUC 0.5, MCC 0', () => {
		const c = caseNamed('binary-constant-predictions');
		expect(rocAucScore(c.y_true, probabilityColumn(c.proba, 2, 1))).toBe(0.5);
		expect(matthewsCorrcoef(c.y_true, c.y_pred, c.classes)).toBe(0);
		const three = caseNamed('constant-predictions');
		expect(rocAucOvr(three.y_true, three.proba, three.classes)).toBe(0.5);
	});

	it('perfect predictions: accuracy, F1, MCC and AUC are all exactly 1', () => {
		const c = caseNamed('perfect-predictions');
		expect(accuracyScore(c.y_true, c.y_pred)).toBe(1);
		expect(f1Score(c.y_true, c.y_pred, c.classes)).toBe(1);
		expect(matthewsCorrcoef(c.y_true, c.y_pred, c.classes)).toBe(1);
		expect(rocAucOvr(c.y_true, c.proba, c.classes)).toBe(1);
	});

	it('log loss clips hard 0/1 probabilities at float64 epsilon by default (scikit-learn 1.2.1 eps="auto")', () => {
		const c = caseNamed('hard-probabilities-some-wrong');
		const loss = logLoss(c.y_true, c.proba, c.classes);
		expect(Number.isFinite(loss)).toBe(true);
		// 4 of 30 rows put 0 on the true class: after clipping and renormalising each costs -log(eps / (1 + eps)),
		// each right row -log((1 - eps) / (1 + eps)).
		expectClose(loss, hardLoss(Number.EPSILON), 'hand-computed');
		expect(logLoss(c.y_true, c.proba, c.classes, { eps: 1e-15 })).toBeLessThan(loss);
	});

	it('log loss of Float32 probabilities clips at float32 epsilon, as scikit-learn does for float32 input', () => {
		const c = caseNamed('hard-probabilities-some-wrong');
		const loss = logLoss(c.y_true, Float32Array.from(c.proba), c.classes);
		expectClose(loss, hardLoss(2 ** -23), 'float32 eps');
	});

	it('binary string labels work through their indices in the class list', () => {
		const c = caseNamed('binary-string-labels');
		expect(c.classes).toEqual(['no', 'yes']);
		expectClose(rocAucScore(c.y_true, probabilityColumn(c.proba, 2, 1)), c.expected.roc_auc, 'auc');
		// Scoring "no" as positive with its own column gives the same area.
		expectClose(rocAucScore(c.y_true, probabilityColumn(c.proba, 2, 0), 0), c.expected.roc_auc, 'auc of no');
	});

	it('refuses labels outside the class list and lengths that differ, naming the problem', () => {
		expect(() => accuracyScore([0, 1], [0])).toThrow(/differ in length/);
		expect(() => confusionMatrix([0, 3], [0, 1], ['a', 'b'])).toThrow(BenchtopError);
		expect(() => confusionMatrix([0, 3], [0, 1], ['a', 'b'])).toThrow(/label 3 at row 1/);
		expect(() => logLoss([0, 1], [0.5, 0.5, 0.5], ['a', 'b'])).toThrow(/4/);
		expect(() => logLoss([0, 0], [1, 1], ['a'])).toThrow(/two classes/);
		expect(() => rocAucScore([0, 1], [0.1, NaN])).toThrow(/not a finite number/);
		expect(() => accuracyScore([], [])).toThrow(/at least one sample/);
	});
});
