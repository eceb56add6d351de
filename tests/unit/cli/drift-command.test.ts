// `benchtop drift` end to end through main(), on real shifts in the sample data: a penguin model trained on
// Torgersen and Dream finds the Biscoe penguins (mostly Gentoo, which it never saw) drifted; a diabetes model
// trained on one seeded half of the rows finds the other half not drifted, and one trained on the patients
// under 50 finds the older ones drifted in age. The JSON contract's keys, a .zip, and bad input in one line.
import { readFileSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/lib/core/random/seeded-random.ts';
import { cli, editedSample, trainModel, workFolder, zipModel } from './model-fixtures.ts';

const work = workFolder('drift');

interface FeatureJson {
	name: string;
	kind: string;
	psi: number | null;
	ks?: number;
	p_value?: number;
	drifted: boolean;
}
interface DriftJson {
	features: FeatureJson[];
	predictions: FeatureJson | null;
	drifted: number;
}

async function driftJson(args: string[]): Promise<DriftJson> {
	const { code, out, err } = await cli(['drift', ...args, '--json']);
	expect(err).toEqual([]);
	expect(code).toBe(0);
	expect(out).toHaveLength(1);
	return JSON.parse(out[0]!) as DriftJson;
}

const island = (line: string) => line.split(',')[1];
let penguins: string;
let biscoe: string;
let diabetesHalf: string;
let otherHalf: string;
let diabetesYoung: string;
let older: string;

beforeAll(async () => {
	const torgersenDream = editedSample(work, 'penguins.csv', 'torgersen-dream.csv', (lines) =>
		lines.filter((line, i) => i === 0 || island(line) !== 'Biscoe')
	);
	biscoe = editedSample(work, 'penguins.csv', 'biscoe.csv', (lines) =>
		lines.filter((line, i) => i === 0 || island(line) === 'Biscoe')
	);
	penguins = await trainModel(work, 'penguins', [torgersenDream, '--target', 'Species', '--epochs', '40']);
	const random = createRandom(11);
	const coin = Array.from({ length: 500 }, () => random.next() < 0.5);
	const half = editedSample(work, 'diabetes.csv', 'half.csv', (lines) =>
		lines.filter((_, i) => i === 0 || coin[i])
	);
	otherHalf = editedSample(work, 'diabetes.csv', 'other-half.csv', (lines) =>
		lines.filter((_, i) => i === 0 || !coin[i])
	);
	const age = (line: string) => Number(line.split(',')[0]);
	const young = editedSample(work, 'diabetes.csv', 'young.csv', (lines) =>
		lines.filter((line, i) => i === 0 || age(line) < 50)
	);
	older = editedSample(work, 'diabetes.csv', 'older.csv', (lines) =>
		lines.filter((line, i) => i === 0 || age(line) >= 50)
	);
	const regression = ['--target', 'progression', '--model', 'mlp', '--epochs', '20'];
	diabetesHalf = await trainModel(work, 'diabetes-half', [half, ...regression]);
	diabetesYoung = await trainModel(work, 'diabetes-young', [young, ...regression]);
}, 180_000);

describe('benchtop drift', () => {
	it('penguins: Biscoe against Torgersen and Dream is drifted, with the contract’s keys only', async () => {
		const report = await driftJson([penguins, biscoe]);
		expect(Object.keys(report).sort()).toEqual(['drifted', 'features', 'predictions']);
		const byName = new Map(report.features.map((f) => [f.name, f]));
		for (const f of report.features) {
			const keys =
				f.kind === 'number'
					? ['drifted', 'kind', 'ks', 'name', 'p_value', 'psi']
					: ['drifted', 'kind', 'name', 'p_value', 'psi'];
			expect(Object.keys(f).sort()).toEqual(keys);
		}
		for (const name of ['Island', 'Flipper Length (mm)', 'Body Mass (g)', 'Beak Depth (mm)'])
			expect(byName.get(name)!.drifted, name).toBe(true);
		expect(byName.get('Flipper Length (mm)')!.psi).toBeGreaterThan(0.2);
		expect(byName.get('Flipper Length (mm)')!.p_value).toBeLessThan(0.01);
		expect(byName.get('Sex')!.drifted).toBe(false);
		expect(report.drifted).toBe(report.features.filter((f) => f.drifted).length);
		// The model never saw a Gentoo: its predictions on Biscoe differ from those on its test split.
		expect(report.predictions!.name).toBe('predicted Species');
		expect(report.predictions!.drifted).toBe(true);
	}, 60_000);

	it('diabetes: one seeded half against the other is not drifted; the over-50s against the under-50s are', async () => {
		const same = await driftJson([diabetesHalf, otherHalf]);
		expect(same.features.map((f) => f.name)).toEqual([
			'age',
			'sex',
			'bmi',
			'bp',
			's1',
			's2',
			's3',
			's4',
			's5',
			's6'
		]);
		expect(same.drifted).toBe(0);
		for (const f of same.features) expect(f.p_value!, f.name).toBeGreaterThan(0.01);
		expect(same.predictions!.kind).toBe('number');
		expect(same.predictions!.drifted).toBe(false);

		const aged = await driftJson([diabetesYoung, older]);
		const age = aged.features.find((f) => f.name === 'age')!;
		expect(age.drifted).toBe(true);
		expect(age.ks).toBe(1);
		expect(age.p_value).toBeLessThan(1e-10);
	}, 60_000);

	it('prints the report in words, from a .zip too', async () => {
		const zip = zipModel(penguins, join(work, 'penguins.zip'));
		const { code, out, err } = await cli(['drift', zip, biscoe]);
		expect(err).toEqual([]);
		expect(code).toBe(0);
		expect(out[0]).toBe('biscoe.csv: 168 rows against 140 training rows');
		expect(out[1]).toMatch(/^drifted: [4-6] of 6 columns$/);
		expect(out.join('\n')).toMatch(
			/drifted +Island \(category\) +PSI [\d.]+ +chi² [\d.]+ \(df 2\) p < 0\.0001/
		);
		expect(out.join('\n')).toMatch(/1 value never seen in training \(“Biscoe”\) on 100\.0% of rows/);
		expect(out.join('\n')).toMatch(/median was 193 in training and is 214 here/);
		expect(out).toContain('thresholds:');
	}, 60_000);

	it('bad input prints one benchtop: line and exits 1', async () => {
		const old = join(work, 'old-model');
		cpSync(penguins, old, { recursive: true });
		const record = JSON.parse(readFileSync(join(old, 'benchtop.json'), 'utf8'));
		delete record.trainingProfile;
		writeFileSync(join(old, 'benchtop.json'), JSON.stringify(record));
		const damaged = join(work, 'damaged-model');
		cpSync(penguins, damaged, { recursive: true });
		const bad = JSON.parse(readFileSync(join(damaged, 'benchtop.json'), 'utf8'));
		bad.trainingProfile.features[1].counts.pop();
		writeFileSync(join(damaged, 'benchtop.json'), JSON.stringify(bad));
		const cases: [string[], string | RegExp][] = [
			[[old, biscoe], /^benchtop: .*old-model has no training profile .*train it again with benchtop train/],
			[
				[damaged, biscoe],
				/^benchtop: benchtop\.json: “trainingProfile”: training profile\.features\[1\]: 9 counts for 9 edges/
			],
			[[penguins, '/nonexistent.csv'], 'benchtop: no such file: /nonexistent.csv'],
			[[join(work, 'nope'), biscoe], /^benchtop: no such model folder or \.zip: /],
			[[penguins], /^benchtop: drift needs a model and a file/],
			[[penguins, biscoe, biscoe], /^benchtop: drift takes one model and one file, got also /],
			[[penguins, biscoe, '--frobnicate'], "benchtop: Unknown option '--frobnicate' for drift"]
		];
		for (const [args, message] of cases) {
			const { code, out, err } = await cli(['drift', ...args]);
			expect(code, args.join(' ')).toBe(1);
			expect(out).toEqual([]);
			expect(err).toHaveLength(1);
			if (typeof message === 'string') expect(err[0]).toBe(message);
			else expect(err[0]).toMatch(message);
		}
	}, 60_000);
});
