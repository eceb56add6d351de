// Test helper: a sample data set typed exactly as the studio types it.
import { readFileSync } from 'node:fs';
import { parseDelimitedText } from '../../../../../src/lib/core/data/parse-delimited-text.ts';

export function loadSample(file: string) {
	return parseDelimitedText(
		readFileSync(new URL(`../../../../../sample-datasets/${file}`, import.meta.url), 'utf8')
	);
}
