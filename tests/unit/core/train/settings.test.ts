import { describe, expect, it } from 'vitest';
import { BenchtopError } from '../../../../src/lib/core/errors.ts';
import {
	checkBeforeTraining,
	DEFAULT_LEARNING_RATES,
	DEFAULT_TRAIN_SETTINGS,
	findTrainingProblems,
	describeSettingRange,
	lossTaskProblem,
	NUMBER_SETTINGS,
	parseTrainSettings
} from '../../../../src/lib/core/train/settings.ts';

function message(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(BenchtopError);
		expect((error as BenchtopError).code).toBe('bad-input');
		return (error as BenchtopError).message;
	}
	throw new Error('expected a BenchtopError');
}

describe('parseTrainSettings', () => {
	it('fills every default', () => {
		expect(parseTrainSettings({})).toEqual({
			epochs: 100,
			batchSize: 32,
			optimizer: 'adam',
			learningRate: 0.01,
			momentum: 0.9,
			validationFraction: 0.1,
			classWeights: 'none',
			earlyStopping: { enabled: true, monitor: 'val_loss', patience: 10, restoreBest: true },
			seed: 42
		});
		expect(parseTrainSettings(undefined)).toEqual(DEFAULT_TRAIN_SETTINGS);
	});

	it('takes the learning rate from the optimizer unless one is given', () => {
		expect(parseTrainSettings({ optimizer: 'sgd' }).learningRate).toBe(DEFAULT_LEARNING_RATES.sgd);
		expect(parseTrainSettings({ optimizer: 'rmsprop' }).learningRate).toBe(DEFAULT_LEARNING_RATES.rmsprop);
		expect(parseTrainSettings({ optimizer: 'sgd', learningRate: 0.2 }).learningRate).toBe(0.2);
	});

	it('fills the early stopping defaults around the parts given', () => {
		expect(parseTrainSettings({ earlyStopping: { patience: 3 } }).earlyStopping).toEqual({
			enabled: true,
			monitor: 'val_loss',
			patience: 3,
			restoreBest: true
		});
	});

	it('says what is wrong', () => {
		expect(message(() => parseTrainSettings({ epochs: 0 }))).toBe('Epochs must be at least 1 (got 0).');
		expect(message(() => parseTrainSettings({ epochs: 2.5 }))).toBe(
			'Epochs must be a whole number (got 2.5).'
		);
		expect(message(() => parseTrainSettings({ batchSize: 0 }))).toBe(
			'Batch size must be at least 1 (got 0).'
		);
		expect(message(() => parseTrainSettings({ learningRate: 0 }))).toBe(
			'The learning rate must be above 0 (got 0).'
		);
		expect(message(() => parseTrainSettings({ learningRate: Infinity }))).toBe(
			'The learning rate must be a finite number (got Infinity).'
		);
		expect(message(() => parseTrainSettings({ learningRate: '0.1' }))).toBe(
			'The learning rate must be a number.'
		);
		expect(message(() => parseTrainSettings({ optimizer: 'adagrad' }))).toBe(
			'The optimizer must be one of adam, adamw, sgd, rmsprop (got adagrad).'
		);
		expect(message(() => parseTrainSettings({ momentum: 1 }))).toBe(
			'Momentum must be from 0 to below 1 (got 1).'
		);
		expect(message(() => parseTrainSettings({ validationFraction: 0.9 }))).toBe(
			'The validation fraction must be from 0 to 0.5 (got 0.9).'
		);
		expect(message(() => parseTrainSettings({ classWeights: 'auto' }))).toBe(
			'Class weights must be “none” or “balanced” (got auto).'
		);
		expect(message(() => parseTrainSettings({ seed: 1.5 }))).toBe(
			'The seed must be a whole number (got 1.5).'
		);
		expect(message(() => parseTrainSettings({ epoch: 5 }))).toBe(
			'Training settings have no setting “epoch”.'
		);
		expect(message(() => parseTrainSettings(7))).toBe('Training settings must be an object (got 7).');
		expect(message(() => parseTrainSettings({ earlyStopping: { monitor: 'accuracy' } }))).toBe(
			'Early stopping can watch loss, val_loss, val_accuracy, val_r2 (got accuracy).'
		);
		expect(message(() => parseTrainSettings({ earlyStopping: { patience: 0 } }))).toBe(
			'Early stopping patience must be at least 1 (got 0).'
		);
		expect(message(() => parseTrainSettings({ earlyStopping: { wait: 3 } }))).toBe(
			'Early stopping has no setting “wait”.'
		);
	});
});

