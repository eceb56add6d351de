import { describe, expect, it } from 'vitest';
import {
	headlineMetrics,
	modelLines,
	PRESENT_STEPS,
	recipeLines,
	stepAfter,
	stepFromParam,
	wantsPresentation
} from '../../../../src/lib/core/report/presentation.ts';
import { defaultRecipe } from '../../../../src/lib/core/prep/default-recipe.ts';
import { phraseText } from '../../../../src/lib/core/phrase.ts';
import { loadSample } from '../data/profile/load-sample.ts';

describe('the presentation steps', () => {
	it('go data → recipe → model → training → evaluation, and stop at both ends', () => {
		expect(PRESENT_STEPS.map((s) => s.id)).toEqual(['data', 'recipe', 'model', 'training', 'evaluation']);
		expect(stepAfter(0, -1)).toBe(0);
		expect(stepAfter(0, 1)).toBe(1);
		expect(stepAfter(4, 1)).toBe(4);
	});
	it('read a step from the URL by name or number, else start at the data', () => {
		expect(stepFromParam('model')).toBe(2);
		expect(stepFromParam('5')).toBe(4);
		expect(stepFromParam('6')).toBe(0);
		expect(stepFromParam('<script>')).toBe(0);
		expect(stepFromParam(null)).toBe(0);
	});
});

describe('recipeLines', () => {
	it('says each enabled step of the penguins default recipe with its columns', () => {
		const penguins = loadSample('penguins.csv');
		const { recipe } = defaultRecipe(penguins, ['Species']);
		recipe.steps.push({ op: 'drop', params: { columns: ['Island'] }, enabled: false });
		const lines = recipeLines(recipe);
		expect(lines).toHaveLength(recipe.steps.length - 1);
		expect(lines.map((l) => l.step.toLowerCase()).join(' ')).toMatch(/fill missing values.*scale numbers/);
		const impute = lines.find((l) => /fill missing/i.test(l.step))!;
		expect(phraseText(impute.detail)).toMatch(/^Beak Length \(mm\), Beak Depth \(mm\)/);
		// Each column is a name of its own, for the page to isolate.
		expect(impute.detail.slice(0, 3)).toEqual([
			{ name: 'Beak Length (mm)' },
			', ',
			{ name: 'Beak Depth (mm)' }
		]);
	});
});

describe('modelLines', () => {
	it('reads a network from input to softmax', () => {
		expect(
			modelLines(
				{
					family: 'mlp',
					task: 'classification',
					layers: [
						{ type: 'dense', units: 16, activation: 'relu' },
						{ type: 'dropout', rate: 0.1 }
					]
				},
				{ features: 2, classes: ['a', 'b'], targets: ['c'] }
			)
		).toEqual([
			['2 features in'],
			['dense layer of 16 units, relu'],
			['dropout, 10% of units off while training'],
			['softmax: a probability for each of 2 classes (', { name: 'a' }, ', ', { name: 'b' }, ')']
		]);
	});
	it('reads regression and k-means', () => {
		expect(
			modelLines(
				{ family: 'linear', task: 'regression', layers: [] },
				{ features: 3, classes: [], targets: ['y'] }
			)
		).toEqual([['3 features in'], ['one number out: ', { name: 'y' }]]);
		expect(
			modelLines(
				{ family: 'kmeans', task: 'clustering', k: 3, restarts: 1, maxIterations: 10 },
				{ features: 4, classes: [], targets: [] }
			)
		).toEqual([['4 features in'], ['3 clusters: each row goes to its nearest centre']]);
	});
});

describe('headlineMetrics', () => {
	it('picks the figures the run has, in order', () => {
		expect(headlineMetrics('classification', { f1_macro: 0.9, accuracy: 0.95, log_loss: 0.1 })).toEqual([
			{ key: 'accuracy', label: 'Accuracy', value: 0.95 },
			{ key: 'f1_macro', label: 'F1 (macro)', value: 0.9 }
		]);
		expect(headlineMetrics('regression', { r2: null, mae: 2 })).toEqual([
			{ key: 'mae', label: 'Mean absolute error', value: 2 }
		]);
		expect(headlineMetrics('clustering', undefined)).toEqual([]);
	});
});

describe('wantsPresentation', () => {
	it('reads view=present among the fragment parameters only', () => {
		expect(wantsPresentation('https://x.test/share#share=bt1.abc&view=present')).toBe(true);
		expect(wantsPresentation('#view=present&share=bt1.abc')).toBe(true);
		expect(wantsPresentation('#share=bt1.abc')).toBe(false);
		expect(wantsPresentation('#share=bt1.abc&view=presentation')).toBe(false);
		expect(wantsPresentation('https://x.test/share?view=present#share=bt1.abc')).toBe(false);
	});
});
