// `benchtop train --init <model>` end to end through main(): 0 more epochs reproduces the saved model (the
// same weights, byte for byte, and the same test metrics, for a classifier and for a regression network
// whose target scaling is taken out and folded back, and for a binary cross-entropy model whose softmax head
// is unfolded into its sigmoid and folded back); more epochs carry the loss curve on from where it ended;
// a .zip works as the folder does; a file without a column the model reads is refused, named.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, editedSample, sample, trainModel, workFolder, zipModel } from './model-fixtures.ts';

const work = workFolder('train-init');
let iris: string;
let diabetes: string;

interface TrainJson {
	metrics: Record<string, number>;
	rows: { train: number; validation: number; test: number };
	init?: {
		from_epoch: number;
		recipe: string;
		same_data: boolean;
		optimizer_state: boolean;
		parent_metrics: Record<string, number>;
	};
}

async function trainJson(args: string[]): Promise<TrainJson> {
	const { code, out, err } = await cli(['train', ...args, '--json']);
	expect(err).toEqual([]);
	expect(code).toBe(0);
	return JSON.parse(out[0]!) as TrainJson;
}

const history = (dir: string) =>
	(JSON.parse(readFileSync(join(dir, 'benchtop.json'), 'utf8')) as { run: { history: { loss: number }[] } })
		.run.history;

beforeAll(async () => {
	iris = await trainModel(work, 'iris', [
		sample('iris.csv'),
		'--target',
		'species',
		'--model',
		'mlp',
		'--epochs',
		'12'
	]);
	diabetes = await trainModel(work, 'diabetes', [
		sample('diabetes.csv'),
		'--target',
		'progression',
		'--model',
		'mlp',
		'--epochs',
		'8'
	]);
}, 240_000);

