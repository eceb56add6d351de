// Missing values per column: how many, and whether to impute, drop the column, or (for the target)
// drop the rows, since a row without a target cannot teach a model anything.
import type { ColumnProfile } from '../profile/index.ts';
import { findingId, type QualityCheck } from './check.ts';
import { count, percent } from './format.ts';
import { MISSING_PROBLEM_SHARE, MISSING_WARNING_SHARE } from './thresholds.ts';
import type { QualityFinding, QualityFix, QualitySeverity } from './types.ts';

function imputeFix(column: ColumnProfile): QualityFix {
	const ordered = column.type === 'integer' || column.type === 'number' || column.type === 'date';
	const strategy = ordered ? 'median' : 'most-frequent';
	return {
		op: 'impute',
		params: { columns: [column.name], strategy },
		label: `Fill missing ${column.name} with the ${ordered ? 'median' : 'most frequent value'}`
	};
}

export const checkMissing: QualityCheck = ({ profile, target }) => {
	const findings: QualityFinding[] = [];
	for (const column of profile.columns) {
		if (column.missing === 0 || profile.rows === 0) continue;
		const share = column.missing / profile.rows;
		const isTarget = column.name === target;
		let severity: QualitySeverity =
			share > MISSING_PROBLEM_SHARE ? 'problem' : share > MISSING_WARNING_SHARE ? 'warning' : 'info';
		let fix: QualityFix;
		let why: string;
		if (isTarget) {
			if (severity === 'info') severity = 'warning';
			fix = {
				op: 'filter',
				params: { match: 'all', conditions: [{ column: column.name, operator: 'is-present' }] },
				label: `Drop the rows where ${column.name} is missing`
			};
			why =
				'Rows without a target value cannot be trained or scored on, and guessing the target would invent the answers.';
		} else if (severity === 'problem') {
			fix = { op: 'drop', params: { columns: [column.name] }, label: `Drop column ${column.name}` };
			why =
				'Filling in most of a column invents its values; the model would learn the filling, not the data.';
		} else {
			fix = imputeFix(column);
			why =
				'Models need a value in every cell; how the gaps are filled decides what the model sees for those rows.';
		}
		const all = column.missing === profile.rows;
		findings.push({
			id: findingId('missing-heavy', [column.name]),
			kind: 'missing-heavy',
			severity,
			columns: [column.name],
			message: all
				? `${column.name} has no values at all (${count(profile.rows)} rows missing).`
				: `${column.name} is missing in ${count(column.missing)} of ${count(profile.rows)} rows (${percent(share)}).`,
			why,
			fix
		});
	}
	return findings;
};
