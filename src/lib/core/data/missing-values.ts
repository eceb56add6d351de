// Spellings that mean "no value" in real-world tables. Compared trimmed and case-insensitively.

const MISSING_SPELLINGS = new Set(['', 'na', 'n/a', 'null', 'nan', '?', '-']);

export function isMissingValue(raw: string | null | undefined): boolean {
	return raw == null || MISSING_SPELLINGS.has(raw.trim().toLowerCase());
}
