// `--model auto`'s small search on the CPU engine: the network candidate is the best of AUTO_NETWORKS seeded
// MLPs (the default first), successive halving stops variants behind the leader, the linear-vs-network rule
// decides as before, and the same seed gives the same candidates, prunings, winner and test figures.
import { describe, expect, it } from 'vitest';
import { pickModel, validationFigure } from '../../../../src/lib/core/train/choose-model.ts';
import { defaultSplit } from '../../../../src/lib/core/train/training-request.ts';
import {
	AUTO_NETWORKS,
	autoNetworkParams,
	trainAutoModel
} from '../../../../src/lib/core/tune/auto-model.ts';
import { loadSample } from '../data/profile/load-sample.ts';
import { useCpuBackend } from './cpu-context.ts';

const CONTEXT = useCpuBackend('t');

async function auto(file: string, target: string, task: 'classification' | 'regression', seed: number) {
	const said: string[] = [];
	const outcome = await trainAutoModel(
		loadSample(file),
		{
			targets: [target],
			task,
			split: defaultSplit(task, target, 0.2, seed),
			settings: { seed, epochs: 40 }
		},
		{ ...CONTEXT, onCandidate: (family, detail) => said.push(detail ? `${family}: ${detail}` : family) }
	);
	outcome.model?.dispose();
	return { outcome, said };
}

describe('autoNetworkParams', () => {
	it('is the default MLP first, then seeded variants that repeat with the seed and differ across seeds', () => {
		expect(autoNetworkParams(3, 0)).toBeNull();
		const variants = (seed: number) =>
			Array.from({ length: AUTO_NETWORKS - 1 }, (_, i) => autoNetworkParams(seed, i + 1));
		expect(variants(3)).toEqual(variants(3));
		expect(variants(3)).not.toEqual(variants(4));
		for (const params of variants(3)) {
			expect([16, 32, 64, 128]).toContain(params!.units);
			expect(params!.layers).toBeGreaterThanOrEqual(1);
			expect(params!.learningRate).toBeGreaterThanOrEqual(3e-3);
		}
	});
});

describe('trainAutoModel', () => {
	it('diabetes: four networks, said as they start, variants behind the leader stopped; the same seed, the same everything', async () => {
		const first = await auto('diabetes.csv', 'progression', 'regression', 42);
		const second = await auto('diabetes.csv', 'progression', 'regression', 42);
		const choice = first.outcome.run.modelChoice!;
		expect(choice.metric).toBe('r2');
		expect(choice.networks).toHaveLength(AUTO_NETWORKS);
		expect(choice.networks![0]).toMatchObject({ network: 1, detail: 'the default MLP', pruned: false });
		expect(first.said).toHaveLength(AUTO_NETWORKS + 1);
		expect(first.said[0]).toBe(`mlp: network 1 of ${AUTO_NETWORKS}: the default MLP`);
		expect(first.said.at(-1)).toBe('linear');
		expect(choice.reason).toMatch(new RegExp(`best of ${AUTO_NETWORKS} MLPs \\(seed 42\\): network \\d`));
		// The rule is choose-model's: the recorded candidates give the same decision again.
		expect(pickModel(choice.candidates[0]!, choice.candidates[1]!, 'r2').kept).toBe(choice.kept);
		// The network candidate is the best network that was not pruned; a pruned one never is.
		const unpruned = choice.networks!.filter((n) => !n.pruned).map((n) => n.validation!);
		expect(choice.candidates[1]!.validation).toBe(Math.max(...unpruned));
		expect(first.outcome.run.spec.family).toBe(choice.kept);
		expect(validationFigure(first.outcome).validation).toBe(
			choice.candidates.find((c) => c.family === choice.kept)!.validation
		);
		expect(second.outcome.run.modelChoice).toEqual(choice);
		expect(second.outcome.run.metrics.test).toEqual(first.outcome.run.metrics.test);
		expect(first.outcome.run.metrics.test?.r2).toBeGreaterThan(0.3);
	}, 240_000);

	it('iris: a default MLP at validation accuracy 1 cannot be beaten, so no variant trains', async () => {
		const { outcome, said } = await auto('iris.csv', 'species', 'classification', 42);
		const choice = outcome.run.modelChoice!;
		expect(choice.networks).toEqual([
			{ network: 1, detail: 'the default MLP', validation: 1, pruned: false }
		]);
		expect(said).toEqual([`mlp: network 1 of ${AUTO_NETWORKS}: the default MLP`, 'linear']);
		expect(choice.reason).toMatch(/no other network can beat, so no other was tried\.$/);
	}, 240_000);

	it('a named family trains alone, with no choice recorded', async () => {
		const linear = await trainAutoModel(
			loadSample('diabetes.csv'),
			{
				targets: ['progression'],
				task: 'regression',
				family: 'linear',
				split: defaultSplit('regression', 'progression', 0.2, 42),
				settings: { seed: 42 }
			},
			CONTEXT
		);
		expect(linear.run.spec.family).toBe('linear');
		expect(linear.run.modelChoice).toBeUndefined();
	}, 240_000);
});
