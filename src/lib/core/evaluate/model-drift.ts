// A model's side of a drift report: its training profile, taken from the training rows of the run's own
// split and its predictions on the test split; and the report of a new table, the model's predictions on
// that table compared with those on the test split. Shared by `benchtop train`/`benchtop drift` and the
// studio's drift page.
import { driftReport, type DriftReport } from '../drift/drift-report.ts';
import {
	trainingProfile,
	type ProfiledPredictions,
	type TrainingProfile
} from '../drift/training-profile.ts';
import { requiredColumns } from '../predict/check-input.ts';
import { predictRows, type PredictedRows } from '../predict/predict-rows.ts';
import { bundleFromRun, loadPredictor, type Predictor } from '../predict/predictor.ts';
import type { ModelArtifact } from '../models/artifact.ts';
import { isolated } from '../phrase.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { takeRows } from '../table/take-rows.ts';
import type { RunRecord } from '../train/run-record.ts';
import { recreateSplit } from './evaluate-split.ts';

/** The model's outputs on the rows it could predict, as the values a profile compares: the predicted class
 * or cluster (categories) or the first target's predicted value (numbers). */
export function predictionValues(predictor: Predictor, predicted: PredictedRows): ProfiledPredictions {
	const { bundle } = predictor;
	if (predicted.labels)
		return {
			name: `predicted ${isolated(bundle.targets[0] ?? 'class')}`,
			kind: 'category',
			values: predicted.labels.filter((label) => label !== null)
		};
	if (predicted.clusters)
		return {
			name: 'predicted cluster',
			kind: 'category',
			values: Array.from(predicted.clusters)
				.filter((c) => c >= 0)
				.map((c) => `cluster ${c}`)
		};
	const values = predicted.values?.[0] ?? new Float64Array(0);
	return {
		name: `predicted ${isolated(bundle.targets[0] ?? 'value')}`,
		kind: 'number',
		values: Array.from(values).filter((x) => Number.isFinite(x))
	};
}

/**
 * The training profile of a run: `input` is the table it trained on (its split is drawn again from the
 * record and checked by hash), profiled over the training rows and the model's raw input columns; the
 * predictions are the model's on the test split.
 */
export async function runTrainingProfile(
	input: PrepTable,
	run: Pick<RunRecord, 'split' | 'searchRows'>,
	predictor: Predictor
): Promise<TrainingProfile> {
	const split = recreateSplit(input, run.split, run.searchRows);
	const columns = requiredColumns(predictor.bundle);
	const predictions =
		split.test.length > 0
			? predictionValues(predictor, await predictRows(predictor, takeRows(input, split.test)))
			: undefined;
	return trainingProfile(input, columns, split.train, predictions);
}

/** The training profile of a run just trained (its record and artifact, before either is stored). */
export async function trainedRunProfile(
	input: PrepTable,
	run: Omit<RunRecord, 'id' | 'artifactId'>,
	artifact: ModelArtifact
): Promise<TrainingProfile> {
	const predictor = await loadPredictor(bundleFromRun({ ...run, id: '', artifactId: null }, artifact));
	try {
		return await runTrainingProfile(input, run, predictor);
	} finally {
		predictor.dispose();
	}
}

/** The drift report of `input` against the profile, the model's predictions on it included. */
export async function modelDriftReport(
	profile: TrainingProfile,
	input: PrepTable,
	predictor: Predictor
): Promise<DriftReport> {
	let predictions: ProfiledPredictions | undefined;
	if (profile.predictions) {
		try {
			predictions = predictionValues(predictor, await predictRows(predictor, input));
		} catch {
			// Rows the model cannot read at all (a column missing) still get the per-column report, which names
			// the absent columns; the predictions' part is left out.
			predictions = undefined;
		}
	}
	return driftReport(profile, input, predictions?.values);
}
