// `benchtop export` and `benchtop predict <bundle-dir>`: the bundle and the TF.js zip written from a model
// folder, sizes and each quantisation's measured metrics printed, the bundle predicting a file with the
// same columns (and, in float32, the same numbers to 1e-5) as the model folder, and one-line refusals.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, sample, trainModel, workFolder } from '../cli/model-fixtures.ts';

let folder: string;
let iris: string;
let kmeans: string;
beforeAll(async () => {
	folder = workFolder('export');
	iris = await trainModel(folder, 'iris', [
		sample('iris.csv'),
		'--target',
		'species',
		'--model',
		'mlp',
		'--epochs',
		'3'
	]);
	kmeans = await trainModel(folder, 'kmeans', [sample('iris.csv'), '--model', 'kmeans', '--k', '3']);
}, 120_000);

function csvTable(text: string): string[][] {
	return text
		.trimEnd()
		.split('\n')
		.map((line) => line.split(','));
}

/** Same header, same labels and errors, numbers within 1e-5. */
function expectSameCsv(actual: string, expected: string): void {
	const a = csvTable(actual);
	const b = csvTable(expected);
	expect(a[0]).toEqual(b[0]);
	expect(a.length).toBe(b.length);
	for (let i = 1; i < a.length; i++)
		a[i]!.forEach((cell, j) => {
			const x = Number(cell);
			const y = Number(b[i]![j]);
			if (cell !== '' && Number.isFinite(x) && Number.isFinite(y))
				expect(Math.abs(x - y), `row ${i} col ${j}`).toBeLessThanOrEqual(1e-5);
			else expect(cell, `row ${i} col ${j}`).toBe(b[i]![j]);
		});
}

describe('benchtop export', () => {
	it(
		'writes the bundle and the TF.js zip, printing sizes and every variant’s measured change',
		{ timeout: 60_000 },
		async () => {
			const bundle = join(folder, 'bundle-f16');
			const zip = join(folder, 'iris-tfjs.zip');
			const { code, out, err } = await cli([
				'export',
				iris,
				'--bundle',
				bundle,
				'--quantize',
				'float16',
				'--data',
				sample('iris.csv'),
				'--zip',
				zip
			]);
			expect(err).toEqual([]);
			expect(code).toBe(0);
			for (const name of [
				'model.js',
				'model.d.ts',
				'model.bin',
				'handler.js',
				'serve.js',
				'Dockerfile',
				'index.html',
				'README.md',
				'benchtop-model.js'
			])
				expect(existsSync(join(bundle, name)), name).toBe(true);
			expect(out[0]).toMatch(/^wrote .*iris-tfjs\.zip \(TF\.js Layers model \+ benchtop\.json, [\d.]+ KB\)$/);
			expect(out[1]).toMatch(/^wrote .*bundle-f16: 10 files, [\d.]+ KB \(float16 weights\)$/);
			expect(out.join('\n')).toMatch(/runtime [\d.]+ KB gzipped, no dependencies/);
			expect(out.find((l) => l.startsWith('quantize'))).toMatch(/accuracy .*logLoss/);
			expect(out.find((l) => l.startsWith('int8'))).toMatch(/^int8\s+[\d.]+ K?B\s+0\.\d+\s+[+-]/);
			expect(out.at(-1)).toBe("  (measured with the bundle's runtime on 30 test rows)");
			// The zip reads back as a model: the same predictions as the folder it came from.
			const fromZip = await cli(['predict', zip, sample('iris.csv')]);
			const fromFolder = await cli(['predict', iris, sample('iris.csv')]);
			expect(fromZip.out).toEqual(fromFolder.out);
		}
	);

	it('says how to measure the variants without --data', async () => {
		const { code, out } = await cli(['export', iris, '--bundle', join(folder, 'plain')]);
		expect(code).toBe(0);
		expect(out.at(-1)).toBe(
			"  give --data <the file the model was trained on> to measure each variant's test metrics"
		);
	});

	it('refuses bad options in one line', async () => {
		const cases: [string[], string][] = [
			[
				['export', iris],
				'benchtop: export needs --bundle <dir> (the edge bundle) or --zip <file> (the TF.js zip), or both'
			],
			[
				['export', iris, '--bundle', 'x', '--quantize', 'int4'],
				'benchtop: --quantize int4: choose none, float16 or int8'
			],
			[
				['export', iris, '--zip', 'x.zip', '--single-file'],
				'benchtop: --quantize, --single-file and --data shape the bundle: give --bundle <dir> too'
			],
			[
				['export', join(folder, 'nope'), '--bundle', 'x'],
				`benchtop: no such model folder or .zip: ${join(folder, 'nope')}`
			]
		];
		for (const [args, message] of cases) {
			const { code, err } = await cli(args);
			expect(code).toBe(1);
			expect(err).toEqual([message]);
		}
	});
});

