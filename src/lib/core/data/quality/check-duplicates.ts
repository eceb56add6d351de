// Rows that repeat an earlier row exactly.
import { findingId, type QualityCheck } from './check.ts';
import { count, percent } from './format.ts';
import { DUPLICATE_WARNING_SHARE } from './thresholds.ts';

export const checkDuplicates: QualityCheck = ({ profile }) => {
	const duplicates = profile.duplicateRows;
	if (duplicates === 0 || profile.rows === 0) return [];
	const share = duplicates / profile.rows;
	return [
		{
			id: findingId('duplicate-rows', []),
			kind: 'duplicate-rows',
			severity: share > DUPLICATE_WARNING_SHARE ? 'warning' : 'info',
			columns: [],
			message: `${count(duplicates)} of ${count(profile.rows)} rows (${percent(share)}) repeat an earlier row exactly.`,
			why: 'Copies that fall on both sides of a train/test split make the test score look better than the model is.',
			fix: {
				op: 'dedupe',
				params: {},
				label: `Remove ${count(duplicates)} duplicate ${duplicates === 1 ? 'row' : 'rows'}`
			}
		}
	];
};
