// Reads JSON (an array of objects) and JSON Lines (one object per line) into text columns, keeping the
// keys in the order they first appear. Nested values become JSON text.
import { BenchtopError } from '../../errors.ts';
import { uniqueColumnNames } from './column-names.ts';
import type { ImportOptions, TextColumns } from './import-types.ts';
import { readAllText } from './read-text.ts';

function lineAndColumn(text: string, position: number): string {
	const before = text.slice(0, position);
	const line = before.split('\n').length;
	const column = position - before.lastIndexOf('\n');
	return `line ${line}, column ${column}`;
}

/** Engines word JSON errors differently; most give a position or a line and column. */
function describeJsonError(error: unknown, text: string, lineOffset = 0): string {
	const message = error instanceof Error ? error.message : String(error);
	const lc = message.match(/line (\d+) column (\d+)/);
	if (lc) return `line ${Number(lc[1]) + lineOffset}, column ${lc[2]}`;
	const position = message.match(/position (\d+)/);
	if (position) {
		const where = lineAndColumn(text, Number(position[1]));
		return lineOffset ? where.replace(/line (\d+)/, (_, l) => `line ${Number(l) + lineOffset}`) : where;
	}
	return lineOffset ? `line ${lineOffset + 1}` : 'the end of the file';
}

function cellText(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

function toColumns(records: unknown[], where: (index: number) => string): TextColumns {
	// Keys are data ("__proto__" is a valid one): a Map, never a plain object.
	const byName = new Map<string, (string | null)[]>();
	records.forEach((record, index) => {
		if (typeof record !== 'object' || record === null || Array.isArray(record)) {
			throw new BenchtopError(
				'bad-input',
				`Expected an object with one key per column at ${where(index)}, found ${Array.isArray(record) ? 'an array' : typeof record === 'object' ? 'null' : `a ${typeof record}`}.`
			);
		}
		for (const key of Object.keys(record)) {
			if (!byName.has(key)) byName.set(key, new Array<string | null>(index).fill(null));
		}
		for (const [key, values] of byName) values.push(cellText((record as Record<string, unknown>)[key]));
	});
	if (records.length === 0) throw new BenchtopError('bad-input', 'The JSON holds no records.');
	const { names, notice } = uniqueColumnNames([...byName.keys()]);
	return { names, columns: [...byName.values()], notices: notice ? [notice] : [] };
}

export async function readJson(
	source: Blob | Uint8Array | string,
	options: ImportOptions
): Promise<TextColumns> {
	const text = await readAllText(source, options.signal);
	if (text.trim() === '')
		throw new BenchtopError('bad-input', 'The file is empty: there is no header and no data.');
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		throw new BenchtopError(
			'bad-input',
			`The JSON is not valid at ${describeJsonError(error, text)}.`,
			String(error)
		);
	}
	if (!Array.isArray(value)) {
		throw new BenchtopError(
			'bad-input',
			'The JSON must be an array of objects, one per row, like [{"a": 1}, {"a": 2}].'
		);
	}
	return toColumns(value, (index) => `item ${index + 1}`);
}

export async function readJsonLines(
	source: Blob | Uint8Array | string,
	options: ImportOptions
): Promise<TextColumns> {
	const text = await readAllText(source, options.signal);
	const records: unknown[] = [];
	const lineOf: number[] = [];
	const lines = text.split(/\r?\n/);
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		if (line.trim() === '') continue;
		try {
			records.push(JSON.parse(line));
			lineOf.push(i + 1);
		} catch (error) {
			throw new BenchtopError(
				'bad-input',
				`Line ${i + 1} is not valid JSON (${describeJsonError(error, line, i)}).`,
				String(error)
			);
		}
	}
	if (records.length === 0)
		throw new BenchtopError('bad-input', 'The file is empty: there is no header and no data.');
	return toColumns(records, (index) => `line ${lineOf[index]}`);
}