describe('benchtop predict <bundle-dir>', () => {
	it(
		'gives the model folder’s columns and numbers (float32, and single-file)',
		{ timeout: 60_000 },
		async () => {
			for (const extra of [[], ['--single-file']]) {
				const bundle = join(folder, `bundle${extra.join('')}`);
				expect((await cli(['export', iris, '--bundle', bundle, ...extra])).code).toBe(0);
				const { code, out, err } = await cli(['predict', bundle, sample('iris.csv')]);
				expect(err).toEqual([]);
				expect(code).toBe(0);
				expectSameCsv(out.join('\n'), (await cli(['predict', iris, sample('iris.csv')])).out.join('\n'));
			}
			const out = join(folder, 'out.csv');
			const written = await cli(['predict', join(folder, 'bundle'), sample('iris.csv'), '--out', out]);
			expect(written.out[0]).toBe(`iris.csv: 150 rows predicted; wrote ${out}`);
			expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('label,p_setosa,p_versicolor,p_virginica,error');
		}
	);

	it('gives k-means clusters as the model folder does', { timeout: 60_000 }, async () => {
		const bundle = join(folder, 'kmeans-bundle');
		expect((await cli(['export', kmeans, '--bundle', bundle])).code).toBe(0);
		const viaBundle = await cli(['predict', bundle, sample('iris.csv')]);
		expect(viaBundle.out).toEqual((await cli(['predict', kmeans, sample('iris.csv')])).out);
		expect(viaBundle.out.join('\n').split('\n')[0]).toBe('cluster,error');
	});

	it('refuses a bundle folder without model.js, or with a damaged model.bin, in one line', async () => {
		const bundle = join(folder, 'bundle');
		const lacking = join(folder, 'lacking');
		mkdirSync(lacking, { recursive: true });
		writeFileSync(join(lacking, 'model.bin'), readFileSync(join(bundle, 'model.bin')));
		let result = await cli(['predict', lacking, sample('iris.csv')]);
		expect(result.code).toBe(1);
		expect(result.err).toEqual([
			`benchtop: ${lacking} is a bundle folder without model.js: export it again with benchtop export --bundle`
		]);

		const damaged = join(folder, 'damaged');
		expect((await cli(['export', iris, '--bundle', damaged])).code).toBe(0);
		const bin = readFileSync(join(damaged, 'model.bin'));
		bin[0] = bin[0]! ^ 1;
		writeFileSync(join(damaged, 'model.bin'), bin);
		result = await cli(['predict', damaged, sample('iris.csv')]);
		expect(result.err).toEqual([
			`benchtop: ${damaged}: model.bin does not match this model (its SHA-256 differs): the file is damaged or from another model`
		]);
		writeFileSync(join(damaged, 'model.bin'), bin.subarray(0, 10));
		result = await cli(['predict', damaged, sample('iris.csv')]);
		expect(result.err[0]).toMatch(
			/^benchtop: .*damaged: model\.bin is 10 bytes; this model needs [\d,]+: the file is damaged or from another model$/
		);
		rmSync(join(damaged, 'model.bin'));
		result = await cli(['predict', damaged, sample('iris.csv')]);
		expect(result.err).toEqual([
			`benchtop: ${damaged} is a bundle folder without model.bin: export it again with benchtop export --bundle`
		]);
	});
});
