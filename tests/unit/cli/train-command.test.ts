// `benchtop train` end to end through main(): the --json contract, the files it writes (loaded back into
// TF.js and used on the file's rows through the fitted recipe), every task, repeatability and the one-line
// errors. Each run prints its figures.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { importTable } from '../../../src/lib/core/data/import/index.ts';
import { applyRecipe, type FittedRecipe } from '../../../src/lib/core/prep/recipe/index.ts';
import { readLabels, readNumbers } from '../../../src/lib/core/table/read-column.ts';

const sample = (name: string) => fileURLToPath(new URL(`../../../sample-datasets/${name}`, import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'benchtop-train-'));
const outDir = (name: string) => join(workDir, name);

interface TrainJson {
	task: string;
	model: string;
	rows: { train: number; validation: number; test: number };
	metrics: Record<string, unknown>;
	seed: number;
	backend: string;
	duration_ms: number;
	model_choice: {
		kept: string;
		metric: string;
		validation: Record<string, number | null>;
		reason: string;
		networks?: { network: number; detail: string; validation: number | null; pruned: boolean }[];
	};
	warnings: { kind: string; severity: string; message: string; causes: string[]; tryThis: string[] }[];
}

async function train(args: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await main(['train', ...args], {
		out: (t) => out.push(t),
		err: (t) => err.push(t)
	});
	return { code, out, err };
}

async function trainJson(args: string[]): Promise<TrainJson> {
	const { code, out, err } = await train([...args, '--json']);
	expect(err).toEqual([]);
	expect(code).toBe(0);
	expect(out).toHaveLength(1);
	const result = JSON.parse(out[0]!) as TrainJson;
	console.log(
		`train ${args.join(' ')}: ${JSON.stringify(result.metrics)} (${result.backend}, ${result.duration_ms} ms)`
	);
	return result;
}

