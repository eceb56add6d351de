// Numeric columns with more values beyond the Tukey fences (1.5 × IQR past the quartiles) than a bell
// curve would have, summed up in one finding for the whole table: a wide table with long tails everywhere
// would otherwise bury every other finding under one note per column.
import type { ColumnProfile } from '../profile/index.ts';
import { isNumeric, type QualityCheck } from './check.ts';
import { count, decimal, percent } from './format.ts';
import { CLIP_LOWER, CLIP_UPPER, OUTLIER_INFO_SHARE, OUTLIER_WARNING_SHARE } from './thresholds.ts';
import type { QualityFinding } from './types.ts';

/** Columns named one by one in the message; the rest are counted. */
const NAMED_COLUMNS = 3;

interface Tail {
	column: ColumnProfile;
	outliers: number;
	share: number;
	low: number;
	high: number;
}

function tailOf(column: ColumnProfile): Tail | null {
	const q = column.quantiles;
	if (!isNumeric(column) || !q || column.outliers === null || column.count === 0) return null;
	// With equal quartiles (mostly one value, like a pixel that is usually 0) every other value would
	// count as an outlier; that is a skewed distribution, not outliers.
	if (q.q3 === q.q1 || column.unique <= 2) return null;
	const share = column.outliers / column.count;
	if (share <= OUTLIER_INFO_SHARE) return null;
	const iqr = q.q3 - q.q1;
	return { column, outliers: column.outliers, share, low: q.q1 - 1.5 * iqr, high: q.q3 + 1.5 * iqr };
}

function describeOne(tail: Tail): string {
	const one = tail.outliers === 1;
	return `${count(tail.outliers)} ${one ? 'value' : 'values'} of ${tail.column.name} (${percent(tail.share)}) ${one ? 'lies' : 'lie'} outside ${decimal(tail.low, 4)} … ${decimal(tail.high, 4)}, 1.5 × IQR beyond the quartiles.`;
}

function describeMany(tails: Tail[]): string {
	const named = tails.slice(0, NAMED_COLUMNS).map((t) => `${t.column.name} (${percent(t.share)})`);
	const rest = tails.length - named.length;
	const list =
		rest > 0 ? `${named.join(', ')} and ${rest} more` : named.join(', ').replace(/, ([^,]*)$/, ' and $1');
	return `${tails.length} columns have long tails (over ${percent(OUTLIER_INFO_SHARE)} of values beyond 1.5 × IQR past the quartiles): ${list}.`;
}

export const checkOutliers: QualityCheck = ({ profile, target }) => {
	const tails = profile.columns
		.map(tailOf)
		.filter((t): t is Tail => t !== null)
		.sort((a, b) => b.share - a.share);
	if (tails.length === 0) return [];
	const features = tails.filter((t) => t.column.name !== target).map((t) => t.column.name);
	const targetTail = tails.some((t) => t.column.name === target);
	const why = [
		features.length > 0
			? 'Extreme values stretch scaling and pull squared-error fits toward themselves, at the expense of typical rows.'
			: '',
		targetTail
			? `Extreme values of the target ${target} dominate a squared-error loss; check they are real (the target is never clipped).`
			: ''
	]
		.filter(Boolean)
		.join(' ');
	const finding: QualityFinding = {
		id: 'outliers',
		kind: 'outliers',
		severity: tails.some((t) => t.share > OUTLIER_WARNING_SHARE) ? 'warning' : 'info',
		columns: tails.map((t) => t.column.name),
		message: tails.length === 1 ? describeOne(tails[0]!) : describeMany(tails),
		why
	};
	if (features.length > 0) {
		finding.fix = {
			op: 'clip',
			params: { columns: features, lower: CLIP_LOWER, upper: CLIP_UPPER },
			label:
				features.length === 1
					? `Clip ${features[0]} to its 1st–99th percentile`
					: `Clip these ${features.length} columns to their 1st–99th percentiles`
		};
	}
	return [finding];
};