describe('checkBeforeTraining', () => {
	const settings = DEFAULT_TRAIN_SETTINGS;

	it('lets a sound setup through, a batch larger than the rows included', () => {
		expect(
			findTrainingProblems({ settings, rows: 150, task: 'classification', classes: ['a', 'b', 'c'] })
		).toEqual([]);
		expect(() =>
			checkBeforeTraining({ settings: { ...settings, batchSize: 1000 }, rows: 10, task: 'regression' })
		).not.toThrow();
	});

	it('refuses a single class, naming the target', () => {
		expect(
			message(() =>
				checkBeforeTraining({
					settings,
					rows: 50,
					task: 'classification',
					target: 'Species',
					classes: ['Adelie']
				})
			)
		).toBe('Species has only one class in the training rows: there is nothing to tell apart.');
		expect(message(() => checkBeforeTraining({ settings, rows: 50, task: 'classification', k: 0 }))).toBe(
			'The target has no classes in the training rows: every target value is missing.'
		);
	});

	it('refuses too few rows, no epochs, a zero batch and a bad learning rate', () => {
		expect(message(() => checkBeforeTraining({ settings, rows: 1, task: 'regression' }))).toBe(
			'Training needs at least 2 rows, and the training split has 1: give the train split a larger share.'
		);
		expect(
			message(() =>
				checkBeforeTraining({ settings: { ...settings, epochs: 0 }, rows: 9, task: 'regression' })
			)
		).toBe('Epochs must be at least 1 (got 0).');
		expect(
			message(() =>
				checkBeforeTraining({ settings: { ...settings, batchSize: 0 }, rows: 9, task: 'regression' })
			)
		).toBe('Batch size must be at least 1 (got 0).');
		const rates: [number, string][] = [
			[0, 'The learning rate must be above 0 (got 0).'],
			[-0.1, 'The learning rate must be above 0 (got -0.1).'],
			[NaN, 'The learning rate must be a number.'],
			[Infinity, 'The learning rate must be a finite number (got Infinity).']
		];
		for (const [learningRate, expected] of rates) {
			expect(
				message(() =>
					checkBeforeTraining({ settings: { ...settings, learningRate }, rows: 9, task: 'regression' })
				)
			).toBe(expected);
		}
	});

	it('refuses a monitor that does not fit the task', () => {
		const watching = (monitor: 'val_accuracy' | 'val_r2') => ({
			...settings,
			earlyStopping: { ...settings.earlyStopping, monitor }
		});
		expect(
			message(() => checkBeforeTraining({ settings: watching('val_accuracy'), rows: 9, task: 'regression' }))
		).toBe('Early stopping can watch the validation accuracy only when classifying: watch val_r2.');
		expect(
			message(() =>
				checkBeforeTraining({ settings: watching('val_r2'), rows: 9, task: 'classification', k: 2 })
			)
		).toBe('Early stopping can watch R² only for regression: watch val_accuracy.');
	});

	it('lists every problem at once for a form to show', () => {
		expect(
			findTrainingProblems({
				settings: { ...settings, epochs: 0, batchSize: 0 },
				rows: 1,
				task: 'regression'
			})
		).toHaveLength(3);
	});
});

describe('NUMBER_SETTINGS, the one description of each numeric setting', () => {
	it('says ranges in words', () => {
		expect(describeSettingRange(NUMBER_SETTINGS.validationFraction)).toBe('from 0 to 0.5');
		expect(describeSettingRange(NUMBER_SETTINGS.momentum)).toBe('from 0 to below 1');
		expect(describeSettingRange(NUMBER_SETTINGS.learningRate)).toBe('above 0');
	});

	it('is what the schema checks: each default passes, each bound is enforced', () => {
		for (const [key, field] of Object.entries(NUMBER_SETTINGS)) {
			const at = (value: number) =>
				key === 'patience' ? { earlyStopping: { patience: value } } : { [key]: value };
			expect(() => parseTrainSettings(at(field.default)), key).not.toThrow();
			const below = field.integer ? field.min - 1 : field.min - 0.01;
			if (Number.isSafeInteger(below) || !field.integer) {
				expect(() => parseTrainSettings(at(below)), key).toThrow(field.name);
			}
			if ('minExclusive' in field) expect(() => parseTrainSettings(at(field.min)), key).toThrow(field.name);
			if ('maxExclusive' in field) expect(() => parseTrainSettings(at(field.max)), key).toThrow(field.name);
			if (field.integer)
				expect(() => parseTrainSettings(at(field.default + 0.5)), key).toThrow('whole number');
		}
	});
});

describe('losses and AdamW in the settings', () => {
	it('takes AdamW with its weight decay, Huber with its delta, and leaves both out when not set', () => {
		const parsed = parseTrainSettings({
			optimizer: 'adamw',
			weightDecay: 0.05,
			loss: 'huber',
			huberDelta: 0.5
		});
		expect(parsed).toMatchObject({
			optimizer: 'adamw',
			learningRate: 0.01,
			weightDecay: 0.05,
			loss: 'huber'
		});
		expect(parsed.huberDelta).toBe(0.5);
		const plain = parseTrainSettings({});
		expect('weightDecay' in plain || 'loss' in plain || 'huberDelta' in plain).toBe(false);
		expect(NUMBER_SETTINGS.weightDecay.default).toBe(0.01);
		expect(NUMBER_SETTINGS.huberDelta.default).toBe(1);
	});

	it('refuses a negative decay, a delta of 0 and an unknown loss, in words', () => {
		expect(message(() => parseTrainSettings({ weightDecay: -0.1 }))).toBe(
			'Weight decay must be from 0 to 1 (got -0.1).'
		);
		expect(message(() => parseTrainSettings({ huberDelta: 0 }))).toBe(
			'The Huber delta must be above 0 (got 0).'
		);
		expect(message(() => parseTrainSettings({ loss: 'hinge' }))).toBe(
			'The loss must be one of cross-entropy, binary-cross-entropy, mse, huber (got hinge).'
		);
	});

	it('refuses a loss that does not suit the task', () => {
		expect(lossTaskProblem('huber', 'classification')).toMatch(/Huber loss is for numeric targets/);
		expect(lossTaskProblem('cross-entropy', 'regression')).toMatch(/Cross-entropy is for classes/);
		expect(lossTaskProblem('huber', 'multi-output')).toBeUndefined();
		expect(lossTaskProblem('cross-entropy', 'classification')).toBeUndefined();
		const settings = parseTrainSettings({ loss: 'mse' });
		expect(findTrainingProblems({ settings, rows: 100, task: 'classification', k: 3 })).toEqual([
			'The mean squared error loss is for numeric targets: a classifier trains on cross-entropy.'
		]);
	});
});
