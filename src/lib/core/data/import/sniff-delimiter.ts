// Guesses the delimiter from the first lines: the candidate that splits them into the same number of
// fields (more than one), respecting quotes, and preferring the one that gives the most fields.
import { DelimitedParser, type FieldSink } from './delimited-parser.ts';

const CANDIDATES = [',', ';', '\t', '|'];
const SAMPLE_RECORDS = 50;

/** Counts the fields of each record, ignoring empty lines. */
class FieldCounts implements FieldSink {
	readonly counts: number[] = [];
	private count = 0;
	private blank = false;
	field(value: string, quoted: boolean): void {
		if (this.count++ === 0) this.blank = !quoted && value.trim() === '';
	}
	endRecord(): void {
		if (!(this.count === 1 && this.blank)) this.counts.push(this.count);
		this.count = 0;
	}
}

function fieldCounts(sample: string, delimiter: string, wholeText: boolean): number[] {
	const sink = new FieldCounts();
	const parser = new DelimitedParser(delimiter, sink);
	parser.push(sample);
	// A sample cut from a longer text may end inside a quote, or in the middle of its last record.
	if (wholeText) {
		try {
			parser.finish();
		} catch {
			// An unclosed quote is reported by the real parse, with its line.
		}
	}
	return sink.counts.slice(0, SAMPLE_RECORDS);
}

/** `wholeText`: the sample is the entire text, so its last line counts even without a line break. */
export function sniffDelimiter(sample: string, wholeText = false): string {
	let best = ',';
	let bestScore = -1;
	for (const delimiter of CANDIDATES) {
		const counts = fieldCounts(sample, delimiter, wholeText);
		const header = counts[0] ?? 1;
		if (header < 2) continue;
		const consistent = counts.filter((c) => c === header).length / counts.length;
		const score = consistent * 1000 + header;
		if (score > bestScore) {
			best = delimiter;
			bestScore = score;
		}
	}
	return best;
}
