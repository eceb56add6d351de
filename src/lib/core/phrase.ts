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

// Strings that are shown as one string (a run's stored name, an error's message) cannot hold a <bdi>:
// there a name is wrapped in the Unicode isolates FSI (U+2068) … PDI (U+2069), which a browser and most
// terminals treat as <bdi> does. Only a name that holds a right-to-left letter or a bidi control gets them:
// any other name cannot reorder the words around it, so ordinary names (and every message and run name
// made of them) stay exactly as they were.
const FSI = '\u2068';
const PDI = '\u2069';
const RIGHT_TO_LEFT_OR_CONTROL =
	/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const OVERRIDES = /[\u202a-\u202e]/g;

/**
 * `text`'s own isolates made whole: a PDI that closes nothing is dropped and an isolate left open is
 * closed at the end, so the text cannot close an isolate around it early (and let an override out).
 */
function balanceIsolates(text: string): string {
	let open = 0;
	let out = '';
	for (const ch of text) {
		if (ch === '\u2066' || ch === '\u2067' || ch === FSI) open++;
		else if (ch === PDI) {
			if (open === 0) continue;
			open--;
		}
		out += ch;
	}
	return out + PDI.repeat(open);
}

/** `text` wrapped in FSI … PDI when it could reorder the text around it; otherwise `text` unchanged. */
export function isolated(text: string): string {
	if (!RIGHT_TO_LEFT_OR_CONTROL.test(text)) return text;
	return `${FSI}${balanceIsolates(text)}${PDI}`;
}

/**
 * A message whose names are quoted “like this” (Benchtop's convention), each quoted name `isolated` (an
 * already isolated one is left as it is). A name holding a closing quote ends its quotation early; so that
 * the rest of it cannot reorder the words after it, overrides and embeddings left outside the quotations
 * (never Benchtop's own words) are dropped and isolates there made whole.
 */
export function isolateQuoted(message: string): string {
	if (!RIGHT_TO_LEFT_OR_CONTROL.test(message)) return message;
	return message
		.split(/(“[^“”]*”)/)
		.map((part, i) => {
			if (i % 2 === 0) return balanceIsolates(part.replace(OVERRIDES, ''));
			const quoted = part.slice(1, -1);
			const already = quoted.startsWith(FSI) && quoted.endsWith(PDI) && balanceIsolates(quoted) === quoted;
			return already ? part : `“${isolated(quoted)}”`;
		})
		.join('');
}
