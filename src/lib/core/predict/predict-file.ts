// Batch predictions for an uploaded file, as the studio's worker and the CLI both make them: import the
// file, predict every row in input order, and say in words what a person should know (rows that could not
// be predicted, labels the model never saw).
import { importTable } from '../data/import/index.ts';
import { predictRows, type PredictedRows } from './predict-rows.ts';
import type { CsvCells } from '../data/export/csv-cell.ts';
import { predictionsCsv } from './predictions-csv.ts';
import type { Predictor } from './predictor.ts';
import { describeLeftOut, trueLabels } from './true-labels.ts';

export interface PredictFileProgress {
	phase: 'reading' | 'predicting';
	/** Rows predicted so far (predicting), or bytes read (reading). */
	done: number;
	total: number;
}

export interface PredictFileResult {
	csv: string;
	rows: number;
	/** Rows that got an error entry instead of a prediction. */
	errors: number;
	/** Sentences about the file a person should read; empty when all went well. */
	problems: string[];
	/** When the file has the target column of a classifier: labels in it the model never saw, with counts. */
	unseenLabels?: Record<string, number>;
}

export async function predictFile(
	predictor: Predictor,
	file: { name: string; bytes: Uint8Array },
	onProgress?: (progress: PredictFileProgress) => void,
	/** How the CSV's text cells are written (csv-cell.ts): raw for the CLI, for spreadsheets in the studio. */
	cells: CsvCells = 'raw'
): Promise<{ result: PredictFileResult; predicted: PredictedRows }> {
	const { bundle } = predictor;
	const input = await importTable(file.bytes, {
		fileName: file.name,
		onProgress: (p) =>
			onProgress?.({ phase: 'reading', done: p.bytesRead, total: p.totalBytes ?? p.bytesRead })
	});
	const predicted = await predictRows(predictor, input, {
		onProgress: (done, total) => onProgress?.({ phase: 'predicting', done, total })
	});
	const problems: string[] = [];
	if (predicted.errorCount > 0)
		problems.push(
			`${predicted.errorCount} of ${predicted.rows} rows could not be predicted: the error column says why.`
		);
	const target = bundle.targets[0];
	let unseenLabels: Record<string, number> | undefined;
	if (bundle.task === 'classification' && target && input.schema.some((c) => c.name === target)) {
		const labels = trueLabels(predicted.prepared, target, bundle.classes ?? []);
		unseenLabels = labels.unseen;
		if (Object.keys(labels.unseen).length > 0)
			problems.push(...describeLeftOut({ ...labels, missing: 0 }, 'which it cannot predict'));
	}
	return {
		result: {
			csv: predictionsCsv(bundle, predicted, cells),
			rows: predicted.rows,
			errors: predicted.errorCount,
			problems,
			...(unseenLabels ? { unseenLabels } : {})
		},
		predicted
	};
}
