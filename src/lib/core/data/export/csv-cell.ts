// One CSV cell, written for where the file is going. Spreadsheets (Excel, LibreOffice, Google Sheets)
// run a cell that begins with =, +, -, @, a tab or a carriage return as a formula, so a data set or a
// class label such as `=cmd|' /C calc'!A0` or `@HYPERLINK(...)` would run when the file is opened.
// 'spreadsheet' cells follow OWASP's CSV-injection advice: such a cell is prefixed with a single quote,
// which the spreadsheet shows as plain text. 'raw' cells are written exactly, for code to read.

export type CsvCells = 'spreadsheet' | 'raw';

/** What the studio says about each choice, next to the download. */
export const CSV_CELLS_DESCRIPTION: Record<CsvCells, string> = {
	spreadsheet:
		'For spreadsheets: text that starts with =, +, -, @ or a tab is prefixed with a single quote, so Excel or Sheets shows it instead of running it as a formula.',
	raw: 'Raw values, for code (pandas, R, benchtop): every cell exactly as stored. Do not open this file in a spreadsheet if the data came from someone you do not trust.'
};

/** Characters that make a spreadsheet read a cell as a formula (OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number is read as that number, never run; `-1.5` or `+3e4` stays as it is. */
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Delimiters, quotes and line breaks need quotes; so do edge spaces, which readers may trim. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** True when a spreadsheet would run `text` as a formula. */
export function isFormulaLike(text: string): boolean {
	return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/** `text` with a leading single quote when a spreadsheet would run it; unchanged otherwise. */
export function neutraliseFormula(text: string): string {
	return isFormulaLike(text) ? `'${text}` : text;
}

/**
 * One RFC 4180 field: `null` is an empty cell; the text is neutralised for spreadsheets first (when
 * `cells` says so), then quoted where the CSV syntax needs it.
 */
export function csvField(text: string | null, cells: CsvCells): string {
	if (text === null) return '';
	const safe = cells === 'spreadsheet' ? neutraliseFormula(text) : text;
	return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
