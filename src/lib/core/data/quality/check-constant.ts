// Columns with one value in every row that has one: nothing to learn from.
import { findingId, type QualityCheck } from './check.ts';

export const checkConstant: QualityCheck = ({ profile, target }) =>
	profile.columns
		.filter((c) => c.count > 0 && c.unique === 1 && c.name !== target)
		.map((column) => {
			const value =
				column.top?.[0]?.value ??
				(column.min instanceof Date ? column.min.toISOString().slice(0, 10) : column.min);
			const withMissing =
				column.missing > 0 ? ` (${column.missing.toLocaleString('en')} rows are missing)` : '';
			return {
				id: findingId('constant', [column.name]),
				kind: 'constant' as const,
				severity: 'warning' as const,
				columns: [column.name],
				message: `${column.name} has the same value, ${String(value)}, in every row${withMissing}.`,
				why: 'A column that never changes cannot explain why the target does; it only adds a useless input.',
				fix: { op: 'drop', params: { columns: [column.name] }, label: `Drop column ${column.name}` }
			};
		});
