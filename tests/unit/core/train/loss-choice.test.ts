import { describe, expect, it } from 'vitest';
import { defaultLoss, optimizerAndLoss, trainLossFor } from '../../../../src/lib/core/train/loss-choice.ts';

describe('trainLossFor', () => {
	it('is the task’s own loss unless the settings name one, with Huber’s delta', () => {
		expect(defaultLoss('classification')).toBe('cross-entropy');
		expect(defaultLoss('multi-output')).toBe('mse');
		expect(trainLossFor('regression', {})).toEqual({ name: 'mse', delta: 1 });
		expect(trainLossFor('regression', { loss: 'huber', huberDelta: 0.25 })).toEqual({
			name: 'huber',
			delta: 0.25
		});
	});
});

describe('optimizerAndLoss', () => {
	it('names AdamW’s decay and a chosen loss, and nothing more for the defaults', () => {
		expect(optimizerAndLoss({ optimizer: 'adam' })).toBe('adam');
		expect(optimizerAndLoss({ optimizer: 'adamw' })).toBe('adamw (weight decay 0.01)');
		expect(optimizerAndLoss({ optimizer: 'adamw', weightDecay: 0.02, loss: 'huber', huberDelta: 0.5 })).toBe(
			'adamw (weight decay 0.02), huber loss (delta 0.5)'
		);
		expect(optimizerAndLoss({ optimizer: 'sgd', loss: 'mse' })).toBe('sgd, mse loss');
	});
});
