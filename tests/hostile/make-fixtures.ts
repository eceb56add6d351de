// Writes the hostile-input fixtures into a folder, to replay the cases by hand:
//   npx tsx tests/hostile/make-fixtures.ts /tmp/hostile
// Trains the two small models the cases are made from, writes every damaged copy, zip bomb and data file,
// and prints each case's command line and the message it must get. Nothing here is checked in.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';
import { hostileCases } from './hostile-cases.ts';

const sample = (name: string) => fileURLToPath(new URL(`../../sample-datasets/${name}`, import.meta.url));
const folder = resolve(process.argv[2] ?? 'hostile-fixtures');
mkdirSync(folder, { recursive: true });
const quiet = { out: () => {}, err: (text: string) => process.stderr.write(`${text}\n`) };
const train = async (name: string, args: string[]) => {
	const dir = join(folder, name);
	if ((await main(['train', ...args, '--out', dir, '--seed', '3', '--json'], quiet)) !== 0)
		throw new Error(`training ${name} failed`);
	return dir;
};
const iris = await train('iris', [
	sample('iris.csv'),
	'--target',
	'species',
	'--model',
	'mlp',
	'--epochs',
	'2'
]);
const regression = await train('diabetes', [
	sample('diabetes.csv'),
	'--target',
	'progression',
	'--model',
	'linear',
	'--epochs',
	'2'
]);
const cases = await hostileCases(join(folder, 'cases'), {
	iris,
	irisCsv: sample('iris.csv'),
	regression,
	regressionCsv: sample('diabetes.csv')
});
for (const c of cases)
	console.log(
		`# item ${c.item}: ${c.name}\nnpx benchtop ${c.args.map((a) => JSON.stringify(a)).join(' ')}\n#   ${c.message === undefined ? 'accepted (exit 0)' : String(c.message)}\n`
	);
