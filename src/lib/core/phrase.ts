// Sentences built around names the person supplied (column names, category values, file, data set and
// model names). Each name stays a part of its own, so the page can isolate it (`<bdi>`): a right-to-left
// override or a zero-width character inside a name then cannot reorder the words around it.

/** A name from the person's data or typing, inserted into a sentence. */
export interface Name {
	readonly name: string;
}

/** Text and names in reading order. */
export type Phrase = readonly (string | Name)[];

/** Marks `text` as a name to isolate. */
export const name = (text: string): Name => ({ name: text });

/**
 * A phrase from a template: `phrase\`stratified by ${name(column)}\``. Numbers and strings are written in
 * as text; names (and the parts of an inserted phrase) stay parts of their own. Neighbouring text is
 * merged and empty text dropped.
 */
export function phrase(
	strings: TemplateStringsArray,
	...values: (string | number | Name | Phrase)[]
): Phrase {
	const parts: (string | Name)[] = [];
	const text = (t: string) => {
		if (t === '') return;
		const last = parts.at(-1);
		if (typeof last === 'string') parts[parts.length - 1] = last + t;
		else parts.push(t);
	};
	const add = (part: string | Name) => (typeof part === 'string' ? text(part) : parts.push(part));
	strings.forEach((literal, i) => {
		text(literal);
		if (i >= values.length) return;
		const value = values[i]!;
		if (Array.isArray(value)) for (const part of value as Phrase) add(part);
		else add(typeof value === 'number' ? String(value) : (value as string | Name));
	});
	return parts;
}

/** Joins names into a list phrase: `a, b, c`. */
export function nameList(names: readonly string[], separator = ', '): Phrase {
	const parts: (string | Name)[] = [];
	names.forEach((n, i) => {
		if (i > 0) parts.push(separator);
		parts.push(name(n));
	});
	return parts;
}

/** The phrase as plain text (for titles, messages and the terminal). */
export function phraseText(p: Phrase): string {
	return p.map((part) => (typeof part === 'string' ? part : part.name)).join('');
}
