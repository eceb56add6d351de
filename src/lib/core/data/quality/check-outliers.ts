// Numeric columns with more values beyond the Tukey fences (1.5 × IQR past the quartiles) than a
// bell curve would have.
import { findingId, isNumeric, type QualityCheck } from './check.ts';
import { count, decimal, percent } from './format.ts';
import { CLIP_LOWER, CLIP_UPPER, OUTLIER_INFO_SHARE, OUTLIER_WARNING_SHARE } from './thresholds.ts';
import type { QualityFinding } from './types.ts';

export const checkOutliers: QualityCheck = ({ profile, target }) => {
	const findings: QualityFinding[] = [];
	for (const column of profile.columns) {
		const q = column.quantiles;
		if (!isNumeric(column) || !q || column.outliers === null || column.count === 0) continue;
		// With equal quartiles (mostly one value, like a pixel that is usually 0) every other value would
		// count as an outlier; that is a skewed distribution, not outliers.
		if (q.q3 === q.q1 || column.unique <= 2) continue;
		const share = column.outliers / column.count;
		if (share <= OUTLIER_INFO_SHARE) continue;
		const iqr = q.q3 - q.q1;
		const isTarget = column.name === target;
		findings.push({
			id: findingId('outliers', [column.name]),
			kind: 'outliers',
			severity: share > OUTLIER_WARNING_SHARE ? 'warning' : 'info',
			columns: [column.name],
			message: `${count(column.outliers)} ${column.outliers === 1 ? 'value' : 'values'} of ${column.name} (${percent(share)}) ${column.outliers === 1 ? 'lies' : 'lie'} outside ${decimal(q.q1 - 1.5 * iqr, 4)} … ${decimal(q.q3 + 1.5 * iqr, 4)}, 1.5 × IQR beyond the quartiles.`,
			why: isTarget
				? 'Extreme target values dominate a squared-error loss; check they are real before training on them.'
				: 'Extreme values stretch scaling and pull squared-error fits toward themselves, at the expense of typical rows.',
			...(isTarget
				? {}
				: {
						fix: {
							op: 'clip',
							params: { columns: [column.name], lower: CLIP_LOWER, upper: CLIP_UPPER },
							label: `Clip ${column.name} to its 1st–99th percentile`
						}
					})
		});
	}
	return findings;
};
