// Column names as a person and a program can both use them: never empty, never repeated.
import type { ImportNotice } from './import-types.ts';

/**
 * arquero keeps a table's columns as keys of a plain object, where a key "__proto__" replaces the
 * object's prototype instead of naming a column: that one name cannot survive, so it gets a trailing
 * underscore. Other built-in names ("constructor", "toString", ...) are ordinary own keys and stay.
 */
const UNSTORABLE = '__proto__';
const LISTED = 5;

export function uniqueColumnNames(raw: readonly string[]): { names: string[]; notice?: ImportNotice } {
	const taken = new Set(raw.map((name) => name.trim()));
	const used = new Set<string>();
	const changes: string[] = [];
	const names = raw.map((original, index) => {
		const trimmed = original.trim();
		let name = trimmed === '' ? `column_${index + 1}` : trimmed === UNSTORABLE ? `${UNSTORABLE}_` : trimmed;
		if (used.has(name) || (name !== trimmed && taken.has(name))) {
			const base = name;
			let k = 2;
			while (used.has(`${base}_${k}`) || taken.has(`${base}_${k}`)) k++;
			name = `${base}_${k}`;
		}
		used.add(name);
		if (name !== trimmed) {
			changes.push(trimmed === '' ? `an empty name became “${name}”` : `“${trimmed}” became “${name}”`);
		}
		return name;
	});
	if (changes.length === 0) return { names };
	const listed = changes.slice(0, LISTED).join(', ');
	return {
		names,
		notice: {
			kind: 'renamed-columns',
			message: `Some column names were empty, repeated or reserved and were renamed: ${listed}${changes.length > LISTED ? `, and ${changes.length - LISTED} more` : ''}.`
		}
	};
}
