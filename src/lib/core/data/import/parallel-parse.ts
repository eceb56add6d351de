// A big delimited file parsed in parts at once: split at line breaks, each part read by its own worker
// as if a record started there, then checked and joined in file order. The split is a guess that
// quotes can defeat (a quoted field holding a line break); the check catches that: a part is right
// when the part before it, read from a known record start, ends on a record end exactly where it
// begins. When a check fails, the caller reads the file in one go instead.
import { joinColumnParts } from './byte-column.ts';
import { ByteRecordReader, LISTED_RAGGED, type RecordsPart } from './byte-records.ts';
import type { RaggedPolicy } from './column-sink.ts';
import type { CollectedRecords } from './read-delimited.ts';

const LF = 10;

/** One part's work, sent to a parse worker: its bytes (copied out of the file) and how to read them. */
export interface PartTask {
	bytes: Uint8Array;
	/** Where these bytes start in the file, for messages. */
	offset: number;
	delimiter: string;
	policy: RaggedPolicy;
	width: number;
	/** The file's last part: its last record may end without a line break. */
	last: boolean;
}

export interface PartResult {
	records: RecordsPart;
	/** Whether the part ended exactly on a record end (always true for the last part when it read). */
	complete: boolean;
}

/** Runs part tasks, each in its own worker, answering in task order. */
export type PartRunner = (tasks: PartTask[]) => Promise<PartResult[]>;

/** Where `parts` parts of bytes[from, to) start: just after a line break near each even share. */
export function partStarts(bytes: Uint8Array, from: number, to: number, parts: number): number[] {
	const starts = [from];
	const share = (to - from) / parts;
	for (let k = 1; k < parts; k++) {
		const lineBreak = bytes.indexOf(LF, Math.max(from + Math.round(k * share), starts.at(-1)!));
		if (lineBreak === -1 || lineBreak + 1 >= to) break;
		if (lineBreak + 1 > starts.at(-1)!) starts.push(lineBreak + 1);
	}
	return starts;
}

/** Reads one part as if a record starts at its first byte; what a parse worker runs. */
export function readPart(task: PartTask): PartResult {
	const reader = new ByteRecordReader(task.delimiter, task.policy, task.width, task.offset);
	try {
		const stopped = reader.read(task.bytes, 0, task.bytes.length, task.last);
		return { records: reader.part(), complete: stopped === task.bytes.length };
	} catch {
		// A part that started inside a quoted field can read as nonsense; reading in one go says what is wrong.
		return { records: reader.part(), complete: false };
	}
}

/** The header's reader and the parts' results, joined as one read of the whole file would give them. */
export function joinParts(head: RecordsPart, parts: RecordsPart[], policy: RaggedPolicy): CollectedRecords {
	let lineBase = head.lineBreaks;
	const firstRagged = [...head.firstRagged];
	let rows = 0;
	let emptyLines = head.emptyLines;
	let ragged = 0;
	let strayQuotes = head.strayQuotes;
	let firstStrayQuote = head.firstStrayQuote;
	for (const part of parts) {
		if (firstStrayQuote === 0 && part.firstStrayQuote > 0) firstStrayQuote = part.firstStrayQuote + lineBase;
		strayQuotes += part.strayQuotes;
		for (const row of part.firstRagged) {
			if (firstRagged.length < LISTED_RAGGED)
				firstRagged.push({ line: row.line + lineBase, fields: row.fields });
		}
		rows += part.rows;
		emptyLines += part.emptyLines;
		ragged += part.ragged;
		lineBase += part.lineBreaks;
	}
	const width = head.header?.length ?? 0;
	return {
		header: head.header,
		rows,
		emptyLines,
		ragged,
		firstRagged,
		strayQuotes,
		firstStrayQuote,
		// With ragged rows and the 'error' policy the import fails: the columns are never asked for.
		columns: () =>
			policy === 'error' && ragged > 0
				? []
				: Array.from({ length: width }, (_, j) => joinColumnParts(parts.map((part) => part.columns[j]!)))
	};
}
