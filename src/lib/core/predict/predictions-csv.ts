// Batch predictions as CSV, one line per input row in input order: `label` and `p_<class>` for a
// classifier, one column per target for regression, `cluster` for clustering, and always an `error`
// column, empty where the row was predicted, so a pipeline reads one fixed set of columns. Labels,
// `p_<label>` headers and errors are text cells: neutralised for spreadsheets when `cells` says so.
import { csvField, type CsvCells } from '../data/export/csv-cell.ts';
import type { ModelBundle } from './model-bundle.ts';
import type { PredictedRows } from './predict-rows.ts';

/** Nine significant digits: every float32 the model gave back, exactly, without float64 noise. */
function number(x: number): string {
	return Number.isFinite(x) ? String(Number(x.toPrecision(9))) : '';
}

export function predictionColumns(bundle: ModelBundle): string[] {
	switch (bundle.task) {
		case 'classification':
			return ['label', ...(bundle.classes ?? []).map((c) => `p_${c}`), 'error'];
		case 'clustering':
			return ['cluster', 'error'];
		default:
			return [...bundle.targets, 'error'];
	}
}

/** `cells`: 'raw' (the default: the CLI's output, for code) or 'spreadsheet' (the studio's download). */
export function predictionsCsv(
	bundle: ModelBundle,
	predicted: PredictedRows,
	cells: CsvCells = 'raw'
): string {
	const field = (text: string) => csvField(text, cells);
	const lines = [predictionColumns(bundle).map(field).join(',')];
	const k = bundle.classes?.length ?? 0;
	for (let i = 0; i < predicted.rows; i++) {
		const error = predicted.errors[i];
		const cells: string[] = [];
		if (predicted.labels) {
			cells.push(field(predicted.labels[i] ?? ''));
			for (let c = 0; c < k; c++) cells.push(number(predicted.proba![i * k + c]!));
		} else if (predicted.clusters) {
			cells.push(predicted.clusters[i]! < 0 ? '' : String(predicted.clusters[i]));
		} else {
			for (const column of predicted.values ?? []) cells.push(number(column[i]!));
		}
		cells.push(field(error ?? ''));
		lines.push(cells.join(','));
	}
	return `${lines.join('\n')}\n`;
}
