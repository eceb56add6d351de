// How deeply JSON text nests, found by one loop over the characters (never recursion), so text nested
// 100,000 levels deep gets its own message instead of overflowing JSON.parse's stack and being mistaken
// for a file too large to read.
import { BenchtopError } from '../../errors.ts';

/** Deeper than any table or model file needs, and far below where engines' JSON.parse overflow. */
export const MAX_JSON_DEPTH = 1000;

/** True when `text` opens more than `limit` arrays or objects inside one another (strings skipped). */
export function jsonNestsDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c)
				i++; // a backslash escapes the next character
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x5b || c === 0x7b) {
			if (++depth > limit) return true;
		} else if (c === 0x5d || c === 0x7d) depth--;
	}
	return false;
}

/** Throws a message naming `what` when the text nests deeper than `limit`. */
export function requireJsonDepth(text: string, what: string, limit = MAX_JSON_DEPTH): void {
	if (jsonNestsDeeperThan(text, limit))
		throw new BenchtopError(
			'bad-input',
			`${what} nests arrays or objects more than ${limit.toLocaleString('en')} levels deep; no table or model needs that, so it is not read.`
		);
}
