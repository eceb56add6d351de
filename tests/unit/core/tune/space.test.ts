// Search spaces: JSON checked field by field, with the field and the fix in the message.
import { describe, expect, it } from 'vitest';
import { defaultSearchSpace } from '../../../../src/lib/core/tune/default-space.ts';
import { parseSearchSpace, spaceFields } from '../../../../src/lib/core/tune/space.ts';
import {
	hiddenLayers,
	relevantParams,
	scoreText,
	trialValuesText,
	trialRecipe,
	trialRequest
} from '../../../../src/lib/core/tune/trial-request.ts';

describe('parseSearchSpace', () => {
	it('fills in log and steps, and keeps the fields in one fixed order', () => {
		const space = parseSearchSpace({
			params: {
				scaler: { type: 'choice', options: ['standard', 'robust'] },
				learningRate: { type: 'real', low: 0.001, high: 0.1, log: true }
			}
		});
		expect(space.params.learningRate).toEqual({ type: 'real', low: 0.001, high: 0.1, log: true, steps: 3 });
		expect(spaceFields(space)).toEqual(['learningRate', 'scaler']);
	});

	it('says which field is wrong and how', () => {
		const bad = (params: unknown) => () => parseSearchSpace({ params });
		expect(bad({ lr: { type: 'real', low: 0, high: 1 } })).toThrow(/no field “lr”/);
		expect(bad({ units: { type: 'real', low: 1, high: 8 } })).toThrow(/units takes whole numbers/);
		expect(bad({ learningRate: { type: 'real', low: 0, high: 1, log: true } })).toThrow(
			/must stay from 0.000001 to 10|log range needs low above 0/
		);
		expect(bad({ l2: { type: 'real', low: 0, high: 0.1, log: true } })).toThrow(
			/a log range needs low above 0/
		);
		expect(bad({ dropout: { type: 'real', low: 0.5, high: 0.1 } })).toThrow(/low \(0.5\) is above high/);
		expect(bad({ activation: { type: 'choice', options: ['relu', 'swish'] } })).toThrow(
			/activation cannot be “swish”/
		);
		expect(bad({ family: { type: 'int', low: 1, high: 2 } })).toThrow(/family is a choice/);
		expect(bad({ targetScaling: { type: 'choice', options: ['standard', 'raw'] } })).toThrow(
			/targetScaling cannot be “raw”/
		);
		expect(bad({})).toThrow(/at least one field/);
		expect(() => parseSearchSpace([])).toThrow(/must be an object/);
	});

	it('accepts every default space', () => {
		for (const task of ['classification', 'regression'] as const)
			expect(parseSearchSpace(defaultSearchSpace(task))).toEqual(defaultSearchSpace(task));
		expect(spaceFields(defaultSearchSpace('classification', true))).toEqual(['learningRate', 'batchSize']);
	});
});

describe('trialRequest', () => {
	const recipe = {
		version: 1 as const,
		steps: [
			{ op: 'impute', params: { columns: ['a'], strategy: 'median' }, enabled: true },
			{ op: 'impute', params: { columns: ['c'], strategy: 'most-frequent' }, enabled: true },
			{ op: 'scale', params: { columns: ['a'], method: 'standard' }, enabled: true },
			{ op: 'encode', params: { columns: ['c'], method: 'one-hot' }, enabled: true }
		]
	};

	it('builds the layers, settings and recipe of a trial', () => {
		expect(hiddenLayers({ layers: 2, units: 16, activation: 'tanh', dropout: 0.2, l2: 0.001 })).toEqual([
			{ type: 'dense', units: 16, activation: 'tanh', l2: 0.001 },
			{ type: 'dropout', rate: 0.2 },
			{ type: 'dense', units: 16, activation: 'tanh', l2: 0.001 },
			{ type: 'dropout', rate: 0.2 }
		]);
		const changed = trialRecipe(recipe, { scaler: 'robust', encoder: 'ordinal', impute: 'mean' });
		expect(changed.steps.map((s) => s.params.method ?? s.params.strategy)).toEqual([
			'mean',
			'most-frequent',
			'robust',
			'ordinal'
		]);
		const request = trialRequest({ targets: ['y'], settings: { seed: 3 } }, recipe, 'regression', {
			family: 'mlp',
			units: 8,
			learningRate: 0.003,
			batchSize: 64,
			patience: 7,
			targetScaling: 'none'
		});
		expect(request.spec).toEqual({
			family: 'mlp',
			task: 'regression',
			layers: [
				{ type: 'dense', units: 8, activation: 'relu' },
				{ type: 'dense', units: 8, activation: 'relu' }
			]
		});
		expect(request.settings).toEqual({
			seed: 3,
			learningRate: 0.003,
			batchSize: 64,
			targetScaling: 'none',
			earlyStopping: { patience: 7 }
		});
		const linear = trialRequest({ targets: ['y'] }, recipe, 'classification', { family: 'linear', units: 8 });
		expect(linear.spec).toEqual({ family: 'linear', task: 'classification', layers: [] });
		// The trial's L2 is the linear model's penalty (logistic regression's, or ridge's α when solved exactly).
		const penalised = trialRequest({ targets: ['y'] }, recipe, 'regression', { family: 'linear', l2: 0.003 });
		expect(penalised.spec).toEqual({ family: 'linear', task: 'regression', layers: [], l2: 0.003 });
	});
});

