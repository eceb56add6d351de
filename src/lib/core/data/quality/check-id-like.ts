// Integer, text and category columns with a different value in (nearly) every row: identifiers.
import type { ColumnProfile } from '../profile/types.ts';
import { numbersRows } from '../row-numbering.ts';
import { findingId, type QualityCheck } from './check.ts';
import { count, percent } from './format.ts';
import { ID_LIKE_MIN_VALUES, ID_LIKE_UNIQUE_RATIO } from './thresholds.ts';

const KEY_TYPES = new Set(['integer', 'text', 'category']);

/** Integer columns count as identifiers only when their values number the rows (see numbersRows). */
function numbersTheRows(column: ColumnProfile): boolean {
	if (typeof column.min !== 'number' || typeof column.max !== 'number') return true;
	return numbersRows(column.min, column.max, column.unique);
}

export const checkIdLike: QualityCheck = ({ profile, target, idLike }) =>
	profile.columns
		.filter(
			(c) =>
				KEY_TYPES.has(c.type) &&
				c.name !== target &&
				c.count >= ID_LIKE_MIN_VALUES &&
				c.unique / c.count > ID_LIKE_UNIQUE_RATIO &&
				(c.type !== 'integer' || numbersTheRows(c))
		)
		.map((column) => {
			idLike.add(column.name);
			const about = column.uniqueApprox ? 'about ' : '';
			return {
				id: findingId('id-like', [column.name]),
				kind: 'id-like' as const,
				severity: 'warning' as const,
				columns: [column.name],
				message: `${column.name} has ${about}${count(column.unique)} distinct values in ${count(column.count)} rows (${percent(column.unique / column.count)}): it looks like an identifier.`,
				why: 'An identifier names a row rather than describing it; a model can memorise it but not generalise from it.',
				fix: { op: 'drop', params: { columns: [column.name] }, label: `Drop column ${column.name}` }
			};
		});
