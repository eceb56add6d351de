// What each split method hands back to splitRows, which adds the indices, counts and hash.
import type { SplitAssignment } from './types.ts';

export interface MethodResult {
	assignment: SplitAssignment;
	excludedRows: number;
	warnings: string[];
}

/** “a, b, c and 4 more”: enough names to recognise, never a wall of them. */
export function listSome(names: readonly string[], shown = 5): string {
	const quoted = names.slice(0, shown).map((name) => `“${name}”`);
	return names.length > shown ? `${quoted.join(', ')} and ${names.length - shown} more` : quoted.join(', ');
}

export function rowsWord(count: number): string {
	return `${count.toLocaleString('en')} ${count === 1 ? 'row' : 'rows'}`;
}