describe('FIELD_DEFAULTS', () => {
	it('offers a valid starting domain for every field', async () => {
		const { FIELD_DEFAULTS } = await import('../../../../src/lib/core/tune/default-space.ts');
		const { SEARCH_FIELD_NAMES } = await import('../../../../src/lib/core/tune/space.ts');
		expect(Object.keys(FIELD_DEFAULTS).sort()).toEqual([...SEARCH_FIELD_NAMES].sort());
		expect(parseSearchSpace({ params: FIELD_DEFAULTS }).params).toEqual(FIELD_DEFAULTS);
	});
});

describe('searchMaxEpochs', () => {
	it("takes the space's largest epochs, else the settings', else the search's cap (500)", async () => {
		const { searchMaxEpochs } = await import('../../../../src/lib/core/tune/max-epochs.ts');
		const space = (epochs: unknown) => parseSearchSpace({ params: { epochs } });
		expect(searchMaxEpochs(space({ type: 'int', low: 10, high: 60 }))).toBe(60);
		expect(searchMaxEpochs(space({ type: 'choice', options: [30, 90] }))).toBe(90);
		expect(searchMaxEpochs(defaultSearchSpace('regression'), { epochs: 40 })).toBe(40);
		expect(searchMaxEpochs(defaultSearchSpace('regression'))).toBe(500);
	});
});

describe('trialValuesText', () => {
	it('shows a failed trial’s reason, a trial’s values, and why a pruned one was stopped', () => {
		expect(trialValuesText({ status: 'failed', message: 'diverged' }, 'units=8')).toBe('diverged');
		expect(trialValuesText({ status: 'failed' }, 'units=8')).toBe('');
		expect(trialValuesText({ status: 'completed' }, 'units=8')).toBe('units=8');
		expect(
			trialValuesText({ status: 'pruned', message: 'stopped at the time budget after 3 epochs' }, 'units=8')
		).toBe('units=8 (stopped at the time budget after 3 epochs)');
	});
});

describe('scoreText', () => {
	it('writes four decimals, and a diverged network’s score short enough for the table', () => {
		expect(scoreText(0.57991)).toBe('0.5799');
		expect(scoreText(-12.5)).toBe('-12.5000');
		expect(scoreText(-2532044.5277)).toBe('-2.53e+6');
	});
});

describe('relevantParams', () => {
	it('leaves the layer fields out for a linear model, and keeps them for an MLP', () => {
		const params = { family: 'linear', units: 8, dropout: 0.1, learningRate: 0.01, l2: 1e-4 };
		expect(relevantParams(params)).toEqual({ family: 'linear', learningRate: 0.01, l2: 1e-4 });
		expect(relevantParams({ ...params, family: 'cnn' })).toEqual({ family: 'cnn', learningRate: 0.01 });
		expect(relevantParams({ ...params, family: 'mlp' })).toEqual({ ...params, family: 'mlp' });
		// Solved in closed form: the gradient settings played no part (an MLP is never solved so).
		expect(relevantParams({ ...params, batchSize: 32 }, true)).toEqual({ family: 'linear', l2: 1e-4 });
	});
});
