// The penguins sample cut by island, as files to import: the drift tests train on Torgersen and Dream and
// compare with Biscoe (a real shift: mostly Gentoo, heavier, longer flippers).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const penguins = readFileSync(
	fileURLToPath(new URL('../../sample-datasets/penguins.csv', import.meta.url)),
	'utf8'
)
	.trimEnd()
	.split('\n');

/** A CSV file of the header and the rows whose island (the second column) `keep` accepts. */
export const penguinIslandsCsv = (name: string, keep: (island: string) => boolean) => ({
	name,
	mimeType: 'text/csv',
	buffer: Buffer.from(`${penguins.filter((line, i) => i === 0 || keep(line.split(',')[1]!)).join('\n')}\n`)
});
