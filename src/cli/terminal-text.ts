// Text from files (column names, labels, file names, values) reaches the terminal in messages and tables;
// a control character in it would act on the terminal (ESC sequences retitle the window, clear the
// screen, move the cursor; CR overwrites the line; bidirectional overrides reorder what is shown). Every
// line the CLI prints goes through here, so those characters are shown as visible \u escapes instead.
// JSON output stays exact JSON: JSON.stringify already escapes C0 characters, and a raw DEL, C1 or bidi
// character inside a JSON string replaced by its \u escape is the same JSON value (only the isolates below
// are dropped from it).

// Tab and line feed are kept: they lay text out and do nothing else.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// First strong and pop directional isolates: core wraps right-to-left names in them for the page (phrase.ts
// `isolated`); a terminal lays text out without them, so they are dropped rather than shown as escapes
// beside every Hebrew or Arabic name. The overrides and embeddings that could reorder a line stay escaped.
const ISOLATE_PAIR = /[\u2068\u2069]/g;

/** The text with every terminal control character shown as `\u001b` and the like. */
export function escapeTerminal(text: string): string {
	return text
		.replace(ISOLATE_PAIR, '')
		.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