describe('benchtop train --init', () => {
	it('with 0 more epochs reproduces the saved classifier: the same weights and test metrics', async () => {
		const parent = JSON.parse(readFileSync(join(iris, 'benchtop.json'), 'utf8')) as {
			run: { metrics: { test: Record<string, number> } };
		};
		const out = join(work, 'iris-again');
		const again = await trainJson([sample('iris.csv'), '--init', iris, '--epochs', '0', '--out', out]);
		expect(readFileSync(join(out, 'weights.bin'))).toEqual(readFileSync(join(iris, 'weights.bin')));
		const { rows: _rows, ...saved } = parent.run.metrics.test;
		expect(again.metrics).toEqual(saved);
		expect(again.init).toMatchObject({ from_epoch: 12, recipe: 'keep', same_data: true });
		expect(again.init?.parent_metrics).toEqual(saved);
	}, 120_000);

	it('with 0 more epochs reproduces a regression network (target scaling out and back in)', async () => {
		const out = join(work, 'diabetes-again');
		const parent = JSON.parse(readFileSync(join(diabetes, 'benchtop.json'), 'utf8')) as {
			run: { metrics: { test: { r2: number; rmse: number } } };
		};
		const again = await trainJson([
			sample('diabetes.csv'),
			'--init',
			diabetes,
			'--epochs',
			'0',
			'--out',
			out
		]);
		expect(again.metrics.r2).toBeCloseTo(parent.run.metrics.test.r2, 5);
		expect(again.metrics.rmse).toBeCloseTo(parent.run.metrics.test.rmse, 3);
	}, 120_000);

	it('with more epochs carries the loss curve on from where it ended, from a .zip too', async () => {
		const zip = zipModel(iris, join(work, 'iris.zip'));
		const out = join(work, 'iris-more');
		const more = await trainJson([sample('iris.csv'), '--init', zip, '--epochs', '6', '--out', out]);
		const before = history(iris);
		const after = history(out);
		expect(after).toHaveLength(18);
		expect(after.slice(0, 12)).toEqual(before);
		// Training on goes downhill from the last saved epoch, not from a fresh start's loss.
		expect(after[17]!.loss).toBeLessThan(before[11]!.loss);
		expect(after[12]!.loss).toBeLessThan(before[0]!.loss);
		expect(more.init).toMatchObject({ from_epoch: 12, same_data: true, optimizer_state: true });
	}, 120_000);

	it('goes on as if it had not stopped (optimizer.json/.bin keep Adam state), and differs without it', async () => {
		const straight = join(work, 'iris-18');
		await trainJson([
			sample('iris.csv'),
			'--target',
			'species',
			'--model',
			'mlp',
			'--epochs',
			'18',
			'--seed',
			'3',
			'--out',
			straight
		]);
		const continued = join(work, 'iris-12-6');
		await trainJson([sample('iris.csv'), '--init', iris, '--epochs', '6', '--out', continued]);
		const whole = history(straight).slice(12, 18);
		const after = history(continued).slice(12, 18);
		expect(after).toHaveLength(6);
		after.forEach((epoch, i) => expect(epoch.loss).toBeCloseTo(whole[i]!.loss, 5));
		// The same model without its optimizer files starts Adam afresh: another curve.
		const bare = join(work, 'iris-bare');
		cpSync(iris, bare, { recursive: true });
		rmSync(join(bare, 'optimizer.json'));
		rmSync(join(bare, 'optimizer.bin'));
		const fresh = join(work, 'iris-12-6-fresh');
		const afresh = await trainJson([sample('iris.csv'), '--init', bare, '--epochs', '6', '--out', fresh]);
		expect(afresh.init?.optimizer_state).toBe(false);
		const gap = Math.abs(history(fresh)[12]!.loss - whole[0]!.loss);
		expect(gap).toBeGreaterThan(1e-4);
	}, 240_000);

	it('continues a binary cross-entropy model: 0 more epochs give its bytes, 4 more the run in one go', async () => {
		const sex = editedSample(work, 'penguins.csv', 'penguins-sex.csv', (lines) =>
			lines.filter((line, i) => i === 0 || /,(MALE|FEMALE)$/.test(line))
		);
		const bce = ['--target', 'Sex', '--model', 'mlp', '--loss', 'binary-cross-entropy', '--seed', '3'];
		const parent = join(work, 'sex-12');
		await trainJson([sex, ...bce, '--epochs', '12', '--out', parent]);
		const again = join(work, 'sex-12-0');
		const zero = await trainJson([sex, '--init', parent, '--epochs', '0', '--out', again]);
		expect(readFileSync(join(again, 'weights.bin'))).toEqual(readFileSync(join(parent, 'weights.bin')));
		expect(zero.init).toMatchObject({ same_data: true, optimizer_state: true });
		// The saved weights are those of the kept (early-stopping) epoch: the run goes on from there.
		const from = zero.init!.from_epoch;
		expect(from).toBeGreaterThan(1);
		const straightDir = join(work, 'sex-straight');
		const straight = await trainJson([sex, ...bce, '--epochs', String(from + 4), '--out', straightDir]);
		const more = join(work, 'sex-more');
		const continued = await trainJson([sex, '--init', parent, '--epochs', '4', '--out', more]);
		const floats = (dir: string) => {
			const bytes = readFileSync(join(dir, 'weights.bin'));
			return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
		};
		const a = floats(more);
		const b = floats(straightDir);
		expect(a).toHaveLength(b.length);
		expect(Math.max(...a.map((v, i) => Math.abs(v - b[i]!)))).toBeLessThan(1e-5);
		expect(continued.metrics).toEqual(straight.metrics);
		expect(history(more)).toHaveLength(history(straightDir).length);
		history(more).forEach((epoch, i) => expect(epoch.loss).toBeCloseTo(history(straightDir)[i]!.loss, 5));
	}, 240_000);

	it('refuses tampered optimizer state, naming the file', async () => {
		const tampered = join(work, 'iris-tampered');
		cpSync(iris, tampered, { recursive: true });
		const bin = readFileSync(join(tampered, 'optimizer.bin'));
		bin[0] = bin[0]! ^ 0xff;
		writeFileSync(join(tampered, 'optimizer.bin'), bin);
		const refused = await cli(['train', sample('iris.csv'), '--init', tampered, '--out', join(work, 'y')]);
		expect(refused.code).not.toBe(0);
		expect(refused.err.join('\n')).toContain(
			'optimizer.bin does not match the SHA-256 optimizer.json records'
		);
	}, 120_000);

	it('refuses a file without a column the model reads, naming it, and a --model beside --init', async () => {
		const cut = editedSample(work, 'iris.csv', 'iris-cut.csv', (lines) =>
			lines.map((line) => line.split(',').slice(0, 3).concat(line.split(',')[4]!).join(','))
		);
		const refused = await cli(['train', cut, '--init', iris, '--out', join(work, 'x')]);
		expect(refused.code).not.toBe(0);
		expect(refused.err.join('\n')).toContain(
			'The model cannot be trained further on “iris-cut.csv”: it lacks the column petal_width.'
		);
		const both = await cli(['train', sample('iris.csv'), '--init', iris, '--model', 'mlp', '--out', 'x']);
		expect(both.code).not.toBe(0);
		expect(both.err.join('\n')).toContain('--model cannot be used with --init');
	}, 60_000);
});
