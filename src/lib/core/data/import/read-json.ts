// Reads JSON: an array of objects, one per row. A file that holds one object wrapping such an array
// ({"data": [...]}) is read from that key, and JSON Lines saved as .json is read as JSON Lines.
import { BenchtopError } from '../../errors.ts';
import { abortIfCancelled } from './cancel.ts';
import type { ImportNotice, ImportOptions } from './import-types.ts';
import { requireJsonDepth } from './json-depth.ts';
import { findJsonSyntaxError } from './json-error.ts';
import { isRecord, recordsTable } from './json-records.ts';
import type { RawTable } from './raw-table.ts';
import { parseJsonLines } from './read-json-lines.ts';
import { EMPTY_FILE_MESSAGE, readAllText } from './read-text.ts';

export async function readJson(
	source: Blob | Uint8Array | string,
	options: ImportOptions
): Promise<RawTable> {
	const notices: ImportNotice[] = [];
	const text = await readAllText(source, { signal: options.signal, onNotice: (n) => notices.push(n) });
	abortIfCancelled(options.signal);
	if (text.trim() === '') throw new BenchtopError('bad-input', EMPTY_FILE_MESSAGE);
	options.onProgress?.({ bytesRead: text.length, rows: 0, phase: 'reading' });
	// Before parsing: deep nesting overflows the stack of whatever walks the parsed value afterwards.
	requireJsonDepth(text, 'The JSON');
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		// Several objects one after another: JSON Lines under a .json name.
		if (text.trimStart().startsWith('{') && looksLikeJsonLines(text)) {
			return { ...parseJsonLines(text, notices), format: 'jsonl' };
		}
		const where = findJsonSyntaxError(text);
		const at = where ? ` at line ${where.line}, column ${where.column}: ${where.reason}` : '';
		throw new BenchtopError('bad-input', `The JSON is not valid${at}.`, String(error));
	}
	return recordsTable(value, notices);
}

function looksLikeJsonLines(text: string): boolean {
	const firstLine = text.trimStart().split('\n', 1)[0]!;
	try {
		return isRecord(JSON.parse(firstLine));
	} catch {
		return false;
	}
}
