// Guesses the delimiter from the first lines: the candidate that splits them into the same number of
// fields (more than one), preferring the one that gives the most fields.
import { DelimitedRecords } from './delimited-records.ts';

const CANDIDATES = [',', ';', '\t', '|'];
const SAMPLE_RECORDS = 50;

function fieldCounts(sample: string, delimiter: string): number[] {
	const counts: number[] = [];
	const parser = new DelimitedRecords(delimiter, (fields) => counts.push(fields.length));
	try {
		parser.push(sample);
	} catch {
		return [];
	}
	// The last record may be cut off by the sample's end.
	return counts.slice(0, Math.max(1, Math.min(SAMPLE_RECORDS, counts.length - 1)));
}

export function sniffDelimiter(sample: string): string {
	let best = ',';
	let bestScore = -1;
	for (const delimiter of CANDIDATES) {
		const counts = fieldCounts(sample, delimiter);
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
