// `benchtop predict` end to end through main(): one CSV row per input row in input order, `label` and
// `p_<class>` columns equal to the model's own outputs (loaded independently with TF.js), a row with an
// unparseable number getting an error entry, --out, a .zip model, regression and clustering columns.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	cli,
	editedSample,
	independentOutputs,
	sample,
	trainModel,
	workFolder,
	zipModel
} from './model-fixtures.ts';

const work = workFolder('predict');
let iris: string;

/** The model's probabilities for every row of a file, computed without the predict command's code. */
async function modelProbabilities(dir: string, file: string): Promise<number[][]> {
	return (await independentOutputs(dir, file)).rows;
}

const parse = (csv: string) => csv.split('\n').map((line) => line.split(','));

beforeAll(async () => {
	iris = await trainModel(work, 'iris', [sample('iris.csv'), '--target', 'species', '--epochs', '10']);
}, 60_000);

describe('benchtop predict', () => {
	it('prints one row per input row, in input order, with label, p_<class> and error columns', async () => {
		// Rows reversed, so input order is not the training file's order.
		const file = editedSample(work, 'iris.csv', 'reversed.csv', (lines) => [
			lines[0]!,
			...lines.slice(1).reverse()
		]);
		const { code, out, err } = await cli(['predict', iris, file]);
		expect(code).toBe(0);
		expect(err).toEqual([]);
		expect(out).toHaveLength(1);
		const [header, ...rows] = parse(out[0]!);
		expect(header).toEqual(['label', 'p_setosa', 'p_versicolor', 'p_virginica', 'error']);
		expect(rows).toHaveLength(150);
		const expected = await modelProbabilities(iris, file);
		const classes = ['setosa', 'versicolor', 'virginica'];
		rows.forEach((row, i) => {
			const p = row.slice(1, 4).map(Number);
			p.forEach((value, c) => expect(Math.abs(value - expected[i]![c]!)).toBeLessThan(1e-6));
			expect(row[0]).toBe(classes[p.indexOf(Math.max(...p))]);
			expect(row[4]).toBe('');
		});
		// Reversed input: the first rows are virginica, the last setosa.
		expect(rows[0]![0]).toBe('virginica');
		expect(rows.at(-1)![0]).toBe('setosa');
	});

	it('a row with an unparseable number gets an error entry; the others are predicted', async () => {
		const file = editedSample(work, 'iris.csv', 'bad-cell.csv', (lines) =>
			lines.map((line, i) => (i === 2 ? line.replace(/^[\d.]+/, 'abc') : line))
		);
		const { code, out, err } = await cli(['predict', iris, file]);
		expect(code).toBe(0);
		expect(err).toEqual(['note: 1 of 150 rows could not be predicted: the error column says why.']);
		const rows = parse(out[0]!).slice(1);
		expect(rows).toHaveLength(150);
		expect(rows[1]).toEqual(['', '', '', '', 'sepal_length: “abc” is not a number']);
		expect(rows.filter((row) => row[4] === '')).toHaveLength(149);
		expect(rows[0]![0]).toBe('setosa');
	});

	it('--out writes the CSV and says so; a .zip model predicts the same', async () => {
		const path = join(work, 'predictions.csv');
		const { code, out } = await cli(['predict', iris, sample('iris.csv'), '--out', path]);
		expect(code).toBe(0);
		expect(out).toEqual([`iris.csv: 150 rows predicted; wrote ${path}`]);
		const written = readFileSync(path, 'utf8');
		const fromZip = await cli(['predict', zipModel(iris, join(work, 'iris.zip')), sample('iris.csv')]);
		expect(`${fromZip.out[0]}\n`).toBe(written);
	});

	it('a file without the target column predicts; one missing a feature is refused by name', async () => {
		const noTarget = editedSample(work, 'iris.csv', 'no-target.csv', (lines) =>
			lines.map((line) => line.split(',').slice(0, 4).join(','))
		);
		const { code, out } = await cli(['predict', iris, noTarget]);
		expect(code).toBe(0);
		expect(parse(out[0]!)).toHaveLength(151);
		const noPetalWidth = editedSample(work, 'iris.csv', 'no-width.csv', (lines) =>
			lines.map((line) =>
				line
					.split(',')
					.filter((_, i) => i !== 3)
					.join(',')
			)
		);
		const refused = await cli(['predict', iris, noPetalWidth]);
		expect(refused.code).toBe(1);
		expect(refused.err).toEqual(['benchtop: The file lacks a column the model needs: petal_width.']);
	});

	it('regression: a column per target named after it; clustering: a cluster column', async () => {
		const linnerud = await trainModel(work, 'linnerud', [
			sample('linnerud.csv'),
			'--target',
			'Weight,Waist',
			'--epochs',
			'3'
		]);
		const regression = await cli(['predict', linnerud, sample('linnerud.csv')]);
		const [header, ...rows] = parse(regression.out[0]!);
		expect(header).toEqual(['Weight', 'Waist', 'error']);
		expect(rows).toHaveLength(20);
		for (const row of rows) expect(Number.isFinite(Number(row[0])) && row[0] !== '').toBe(true);

		const kmeans = await trainModel(work, 'kmeans', [sample('iris.csv'), '--task', 'clustering', '--k', '3']);
		const clustering = await cli(['predict', kmeans, sample('iris.csv')]);
		const [clusterHeader, ...clusters] = parse(clustering.out[0]!);
		expect(clusterHeader).toEqual(['cluster', 'error']);
		expect(new Set(clusters.map((row) => row[0]))).toEqual(new Set(['0', '1', '2']));
	}, 60_000);

	it('bad options print one benchtop: line and exit 1', async () => {
		const cases: [string[], string][] = [
			[
				[iris],
				'benchtop: predict needs a model and a file: benchtop predict <model-dir-or-zip> <file> [--out <file.csv>]'
			],
			[
				[iris, sample('iris.csv'), 'extra.csv'],
				'benchtop: predict takes one model and one file, got also extra.csv'
			],
			[
				[iris, sample('iris.csv'), '--out', ' '],
				'benchtop: --out needs a file name for the predictions (CSV)'
			],
			[[iris, sample('iris.csv'), '--json'], "benchtop: Unknown option '--json' for predict"]
		];
		for (const [args, message] of cases) {
			const { code, err } = await cli(['predict', ...args]);
			expect(code, args.join(' ')).toBe(1);
			expect(err).toEqual([message]);
		}
	});
});