describe('benchtop train', () => {
	let iris: TrainJson;
	beforeAll(async () => {
		iris = await trainJson([sample('iris.csv'), '--target', 'species', '--out', outDir('iris')]);
	}, 60_000);

	it('iris: prints the contract fields and ≥ 0.9 test accuracy', () => {
		expect(Object.keys(iris).sort()).toEqual(
			[
				'backend',
				'duration_ms',
				'metrics',
				'model',
				'model_choice',
				'rows',
				'seed',
				'task',
				'threads',
				'warnings'
			].sort()
		);
		expect(iris).toMatchObject({ task: 'classification', seed: 42 });
		// --model auto trained both and kept the better on the validation rows, saying which and why.
		expect(iris.model_choice.kept).toBe(iris.model);
		expect(Object.keys(iris.model_choice.validation).sort()).toEqual(['linear', 'mlp']);
		expect(iris.model_choice.reason).toMatch(/^Trained the linear model and a neural network; kept the/);
		// The network candidate is the best of a small seeded search of MLPs, the default one first; on iris
		// the default already scores validation accuracy 1, which no other can beat, so none other trains.
		expect(iris.model_choice.networks).toEqual([
			{ network: 1, detail: 'the default MLP', validation: 1, pruned: false }
		]);
		expect(iris.warnings.map((w) => w.kind)).toEqual(['model-choice']);
		expect(iris.rows).toEqual({ train: 120, validation: 0, test: 30 });
		expect(Object.keys(iris.metrics).sort()).toEqual(['accuracy', 'f1_macro', 'log_loss', 'roc_auc']);
		expect(iris.metrics.accuracy).toBeGreaterThanOrEqual(0.9);
		expect(['wasm', 'cpu']).toContain(iris.backend);
		expect(iris.duration_ms).toBeGreaterThan(0);
	});

	it('writes model.json, weights.bin and benchtop.json that load back and predict the file', async () => {
		const dir = outDir('iris');
		const modelJson = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
		expect(modelJson).toMatchObject({ format: 'layers-model', convertedBy: null });
		expect(modelJson.weightsManifest).toHaveLength(1);
		expect(modelJson.weightsManifest[0].paths).toEqual(['weights.bin']);
		const weights = readFileSync(join(dir, 'weights.bin'));
		const bytesExpected = (modelJson.weightsManifest[0].weights as { shape: number[] }[])
			.map((w) => w.shape.reduce((a, b) => a * b, 1) * 4)
			.reduce((a, b) => a + b, 0);
		expect(weights.byteLength).toBe(bytesExpected);

		const bundle = JSON.parse(readFileSync(join(dir, 'benchtop.json'), 'utf8'));
		expect(bundle).toMatchObject({
			format: 'benchtop-model',
			version: 1,
			task: 'classification',
			targets: ['species'],
			classes: ['setosa', 'versicolor', 'virginica'],
			spec: { family: iris.model, task: 'classification' }
		});
		expect(bundle.run.modelChoice.kept).toBe(iris.model);
		expect(bundle.inputSchema).toContainEqual({ name: 'species', type: 'category' });
		expect(bundle.inputSchema).toContainEqual({ name: 'petal_length', type: 'number' });
		expect(bundle.run.seed).toBe(42);
		expect(bundle.run.backend.name).toBe(iris.backend);
		expect(bundle.run.history.length).toBeGreaterThan(0);
		expect(bundle.run.metrics.test.accuracy).toBe(iris.metrics.accuracy);
		expect(bundle.run.split).toBeDefined();
		expect(bundle.run.versions.tfjs).toBe(tf.version.tfjs);

		const model = await tf.loadLayersModel(
			tf.io.fromMemory({
				modelTopology: modelJson.modelTopology,
				weightSpecs: modelJson.weightsManifest[0].weights,
				weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength)
			})
		);
		const input = await importTable(new Blob([readFileSync(sample('iris.csv'))]), { fileName: 'iris.csv' });
		const prepared = applyRecipe(bundle.recipe as FittedRecipe, input, 'predict');
		const features = bundle.features as string[];
		const n = prepared.table.numRows();
		expect(n).toBe(150);
		const columns = features.map((name) => readNumbers(prepared.table, name));
		const x = tf.tensor2d(
			Float32Array.from(
				{ length: n * features.length },
				(_, i) => columns[i % features.length]![Math.floor(i / features.length)]!
			),
			[n, features.length]
		);
		const output = model.predict(x) as tf.Tensor;
		expect(output.shape).toEqual([n, 3]);
		const predicted = Array.from(await output.argMax(-1).data());
		const truth = readLabels(input.table, 'species');
		const right = predicted.filter((p, i) => bundle.classes[p] === truth[i]).length;
		console.log(`reloaded iris model: ${right}/${n} rows right`);
		expect(right / n).toBeGreaterThanOrEqual(0.9);
		tf.dispose([x, output]);
		model.dispose();
	});

	it('the same command with the same seed gives the same metrics; another seed another split', async () => {
		const again = await trainJson([sample('iris.csv'), '--target', 'species', '--out', outDir('iris-again')]);
		expect(again.metrics).toEqual(iris.metrics);
		const other = await trainJson([
			sample('iris.csv'),
			'--target',
			'species',
			'--out',
			outDir('iris-seed'),
			'--seed',
			'7',
			'--epochs',
			'5'
		]);
		expect(other.seed).toBe(7);
		expect(other.metrics).not.toEqual(iris.metrics);
		const bundle = JSON.parse(readFileSync(join(outDir('iris-seed'), 'benchtop.json'), 'utf8'));
		expect(bundle.run.settings).toMatchObject({ seed: 7, epochs: 5 });
		expect(bundle.run.history.length).toBeLessThanOrEqual(5);
	}, 60_000);

	it('diabetes: regression with scikit-learn metric names and a --test-size', async () => {
		const result = await trainJson([
			sample('diabetes.csv'),
			'--target',
			'progression',
			'--out',
			outDir('diabetes'),
			'--test-size',
			'0.25'
		]);
		expect(result.task).toBe('regression');
		// auto trains both; the one it names as kept is the one written.
		expect(Object.keys(result.model_choice.validation).sort()).toEqual(['linear', 'mlp']);
		expect(result.model).toBe(result.model_choice.kept);
		// diabetes: the default MLP and three seeded variants were tried for the network candidate.
		expect(result.model_choice.networks).toHaveLength(4);
		expect(result.model_choice.reason).toMatch(
			/The network was the best of 4 MLPs \(seed 42\): network [1-4]/
		);
		expect(result.rows.test).toBe(Math.round(442 * 0.25));
		expect(Object.keys(result.metrics).sort()).toEqual(['mae', 'outputs', 'r2', 'rmse']);
		expect(result.metrics.r2).toBeGreaterThan(0.3);
		expect(Object.keys(result.metrics.outputs as object)).toEqual(['progression']);
	}, 60_000);

	it('--optimizer adamw --weight-decay and --loss huber --huber-delta set the run’s training', async () => {
		const dir = outDir('diabetes-huber');
		const result = await trainJson([
			sample('diabetes.csv'),
			'--target',
			'progression',
			'--model',
			'mlp',
			'--optimizer',
			'adamw',
			'--weight-decay',
			'0.02',
			'--loss',
			'huber',
			'--huber-delta',
			'0.5',
			'--epochs',
			'40',
			'--out',
			dir
		]);
		expect(result.model).toBe('mlp');
		expect(result.metrics.r2).toBeGreaterThan(0.2);
		const bundle = JSON.parse(readFileSync(join(dir, 'benchtop.json'), 'utf8'));
		expect(bundle.run.settings).toMatchObject({
			optimizer: 'adamw',
			weightDecay: 0.02,
			loss: 'huber',
			huberDelta: 0.5,
			learningRate: 0.01,
			epochs: 40
		});
	}, 60_000);

	it('linnerud: several targets give metrics per output', async () => {
		const { code, out, err } = await train([
			sample('linnerud.csv'),
			'--target',
			'Weight,Waist,Pulse',
			'--out',
			outDir('linnerud'),
			'--json'
		]);
		expect(code).toBe(0);
		const result = JSON.parse(out[0]!) as TrainJson;
		expect(result.task).toBe('multi-output');
		// Sixteen training rows and four test rows: whatever stderr says is the JSON's warnings, line for line.
		const said = result.warnings.filter((w) => w.severity === 'warning').map((w) => `warning: ${w.message}`);
		expect(err.filter((line) => line.startsWith('warning: '))).toEqual(said);
		const outputs = result.metrics.outputs as Record<
			string,
			{ r2: number | null; mae: number; rmse: number }
		>;
		expect(Object.keys(outputs)).toEqual(['Weight', 'Waist', 'Pulse']);
		for (const output of Object.values(outputs)) {
			expect(Number.isFinite(output.mae)).toBe(true);
			expect(output.rmse).toBeGreaterThanOrEqual(output.mae);
		}
	}, 60_000);

	it('clustering: inertia and silhouette, centroids in benchtop.json and no model.json', async () => {
		const dir = outDir('kmeans');
		const result = await trainJson([sample('iris.csv'), '--task', 'clustering', '--k', '3', '--out', dir]);
		expect(result).toMatchObject({ task: 'clustering', model: 'kmeans' });
		expect(Object.keys(result.metrics).sort()).toEqual(['inertia', 'silhouette']);
		expect(result.metrics.inertia).toBeGreaterThan(0);
		expect(result.metrics.silhouette).toBeGreaterThan(0.3);
		expect(existsSync(join(dir, 'model.json'))).toBe(false);
		const bundle = JSON.parse(readFileSync(join(dir, 'benchtop.json'), 'utf8'));
		expect(bundle.centroids).toHaveLength(3);
		expect(bundle.centroids[0]).toHaveLength(bundle.features.length);
	}, 60_000);

	it('without --json: a readable summary on stdout, progress on stderr', async () => {
		const dir = outDir('wine');
		const { code, out, err } = await train([
			sample('wine.csv'),
			'--target',
			'cultivar',
			'--out',
			dir,
			'--epochs',
			'10',
			'--model',
			'mlp'
		]);
		expect(code).toBe(0);
		const text = out.join('\n');
		expect(text).toMatch(/^task: classification: cultivar is/m);
		expect(text).toMatch(/^model: mlp \(.*\), [\d,]+ parameters/m);
		expect(text).toMatch(/^ {2}accuracy \d/m);
		expect(text).toContain(join(dir, 'model.json'));
		expect(err[0]).toMatch(/^epoch 1\/10 {2}loss \d/);
		expect(err.at(-1)).toMatch(/^epoch 10\/10 /);
	}, 60_000);

	it('says on stderr, and in the JSON, when a run is no better than guessing', async () => {
		const shuffled = join(workDir, 'wine-shuffled.csv');
		const [header, ...rows] = readFileSync(sample('wine.csv'), 'utf8').trimEnd().split('\n');
		const labels = rows.map((row) => row.split(',').at(-1)!);
		// A fixed reshuffle of the labels (every 7th label onwards): nothing links the features to them.
		const moved = rows.map((row, i) =>
			[...row.split(',').slice(0, -1), labels[(i * 7 + 3) % labels.length]].join(',')
		);
		writeFileSync(shuffled, `${[header, ...moved].join('\n')}\n`);
		const { code, out, err } = await train([
			shuffled,
			'--target',
			'cultivar',
			'--out',
			outDir('shuffled'),
			'--model',
			'mlp',
			'--json'
		]);
		expect(code).toBe(0);
		const result = JSON.parse(out[0]!) as TrainJson;
		const warning = result.warnings.find((w) => w.kind === 'no-better-than-baseline')!;
		expect(warning.message).toMatch(/^No better than guessing: test accuracy/);
		expect(err[0]).toBe(`warning: ${warning.message}`);
		expect(err.some((line) => line.startsWith('  try: '))).toBe(true);
	}, 60_000);

	it('bad input prints one benchtop: line, exits 1 and writes nothing', async () => {
		const badRecipe = join(workDir, 'bad-recipe.json');
		writeFileSync(badRecipe, JSON.stringify({ version: 1, steps: [{ op: 'no-such-step', params: {} }] }));
		const iris = sample('iris.csv');
		const cases: [string[], RegExp][] = [
			[[iris, '--target', 'species,nope'], /iris\.csv has no column “nope” \(its columns: sepal_length,/],
			[[iris, '--target', 'species', '--test-size', '1.5'], /--test-size must be a fraction between 0 and 1/],
			[[iris, '--target', 'species', '--test-size', '0'], /--test-size/],
			[[iris, '--target', 'species', '--epochs', 'ten'], /--epochs must be a whole number \(got "ten"\)/],
			[
				[iris, '--target', 'species', '--model', 'forest'],
				/--model must be one of auto, linear, mlp, cnn, kmeans/
			],
			[[iris, '--target', 'species', '--frobnicate'], /Unknown option '--frobnicate' for train/],
			[[iris, '--target', 'species', '--recipe', badRecipe], /bad-recipe\.json/],
			[['/nonexistent/x.csv', '--target', 'species'], /no such file: \/nonexistent\/x\.csv/],
			[[iris, '--task', 'regression'], /--task regression needs --target/],
			[
				[iris, '--target', 'species', '--optimizer', 'adagrad'],
				/--optimizer must be one of adam, adamw, sgd, rmsprop \(got "adagrad"\)/
			],
			[
				[iris, '--target', 'species', '--weight-decay', '0.1'],
				/--weight-decay is AdamW’s: add --optimizer adamw/
			],
			[
				[iris, '--target', 'species', '--optimizer', 'adamw', '--weight-decay', '1.5'],
				/Weight decay must be from 0 to 1 \(got 1.5\)/
			],
			[
				[iris, '--target', 'species', '--loss', 'huber', '--huber-delta', '0'],
				/The Huber delta must be above 0 \(got 0\)/
			],
			[
				[iris, '--target', 'species', '--model', 'mlp', '--loss', 'huber'],
				/The Huber loss is for numeric targets: a classifier trains on cross-entropy/
			],
			[
				[iris, '--target', 'species', '--model', 'mlp', '--loss', 'binary-cross-entropy'],
				/Binary cross-entropy trains one sigmoid output for two classes, and the target has 3: use cross-entropy/
			]
		];
		for (const [args, message] of cases) {
			const dir = outDir('never');
			const { code, out, err } = await train([...args, '--out', dir, '--json']);
			expect(code, args.join(' ')).toBe(1);
			expect(out).toEqual([]);
			expect(err).toHaveLength(1);
			expect(err[0]).toMatch(/^benchtop: /);
			expect(err[0]).toMatch(message);
			expect(existsSync(dir)).toBe(false);
		}
		const noOut = await train([iris, '--target', 'species']);
		expect(noOut.err).toEqual(['benchtop: train needs --out <dir>: the folder the model files go to']);
	});
});
