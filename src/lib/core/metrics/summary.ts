// The handful of test-split metrics the CLI prints and a run record keeps, in plain JSON (snake_case names
// as scikit-learn spells them; an undefined metric is null, since NaN is not JSON):
//
//   classification → { accuracy, f1_macro, roc_auc, log_loss, notes? }
//     roc_auc is the binary AUC of class 1's probability for two classes, the one-vs-rest macro AUC for
//     more; f1_macro averages over the classes present in y_true or y_pred (scikit-learn's labels=None).
//   regression / multi-output → { r2, mae, rmse, outputs: { <target>: { r2, mae, rmse } } }
//     the top-level values are the uniform averages of the per-output ones.
//
// `notes` appears only when a metric is null and says why, so the CLI can print the reason next to it.
import { BenchtopError } from '../errors.ts';
import { accuracyScore, f1Score, logLoss, rocAucOvr, rocAucScore } from './classification.ts';
import { argmaxRows, probabilityColumn, type Labels, type Probabilities } from './inputs.ts';
import { meanAbsoluteError, r2Score, rootMeanSquaredError } from './regression.ts';

export interface ClassificationSummary {
	accuracy: number;
	f1_macro: number;
	roc_auc: number | null;
	log_loss: number | null;
	notes?: string[];
}

export interface OutputSummary {
	r2: number | null;
	mae: number;
	rmse: number;
}

export interface RegressionSummary extends OutputSummary {
	/** Per target column, keyed by its name. */
	outputs: Record<string, OutputSummary>;
	notes?: string[];
}

export type SummaryInput =
	| {
			task: 'classification';
			classes: readonly string[];
			yTrue: Labels;
			/** Row-major n × k probabilities. */
			proba: Probabilities;
			/** Predicted classes; the argmax of proba when left out. */
			yPred?: Labels;
	  }
	| {
			task: 'regression' | 'multi-output';
			/** Target column names, one per output, in the order of yTrue and yPred. */
			targets: readonly string[];
			yTrue: readonly ArrayLike<number>[];
			yPred: readonly ArrayLike<number>[];
	  };

function orNull(value: number): number | null {
	return Number.isFinite(value) ? value : null;
}

export function classificationSummary(
	input: Extract<SummaryInput, { task: 'classification' }>
): ClassificationSummary {
	const { classes, yTrue, proba } = input;
	const k = classes.length;
	const yPred = input.yPred ?? argmaxRows(proba, k);
	const notes: string[] = [];
	let rocAuc: number | null = null;
	let loss: number | null = null;
	if (k < 2) {
		notes.push('roc_auc and log_loss need at least two classes; the class list has one.');
	} else {
		loss = logLoss(yTrue, proba, classes);
		rocAuc = orNull(
			k === 2 ? rocAucScore(yTrue, probabilityColumn(proba, k, 1), 1) : rocAucOvr(yTrue, proba, classes)
		);
		if (rocAuc === null) {
			notes.push(
				k === 2
					? 'roc_auc is undefined: the test split holds only one of the two classes.'
					: 'roc_auc is undefined: some class never occurs in the test split, so its one-vs-rest curve has no positive sample.'
			);
		}
	}
	const summary: ClassificationSummary = {
		accuracy: accuracyScore(yTrue, yPred),
		f1_macro: f1Score(yTrue, yPred, classes, 'macro'),
		roc_auc: rocAuc,
		log_loss: loss
	};
	if (notes.length > 0) summary.notes = notes;
	return summary;
}

export function regressionSummary(
	input: Extract<SummaryInput, { task: 'regression' | 'multi-output' }>
): RegressionSummary {
	const { targets, yTrue, yPred } = input;
	if (targets.length !== yTrue.length || targets.length !== yPred.length) {
		throw new BenchtopError(
			'bad-input',
			`Metrics summary: ${targets.length} target names for ${yTrue.length} true and ${yPred.length} predicted outputs.`
		);
	}
	const r2 = r2Score(yTrue, yPred, 'raw_values');
	const mae = meanAbsoluteError(yTrue, yPred, 'raw_values');
	const rmse = rootMeanSquaredError(yTrue, yPred, 'raw_values');
	const outputs: Record<string, OutputSummary> = {};
	targets.forEach((name, o) => {
		outputs[name] = { r2: orNull(r2[o]!), mae: mae[o]!, rmse: rmse[o]! };
	});
	const meanOf = (values: number[]) => values.reduce((sum, x) => sum + x, 0) / values.length;
	const summary: RegressionSummary = {
		r2: orNull(meanOf(r2)),
		mae: meanOf(mae),
		rmse: meanOf(rmse),
		outputs
	};
	// Say why r2 is missing, truthfully: too few samples, or a spread that is zero or overflows a number.
	if (summary.r2 === null)
		summary.notes = [
			(yTrue[0]?.length ?? 0) < 2
				? 'r2 is undefined with fewer than two test samples.'
				: `r2 is undefined for ${targets.filter((name) => outputs[name]!.r2 === null).join(', ')}: the test values do not vary, or vary more than a number can hold.`
		];
	return summary;
}

export function metricsSummary(input: SummaryInput): ClassificationSummary | RegressionSummary {
	return input.task === 'classification' ? classificationSummary(input) : regressionSummary(input);
}
