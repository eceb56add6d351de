import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../src/lib/core/random/seeded-random.ts';
import { holdOut, takeArrayRows } from '../../../../src/lib/core/train/hold-out.ts';
import type { TrainingArrays } from '../../../../src/lib/core/train/training-data.ts';

/** Row i has feature i and, for classes, the label given. */
function rows(labels: number[], k: number): TrainingArrays {
	const n = labels.length;
	const y = new Float32Array(n * k);
	labels.forEach((label, i) => (y[i * k + label] = 1));
	return {
		x: Float32Array.from(labels, (_, i) => i),
		y,
		labels: Int32Array.from(labels),
		n,
		featureCount: 1,
		outputSize: k,
		classes: Array.from({ length: k }, (_, i) => `c${i}`)
	};
}

const count = (data: TrainingArrays, label: number) =>
	Array.from(data.labels!).filter((l) => l === label).length;

describe('holdOut', () => {
	it('holds back the share per class, keeping rows whole and apart', () => {
		const labels = [...Array(60).fill(0), ...Array(30).fill(1), ...Array(10).fill(2)];
		const { train, validation } = holdOut(rows(labels, 3), 0.2, createRandom(1));
		expect([count(validation!, 0), count(validation!, 1), count(validation!, 2)]).toEqual([12, 6, 2]);
		expect(train.n).toBe(80);
		const seen = [...train.x, ...validation!.x].sort((a, b) => a - b);
		expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i));
		// Each row keeps its own one-hot target and label.
		for (let i = 0; i < validation!.n; i++) {
			expect(validation!.labels![i]).toBe(labels[validation!.x[i]!]);
			expect(validation!.y[i * 3 + validation!.labels![i]!]).toBe(1);
		}
	});

	it('never takes a class’s last training row, and is the same for the same seed', () => {
		const data = rows([0, 1, 1, 1, 1], 2);
		const { train, validation } = holdOut(data, 0.5, createRandom(7));
		expect(count(train, 0)).toBe(1);
		expect(count(validation!, 1)).toBe(2);
		const again = holdOut(data, 0.5, createRandom(7));
		expect(Array.from(again.validation!.x)).toEqual(Array.from(validation!.x));
	});

	it('holds back nothing for a zero share or a share that rounds to no rows', () => {
		const data = rows([0, 1, 0, 1], 2);
		expect(holdOut(data, 0, createRandom(1))).toEqual({ train: data });
		expect(holdOut(data, 0.1, createRandom(1))).toEqual({ train: data });
	});

	it('shuffles regression rows as one group', () => {
		const data: TrainingArrays = {
			x: Float32Array.from({ length: 20 }, (_, i) => i),
			y: Float32Array.from({ length: 20 }, (_, i) => i * 10),
			n: 20,
			featureCount: 1,
			outputSize: 1,
			classes: []
		};
		const { train, validation } = holdOut(data, 0.25, createRandom(3));
		expect(validation!.n).toBe(5);
		expect(train.n).toBe(15);
		expect(Array.from(validation!.y)).toEqual(Array.from(validation!.x, (v) => v * 10));
		expect(validation!.labels).toBeUndefined();
	});
});

describe('takeArrayRows', () => {
	it('copies whole rows of several features and outputs in the order asked', () => {
		const data: TrainingArrays = {
			x: Float32Array.from([1, 2, 3, 4, 5, 6]),
			y: Float32Array.from([10, 20, 30, 40, 50, 60]),
			n: 3,
			featureCount: 2,
			outputSize: 2,
			classes: []
		};
		const taken = takeArrayRows(data, [2, 0]);
		expect(Array.from(taken.x)).toEqual([5, 6, 1, 2]);
		expect(Array.from(taken.y)).toEqual([50, 60, 10, 20]);
		expect(taken.n).toBe(2);
	});
});
