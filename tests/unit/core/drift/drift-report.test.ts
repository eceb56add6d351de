// The training profile and the drift report on real rows: penguins from Torgersen and Dream against those
// from Biscoe (a real shift: Biscoe's are mostly Gentoo, heavier, with longer flippers), and one half of
// the rows against the other half drawn at random (no shift).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTable } from '../../../../src/lib/core/data/import/index.ts';
import { driftReport, compareCategories, UNSEEN_BIN } from '../../../../src/lib/core/drift/drift-report.ts';
import {
	featureKind,
	profileCategories,
	profileNumbers,
	MIN_SAMPLE_SIZE,
	SAMPLE_SIZE,
	sampleSizeFor,
	trainingProfile
} from '../../../../src/lib/core/drift/training-profile.ts';
import { createRandom } from '../../../../src/lib/core/random/seeded-random.ts';
import { takeRows } from '../../../../src/lib/core/table/take-rows.ts';
import type { PrepTable } from '../../../../src/lib/core/table/prep-table.ts';

async function penguins(): Promise<PrepTable> {
	const bytes = readFileSync(new URL('../../../../sample-datasets/penguins.csv', import.meta.url));
	return importTable(new Blob([bytes]), { fileName: 'penguins.csv' });
}

function rowsWhere(input: PrepTable, test: (i: number) => boolean): number[] {
	const rows: number[] = [];
	for (let i = 0; i < input.table.numRows(); i++) if (test(i)) rows.push(i);
	return rows;
}

const FEATURES = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)', 'Sex'];

describe('trainingProfile', () => {
	it('keeps decile bins, a sample and category counts of the training rows only', async () => {
		const input = await penguins();
		const profile = trainingProfile(input, FEATURES, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(profile.rows).toBe(10);
		const mass = profile.features.find((f) => f.name === 'Body Mass (g)')!;
		expect(mass.kind).toBe('number');
		if (mass.kind !== 'number') throw new Error('number expected');
		expect(mass.counts.reduce((a, b) => a + b, 0) + mass.missing).toBe(10);
		expect(mass.sample).toEqual([...mass.sample].sort((a, b) => a - b));
		const sex = profile.features.find((f) => f.name === 'Sex')!;
		expect(sex.kind).toBe('category');
	});
	it('samples at most SAMPLE_SIZE values at even ranks', () => {
		const values = Array.from({ length: 5000 }, (_, i) => 4999 - i);
		const profile = profileNumbers('x', [...values, null, NaN]);
		expect(profile.sample.length).toBe(SAMPLE_SIZE);
		expect(profile.missing).toBe(2);
		expect(profile.sample[0]).toBe(2);
		expect(profile.sample[SAMPLE_SIZE - 1]).toBe(4997);
		expect(profile.edges[4]).toBeCloseTo(2499.5, 9);
	});
	it('keeps wide tables small: SAMPLE_BUDGET values over all columns, at least MIN_SAMPLE_SIZE each', () => {
		expect(sampleSizeFor(6)).toBe(SAMPLE_SIZE);
		expect(sampleSizeFor(784)).toBe(MIN_SAMPLE_SIZE);
		expect(sampleSizeFor(200)).toBe(250);
		expect(sampleSizeFor(100)).toBe(500);
		expect(sampleSizeFor(10_000)).toBe(MIN_SAMPLE_SIZE);
		expect(
			profileNumbers(
				'x',
				Array.from({ length: 2000 }, (_, i) => i),
				63
			).sample
		).toHaveLength(63);
	});
	it('compares dates as numbers and names a missing column', async () => {
		expect(featureKind('date')).toBe('number');
		expect(featureKind('boolean')).toBe('category');
		const input = await penguins();
		expect(() => trainingProfile(input, ['wingspan'], null)).toThrow(/wingspan/);
	});
});

describe('driftReport on penguins', () => {
	it('flags the Biscoe penguins against Torgersen and Dream, with reasons', async () => {
		const input = await penguins();
		const island = input.table.array('Island') as ArrayLike<string>;
		const train = rowsWhere(input, (i) => island[i] !== 'Biscoe');
		const biscoe = takeRows(
			input,
			rowsWhere(input, (i) => island[i] === 'Biscoe')
		);
		const report = driftReport(trainingProfile(input, FEATURES, train), biscoe);
		const byName = new Map(report.features.map((f) => [f.name, f]));
		const mass = byName.get('Body Mass (g)')!;
		expect(mass.drifted).toBe(true);
		expect(mass.psi).toBeGreaterThan(0.2);
		expect(mass.pValue!).toBeLessThan(0.01);
		expect(mass.reasons[0]).toMatch(/median was .* in training and is .* here; PSI/);
		expect(byName.get('Flipper Length (mm)')!.drifted).toBe(true);
		expect(byName.get('Sex')!.drifted).toBe(false);
		expect(report.drifted).toBe(report.features.filter((f) => f.drifted).length);
		expect(report.drifted).toBeGreaterThanOrEqual(3);
	});
	it('finds no drift between two random halves', async () => {
		const input = await penguins();
		// A seeded coin per row (the file's rows alternate by sex, so every other row would be a real shift).
		const random = createRandom(7);
		const coin = Array.from({ length: input.table.numRows() }, () => random.next() < 0.5);
		const train = rowsWhere(input, (i) => coin[i]!);
		const other = takeRows(
			input,
			rowsWhere(input, (i) => !coin[i])
		);
		const report = driftReport(trainingProfile(input, FEATURES, train), other);
		expect(report.drifted).toBe(0);
		// PSI alone is noisy on ~170 rows a side (0.1–0.2 by chance); the tests see no shift.
		for (const f of report.features) expect(f.pValue!).toBeGreaterThan(0.01);
	});
	it('lists columns the data lacks as drifted', async () => {
		const input = await penguins();
		const profile = trainingProfile(input, FEATURES, null);
		const fewer = {
			table: input.table.select('Beak Length (mm)'),
			schema: input.schema.filter((c) => c.name === 'Beak Length (mm)')
		};
		const report = driftReport(profile, fewer);
		expect(report.absent).toEqual(FEATURES.slice(1));
		expect(report.drifted).toBe(4);
	});
});

describe('categories', () => {
	it('names new categories and the missing-rate change', () => {
		const profile = profileCategories('colour', [...Array(50).fill('red'), ...Array(50).fill('blue')]);
		const drift = compareCategories(profile, [
			...Array(40).fill('red'),
			...Array(40).fill('blue'),
			...Array(10).fill('green'),
			...Array(30).fill(null)
		]);
		expect(drift.newCategories).toEqual([{ value: 'green', count: 10 }]);
		expect(drift.newShare).toBeCloseTo(10 / 90, 12);
		expect(drift.missingRate).toEqual({ training: 0, current: 0.25 });
		expect(drift.drifted).toBe(true);
		expect(drift.reasons.join(' ')).toMatch(/never seen in training \(“green”\) on 11\.1% of rows/);
		expect(drift.reasons.join(' ')).toMatch(/missing in 25\.0% of rows, against 0\.0% in training/);
		expect(drift.bins.map((b) => b.label)).toEqual(['blue', 'red', UNSEEN_BIN]);
	});
	it('leaves equal shares stable', () => {
		const profile = profileCategories('c', ['a', 'b', 'a', 'b']);
		const drift = compareCategories(profile, ['b', 'a', 'b', 'a', 'a', 'b']);
		expect(drift.level).toBe('stable');
		expect(drift.psi).toBeCloseTo(0, 12);
		expect(drift.reasons).toEqual([]);
	});
});
