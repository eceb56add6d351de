// Spellings that mean "no value" in real-world tables. Compared trimmed and case-insensitively.

const MISSING_SPELLINGS = new Set(['', 'na', 'n/a', 'null', 'nan', '?', '-']);
/** The longest spelling above: anything longer (once trimmed) is a value, without lower-casing it. */
const LONGEST_SPELLING = 4;

/** Whether a value that is already trimmed is a missing spelling; the fast path for whole columns. */
export function isMissingTrimmed(value: string): boolean {
	if (value.length > LONGEST_SPELLING) return false;
	// No spelling starts with a digit: numbers, the common case, skip the lower-casing.
	const first = value.charCodeAt(0);
	if (first >= 48 && first <= 57) return false;
	return MISSING_SPELLINGS.has(value.toLowerCase());
}

/** The value without surrounding white space; skips the copy in the common case of none. */
export function trimmed(raw: string): string {
	const last = raw.length - 1;
	if (last < 0) return raw;
	const first = raw.charCodeAt(0);
	const end = raw.charCodeAt(last);
	// Only ASCII letters, digits and punctuation at both ends mean there is nothing to trim.
	return first > 32 && first < 127 && end > 32 && end < 127 ? raw : raw.trim();
}

export function isMissingValue(raw: string | null | undefined): boolean {
	return raw == null || isMissingTrimmed(trimmed(raw));
}
