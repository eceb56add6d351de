// The closed-form linear regression against scikit-learn 1.2's Ridge (values computed once with
// `Ridge(alpha).fit(X, y)` on the first 16 rows of linnerud.csv, raw features, as checked in below).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closedForm, ridgeAlpha, ridgeFits, solveRidge } from '../../../../src/lib/core/train/ridge.ts';
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
		const data = { n: 100, featureCount: 3, outputSize: 1 };
		expect(closedForm({ ...linear, layers: [] }, 'regression', data).solve).toBeTypeOf('function');
		expect(closedForm({ ...linear, layers: [] }, 'regression', data, 'mse').solve).toBeTypeOf('function');
		expect(closedForm({ ...linear, layers: [] }, 'regression', data, 'huber')).toEqual({});
	});
});

describe('a linear model with an L2 penalty', () => {
	const linear = { family: 'linear', task: 'regression', layers: [] } as const;

	/** The gradient of what gradient steps minimise (batch-loss.ts): the squared error averaged over rows and
	 * outputs, plus l2 · Σw², at (kernel, bias). */
	function objectiveGradient(data: TrainingArrays, kernel: Float32Array, bias: Float32Array, l2: number) {
		const { n, featureCount: p, outputSize: k, x, y } = data;
		const kernelGradient = Array.from(kernel, (w) => 2 * l2 * w);
		const biasGradient = new Array<number>(k).fill(0);
		for (let i = 0; i < n; i++)
			for (let t = 0; t < k; t++) {
				let residual = bias[t]! - y[i * k + t]!;
				for (let j = 0; j < p; j++) residual += x[i * p + j]! * kernel[j * k + t]!;
				for (let j = 0; j < p; j++) kernelGradient[j * k + t]! += (2 / (n * k)) * residual * x[i * p + j]!;
				biasGradient[t]! += (2 / (n * k)) * residual;
			}
		return [...kernelGradient, ...biasGradient];
	}

	it('is solved at the minimum of the penalised mean loss that gradient steps take (α = l2 × rows × outputs)', () => {
		const data = arrays(['Chins', 'Situps', 'Jumps'], ['Weight', 'Waist', 'Pulse']);
		const l2 = 0.05;
		const solved = closedForm({ ...linear, layers: [], l2 }, 'regression', data);
		const [kernel, bias] = solved.solve!(data);
		const gradient = objectiveGradient(data, kernel!, bias!, l2);
		// Float32 weights on raw features in the hundreds: zero to a few thousandths.
		for (const value of gradient) expect(Math.abs(value)).toBeLessThan(5e-3);
		// The same α without the outputs' factor leaves a gradient: the factor is what makes them agree.
		const [wrongKernel, wrongBias] = solveRidge(data, l2 * data.n);
		const wrong = objectiveGradient(data, wrongKernel!, wrongBias!, l2);
		expect(Math.max(...wrong.map(Math.abs))).toBeGreaterThan(0.05);
		expect(solved.solvedMessage).toContain('L2 0.05, α = 2.4)'); // 0.05 × 16 rows × 3 outputs
	});

	it("keeps scikit-learn's α = 1 when the spec sets no penalty", () => {
		const data = arrays(['Chins', 'Situps'], ['Weight']);
		const [kernel] = closedForm({ ...linear, layers: [] }, 'regression', data).solve!(data);
		expect(kernel![0]).toBeCloseTo(solveRidge(data, 1)[0]![0]!, 6);
		expect(ridgeAlpha(0.01, { n: 200, outputSize: 3 })).toBeCloseTo(6, 10);
	});
});
