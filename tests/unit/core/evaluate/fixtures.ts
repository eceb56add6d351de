// Loads the scikit-learn metric fixtures (tests/fixtures/sklearn/make-metrics-fixtures.py) and compares
// numbers the way every metric test here does: 1e-9 relative, null in the fixture standing for NaN.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

export function loadFixture<T>(name: string): T {
	return JSON.parse(readFileSync(new URL(`../../../fixtures/sklearn/${name}`, import.meta.url), 'utf8')) as T;
}

/** 1e-9 relative, with a 1e-12 floor so values that should be 0 (r2 of -2e-14) compare sensibly. */
export function expectClose(actual: number, expected: number | null, label: string): void {
	if (expected === null) {
		expect(actual, label).toBeNaN();
		return;
	}
	const tolerance = 1e-9 * Math.abs(expected) + 1e-12;
	expect(Math.abs(actual - expected), `${label}: ${actual} vs scikit-learn ${expected}`).toBeLessThanOrEqual(
		tolerance
	);
}

export function expectAllClose(actual: ArrayLike<number>, expected: (number | null)[], label: string): void {
	expect(actual.length, `${label} length`).toBe(expected.length);
	for (let i = 0; i < expected.length; i++) expectClose(actual[i]!, expected[i]!, `${label}[${i}]`);
}

export interface ClassificationCase {
	name: string;
	classes: string[];
	y_true: number[];
	y_pred: number[];
	proba: number[];
	expected: {
		accuracy: number;
		balanced_accuracy: number;
		confusion_matrix: number[][];
		per_class: { precision: number[]; recall: number[]; f1: number[]; support: number[] };
		macro: { precision: number; recall: number; f1: number };
		weighted: { precision: number; recall: number; f1: number };
		f1_macro: number;
		matthews_corrcoef: number;
		log_loss: number | null;
		'log_loss_eps_1e-15': number | null;
		roc_auc: number | null;
		roc_auc_ovr_macro: number | null;
		roc_auc_ovr_weighted: number | null;
		roc_auc_per_class: (number | null)[];
		average_precision: number | null;
		average_precision_ovr_macro: number;
		average_precision_ovr_weighted: number;
		average_precision_per_class: number[];
	};
	curves: {
		positive: number;
		roc: { fpr: (number | null)[]; tpr: (number | null)[]; thresholds: number[] };
		roc_all: { fpr: (number | null)[]; tpr: (number | null)[]; thresholds: number[] };
		pr: { precision: number[]; recall: number[]; thresholds: number[] };
		calibration: {
			strategy: 'uniform' | 'quantile';
			n_bins: number;
			prob_true: number[];
			prob_pred: number[];
		}[];
	};
}

export const CLASSIFICATION = loadFixture<{ meta: { sklearn: string }; cases: ClassificationCase[] }>(
	'metrics-classification.json'
);

export function caseNamed(name: string): ClassificationCase {
	const found = CLASSIFICATION.cases.find((c) => c.name === name);
	if (!found) throw new Error(`no fixture case ${name}`);
	return found;
}
