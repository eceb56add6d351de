// Task inference from targets, with reasons, and the pixel-column naming rule for images.
import { describe, expect, it } from 'vitest';
import { imageShapeOf, inferTask, taskChoice } from '../../../../src/lib/core/models/infer-task.ts';

describe('integer targets, as scikit-learn type_of_target reads them', () => {
	it('reads two values, or a few whole-number codes, as classes; many values or few rows per value as a measurement', () => {
		expect(inferTask([{ name: 'y', type: 'number', distinct: 2 }]).task).toBe('classification');
		expect(
			inferTask([{ name: 'y', type: 'integer', distinct: 2, integral: true, present: 4 }]).reason
		).toMatch(/only 2 values: classification with 2 classes/);
		expect(inferTask([{ name: 'y', type: 'number', distinct: 5, integral: true, present: 500 }]).task).toBe(
			'classification'
		);
		expect(inferTask([{ name: 'y', type: 'number', distinct: 5, integral: false, present: 500 }]).task).toBe(
			'regression'
		);
		expect(inferTask([{ name: 'y', type: 'integer', distinct: 15, integral: true, present: 30 }])).toEqual({
			task: 'regression',
			reason:
				'y is a whole number with 15 values among 30 rows, too few rows per value to be classes: regression.'
		});
	});

	it('offers the other reading of a numeric target, and none for a category', () => {
		const codes = taskChoice([{ name: 'grade', type: 'integer', distinct: 4, integral: true, present: 400 }]);
		expect(codes.task).toBe('classification');
		expect(codes.alternatives.map((a) => a.task)).toEqual(['regression']);
		const amounts = taskChoice([
			{ name: 'price', type: 'integer', distinct: 60, integral: true, present: 400 }
		]);
		expect(amounts.task).toBe('regression');
		expect(amounts.alternatives.map((a) => a.task)).toEqual(['classification']);
		expect(
			taskChoice([{ name: 'mpg', type: 'number', distinct: 120, integral: false }]).alternatives
		).toEqual([]);
		expect(taskChoice([{ name: 'Species', type: 'category', distinct: 3 }]).alternatives).toEqual([]);
	});
});

describe('inferTask', () => {
	it('reads the task off the targets, saying why', () => {
		expect(inferTask([])).toEqual({
			task: 'clustering',
			reason: 'No target column: clustering groups similar rows.'
		});
		expect(inferTask([{ name: 'Species', type: 'category', distinct: 3 }])).toEqual({
			task: 'classification',
			reason: 'Species is a category with 3 classes: classification.'
		});
		expect(inferTask([{ name: 'spam', type: 'boolean', distinct: 2 }]).task).toBe('classification');
		expect(inferTask([{ name: 'label', type: 'text', distinct: 40 }]).task).toBe('classification');
		expect(inferTask([{ name: 'digit', type: 'integer', distinct: 10 }])).toEqual({
			task: 'classification',
			reason:
				'digit is a whole number with only 10 values: classification (at most 20 values are read as classes).'
		});
		expect(inferTask([{ name: 'n', type: 'integer', distinct: 20 }]).task).toBe('classification');
		expect(inferTask([{ name: 'n', type: 'integer', distinct: 21 }])).toEqual({
			task: 'regression',
			reason: 'n is a whole number with 21 values: regression.'
		});
		expect(inferTask([{ name: 'progression', type: 'number', distinct: 214 }]).task).toBe('regression');
		// A number with few values is still a measurement.
		expect(inferTask([{ name: 'x', type: 'number', distinct: 3 }]).task).toBe('regression');
	});

	it('several numeric targets are multi-output; anything else is refused with what to do', () => {
		const targets = [
			{ name: 'Weight', type: 'integer', distinct: 15 },
			{ name: 'Waist', type: 'number', distinct: 16 }
		] as const;
		expect(inferTask(targets)).toEqual({
			task: 'multi-output',
			reason: '2 numeric targets (Weight, Waist): multi-output regression predicts them together.'
		});
		const mixed = inferTask([targets[0], { name: 'Species', type: 'category', distinct: 3 }]);
		expect(mixed.task).toBeNull();
		expect(mixed.reason).toMatch(/Species is a category: several targets .* all are numbers/);
		expect(inferTask([{ name: 'when', type: 'date', distinct: 100 }])).toMatchObject({
			task: null,
			reason: expect.stringMatching(/derive a number/)
		});
		expect(inferTask([{ name: 'k', type: 'category', distinct: 1 }])).toMatchObject({
			task: null,
			reason: expect.stringMatching(/only one value/)
		});
	});
});

describe('imageShapeOf', () => {
	const grid = (h: number, w: number, prefix = 'px') =>
		Array.from({ length: h * w }, (_, i) => `${prefix}_${Math.floor(i / w)}_${i % w}`);

	it("finds digits' 8 × 8 grid and other grids in row-major order", () => {
		expect(imageShapeOf(grid(8, 8))).toEqual([8, 8, 1]);
		expect(imageShapeOf(grid(28, 28, 'pixel'))).toEqual([28, 28, 1]);
		expect(imageShapeOf(grid(3, 5))).toEqual([3, 5, 1]);
		const rgb = Array.from(
			{ length: 2 * 3 * 3 },
			(_, i) => `img_${Math.floor(i / 9)}_${Math.floor(i / 3) % 3}_${i % 3}`
		);
		expect(imageShapeOf(rgb)).toEqual([2, 3, 3]);
	});

	it('is null for ordinary columns, holes, other orders, mixed prefixes and a single row', () => {
		expect(imageShapeOf(['sepal_length', 'sepal_width', 'petal_length', 'petal_width'])).toBeNull();
		expect(imageShapeOf(grid(8, 8).slice(0, 63))).toBeNull();
		expect(imageShapeOf([...grid(8, 8).slice(1), 'px_0_0'])).toBeNull();
		expect(imageShapeOf([...grid(2, 2), 'extra'])).toBeNull();
		expect(imageShapeOf(['a_0_0', 'a_0_1', 'b_1_0', 'b_1_1'])).toBeNull();
		expect(imageShapeOf(grid(1, 8))).toBeNull();
		expect(imageShapeOf([])).toBeNull();
	});
});
