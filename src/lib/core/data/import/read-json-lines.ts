// Reads JSON Lines (one object per line) as the text streams in, so only the columns are kept, never
// the whole file. A broken line is named by its number.
import { BenchtopError } from '../../errors.ts';
import { abortIfCancelled } from './cancel.ts';
import type { ImportNotice, ImportOptions } from './import-types.ts';
import { JsonColumns } from './json-columns.ts';
import { MAX_JSON_DEPTH, requireJsonDepth } from './json-depth.ts';
import { findJsonSyntaxError } from './json-error.ts';
import { recordsTable } from './json-records.ts';
import type { RawTable } from './raw-table.ts';
import { EMPTY_FILE_MESSAGE, readAllText, readText, totalBytes } from './read-text.ts';

/** Parses complete lines as they arrive; the text after the last line break waits for the next chunk. */
class JsonLines {
	readonly columns = new JsonColumns();
	private pending = '';
	private line = 0;
	/** The first line that failed, kept in case the whole file is one JSON document instead. */
	firstError: BenchtopError | undefined;

	push(text: string): void {
		// Only the new text is searched for line breaks, so one very long line stays linear.
		let end = text.indexOf('\n');
		if (end === -1) {
			this.pending += text;
			return;
		}
		this.parseLine(this.pending + text.slice(0, end));
		let start = end + 1;
		for (end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
			this.parseLine(text.slice(start, end));
			start = end + 1;
		}
		this.pending = text.slice(start);
	}

	finish(): void {
		if (this.pending !== '') this.parseLine(this.pending);
		this.pending = '';
	}

	private parseLine(raw: string): void {
		const number = ++this.line;
		const text = raw.trim();
		if (text === '') return;
		// Nesting deeper than the limit needs more characters than the limit, so short lines skip the scan.
		if (text.length > MAX_JSON_DEPTH) requireJsonDepth(text, `Line ${number}`);
		let record: unknown;
		try {
			record = JSON.parse(text);
		} catch (error) {
			const where = findJsonSyntaxError(text, 'the line');
			const at = where ? ` at column ${where.column + raw.indexOf(text[0]!)}: ${where.reason}` : '';
			throw new BenchtopError(
				'bad-input',
				`Line ${number} is not valid JSON${at}. Each line must hold one object, like {"a": 1}.`,
				String(error)
			);
		}
		this.columns.add(record, () => `line ${number}`);
	}
}

export function parseJsonLines(text: string, notices: ImportNotice[] = []): RawTable {
	const lines = new JsonLines();
	lines.push(text);
	lines.finish();
	return lines.columns.table(notices);
}

export async function readJsonLines(
	source: Blob | Uint8Array | string,
	options: ImportOptions
): Promise<RawTable> {
	const notices: ImportNotice[] = [];
	const lines = new JsonLines();
	const total = totalBytes(source);
	try {
		for await (const chunk of readText(source, {
			signal: options.signal,
			onNotice: (n) => notices.push(n)
		})) {
			lines.push(chunk.text);
			abortIfCancelled(options.signal);
			options.onProgress?.({
				bytesRead: chunk.bytesRead,
				totalBytes: total,
				rows: lines.columns.rows,
				phase: 'reading'
			});
		}
		lines.finish();
	} catch (error) {
		// A pretty-printed JSON document fails on its first line: read it as JSON instead.
		if (lines.columns.rows === 0 && error instanceof BenchtopError && error.code === 'bad-input') {
			const whole = await asJsonDocument(source, options, notices);
			if (whole) return whole;
		}
		throw error;
	}
	if (lines.columns.rows === 0) throw new BenchtopError('bad-input', EMPTY_FILE_MESSAGE);
	return lines.columns.table(notices);
}

async function asJsonDocument(
	source: Blob | Uint8Array | string,
	options: ImportOptions,
	notices: ImportNotice[]
): Promise<RawTable | undefined> {
	const text = await readAllText(source, { signal: options.signal });
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return undefined;
	}
	return { ...recordsTable(value, notices), format: 'json' };
}
