// The winner's refit: every search row, the epochs its trial kept, nothing held back, no early stopping.
import { describe, expect, it } from 'vitest';
import { refitEpochs, refitRequest } from '../../../../src/lib/core/tune/refit.ts';
import type { TrainingRequest } from '../../../../src/lib/core/train/training-request.ts';

describe('refitEpochs', () => {
	it('is the mean of the runs’ kept epochs, rounded, at least 1', () => {
		expect(refitEpochs([42])).toBe(42);
		expect(refitEpochs([426, 499, 500, 162, 228])).toBe(363);
		expect(refitEpochs([1, 2])).toBe(2);
		// An epoch 0 (the weights the run started from: no epoch kept) does not count.
		expect(refitEpochs([0, 10])).toBe(10);
		expect(refitEpochs([])).toBeUndefined();
		expect(refitEpochs([0, Number.NaN])).toBeUndefined();
	});
});

describe('refitRequest', () => {
	const request: TrainingRequest = {
		targets: ['y'],
		task: 'regression',
		split: { method: 'random', train: 0.8, validation: 0, test: 0.2, seed: 3 },
		settings: { epochs: 500, learningRate: 0.01, earlyStopping: { patience: 20 } }
	};

	it('trains the given epochs on every row: no validation share, early stopping off, the rest kept', () => {
		const refit = refitRequest(request, 37);
		expect(refit.settings).toEqual({
			epochs: 37,
			learningRate: 0.01,
			validationFraction: 0,
			earlyStopping: { patience: 20, enabled: false }
		});
		expect(refit.split).toEqual(request.split);
		expect(refit.targets).toEqual(['y']);
		// The request it came from is left as it was.
		expect((request.settings as { epochs: number }).epochs).toBe(500);
	});

	it('leaves the request alone without a usable epoch count', () => {
		expect(refitRequest(request, undefined)).toBe(request);
		expect(refitRequest(request, 0)).toBe(request);
		expect(refitRequest(request, 2.5)).toBe(request);
	});
});
