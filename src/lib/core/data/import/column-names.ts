// Column names as a person and a program can both use them: never empty, never repeated.
import type { ImportNotice } from './import-types.ts';

/**
 * Names of JavaScript's built-in object properties (`__proto__`, `constructor`, `toString`, ...). Tables
 * keep columns as object keys, where these names break lookups or the object itself, so such a column
 * gets a trailing underscore: the data stays, and nothing can be polluted.
 */
const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype));

export function uniqueColumnNames(raw: readonly string[]): { names: string[]; notice?: ImportNotice } {
	const seen = new Set<string>();
	const changes: string[] = [];
	const names = raw.map((original, index) => {
		const trimmed = original.trim();
		let name = trimmed === '' ? `column_${index + 1}` : trimmed;
		while (RESERVED.has(name)) name = `${name}_`;
		if (seen.has(name)) {
			let k = 2;
			while (seen.has(`${name}_${k}`)) k++;
			name = `${name}_${k}`;
		}
		seen.add(name);
		if (name !== original)
			changes.push(
				original.trim() === '' ? `an empty name became “${name}”` : `“${original}” became “${name}”`
			);
		return name;
	});
	if (changes.length === 0) return { names };
	return {
		names,
		notice: {
			kind: 'renamed-columns',
			message: `Some column names were empty or repeated and were renamed: ${changes.slice(0, 5).join(', ')}${changes.length > 5 ? ', …' : ''}.`
		}
	};
}
