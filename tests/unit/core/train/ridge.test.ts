// The closed-form linear regression against scikit-learn 1.2's Ridge (values computed once with
// `Ridge(alpha).fit(X, y)` on the first 16 rows of linnerud.csv, raw features, as checked in below).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closedForm, ridgeFits, solveRidge } from '../../../../src/lib/core/train/ridge.ts';
import type { TrainingArrays } from '../../../../src/lib/core/train/training-data.ts';

const lines = readFileSync(new URL('../../../../sample-datasets/linnerud.csv', import.meta.url), 'utf8')
	.trim()
	.split('\n');
const header = lines[0]!.split(',');
const rows = lines.slice(1, 17).map((line) => line.split(',').map(Number));
const column = (name: string) => header.indexOf(name);

function arrays(features: string[], targets: string[]): TrainingArrays {
	return {
		x: Float32Array.from(rows.flatMap((r) => features.map((f) => r[column(f)]!))),
		y: Float32Array.from(rows.flatMap((r) => targets.map((t) => r[column(t)]!))),
		n: rows.length,
		featureCount: features.length,
		outputSize: targets.length,
		classes: []
	};
}

describe('solveRidge', () => {
	it("matches scikit-learn's Ridge(alpha=1) with three targets", () => {
		const [kernel, bias] = solveRidge(arrays(['Chins', 'Situps', 'Jumps'], ['Weight', 'Waist', 'Pulse']));
		const expected = [
			[-1.8714824159, -0.2492553338, 0.2029778303],
			[-0.1674359595, -0.0420945783, 0.0755280916],
			[0.0637009991, 0.0301466736, -0.0540484625]
		].flat();
		expected.forEach((value, i) => expect(kernel![i]).toBeCloseTo(value, 4));
		[221.6309786758, 42.0398428268, 47.0951682036].forEach((value, i) =>
			expect(bias![i]).toBeCloseTo(value, 2)
		);
	});

	it('takes its penalty from alpha', () => {
		const [kernel, bias] = solveRidge(arrays(['Chins', 'Situps'], ['Weight']), 3);
		expect(kernel![0]).toBeCloseTo(-1.8608632796, 4);
		expect(kernel![1]).toBeCloseTo(-0.1252864896, 4);
		expect(bias![0]).toBeCloseTo(220.222528126, 2);
	});

	it('is used only where the normal equations stay cheap', () => {
		expect(ridgeFits({ n: 1000, featureCount: 100 })).toBe(true);
		expect(ridgeFits({ n: 1_000_000, featureCount: 100 })).toBe(false);
	});
});

describe('closedForm', () => {
	const linear = { family: 'linear', task: 'regression', layers: [] } as const;
	it('solves a linear regression on squared error, and leaves a Huber loss to gradient steps', () => {
		const data = { n: 100, featureCount: 3 };
		expect(closedForm({ ...linear, layers: [] }, 'regression', data).solve).toBeTypeOf('function');
		expect(closedForm({ ...linear, layers: [] }, 'regression', data, 'mse').solve).toBeTypeOf('function');
		expect(closedForm({ ...linear, layers: [] }, 'regression', data, 'huber')).toEqual({});
	});
});
