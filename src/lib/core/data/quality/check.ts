// What every quality check gets and gives: the profile, the target if any, and a list of findings.
import type { ColumnProfile, TableProfile } from '../profile/index.ts';
import type { QualityFinding, QualityKind } from './types.ts';

export interface CheckContext {
	profile: TableProfile;
	target: string | undefined;
	/** Columns already reported as identifiers, which other checks leave alone. */
	idLike: Set<string>;
}

export type QualityCheck = (context: CheckContext) => QualityFinding[];

export function findingId(kind: QualityKind, columns: string[]): string {
	return columns.length === 0 ? kind : `${kind}:${columns.join(',')}`;
}

export function isNumeric(column: ColumnProfile): boolean {
	return column.type === 'integer' || column.type === 'number';
}
