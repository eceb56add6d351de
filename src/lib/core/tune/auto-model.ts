// `benchtop train --model auto`: a small, fast AutoML search. As before, the linear model and a network are
// trained on the same split, seed and recipe and the better one on the validation rows is kept by the same
// rule (core/train/choose-model.ts: ties and thin gains keep the linear model). What changed is the network
// candidate: it is the best of AUTO_NETWORKS seeded MLPs (the default MLP first, then variants drawn from
// AUTO_SPACE with the run's seed), and successive halving stops a variant at 5, 15 and 45 epochs when its
// best validation score so far is below what the best earlier candidate had at that epoch, so most
// variants cost a few epochs. Every candidate trains on the run's own split (the loop's held-back
// validation rows are the rows compared on), so the kept candidate's run is the run: nothing is retrained.
// The same seed gives the same candidates, the same prunings and the same winner. A network already at the
// top score (validation accuracy or R² of 1: iris, penguins) cannot be beaten, so no variant is trained then
// and `auto` costs what it did before the search.
import type { ModelFamily } from '../models/types.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { keepChosen, pickModel, validationFigure, type NetworkTrial } from '../train/choose-model.ts';
import { runTraining, type TrainingContext, type TrainingOutcome } from '../train/run-training.ts';
import { TrainControl } from '../train/train-control.ts';
import type { TrainingRequest } from '../train/training-request.ts';
import { prunedAt, rungEpochs, type RungCheck } from './halving.ts';
import { sampleRandom } from './random-sampler.ts';
import type { SearchSpace, TrialParams } from './space.ts';
import { hiddenLayers } from './trial-request.ts';

/** MLPs tried for the network candidate: the default one and three seeded variants. */
export const AUTO_NETWORKS = 4;

/** Where the variants are drawn from: sizes around the default MLP's and learning rates around Adam's. */
export const AUTO_SPACE: SearchSpace = {
	params: {
		layers: { type: 'int', low: 1, high: 2, log: false, steps: 2 },
		units: { type: 'choice', options: [16, 32, 64, 128] },
		learningRate: { type: 'real', low: 3e-3, high: 3e-2, log: true, steps: 3 }
	}
};

/** Candidate `n`'s values (0: the default MLP, no values). */
export function autoNetworkParams(seed: number, n: number): TrialParams | null {
	return n === 0 ? null : sampleRandom(AUTO_SPACE, seed, n);
}

/** The top of accuracy and R²: a variant must score above the leader to replace it. */
const perfect = (value: number | null) => value !== null && value >= 1;

/** The rung checks from the best curve so far: stop where a variant is behind it. */
function leaderRungs(leader: readonly number[], maxEpochs: number): RungCheck[] {
	return rungEpochs(maxEpochs)
		.filter((epoch) => leader.length >= epoch && Number.isFinite(leader[epoch - 1]))
		.map((epoch) => ({ epoch, threshold: leader[epoch - 1]! }));
}

/** Best validation score up to each epoch. */
function bestCurve(outcome: TrainingOutcome): number[] {
	let best = -Infinity;
	return outcome.run.history.map((epoch) => {
		if (epoch.valMetric !== undefined && epoch.valMetric > best) best = epoch.valMetric;
		return best;
	});
}

function describeParams(params: TrialParams | null): string {
	if (!params) return 'the default MLP';
	const units = Number(params.units);
	const layers = Number(params.layers);
	return `${Array.from({ length: layers }, () => units).join('×')} units, learning rate ${Number(params.learningRate).toPrecision(2)}`;
}

export interface AutoContext extends TrainingContext {
	/** Said as each candidate starts: the family, and for a network its number and what it is. */
	onCandidate?: (family: ModelFamily, detail?: string) => void;
}

/**
 * The `auto` model with the small search: a request that names its model trains just that; an image table
 * (a CNN) or clustering trains its one default; otherwise the networks, then the linear model, then the rule. The run keeps `modelChoice` with the network trials in it (`networks`).
 */
export async function trainAutoModel(
	input: PrepTable,
	request: TrainingRequest,
	context: AutoContext
): Promise<TrainingOutcome> {
	if ((request.family !== undefined && request.family !== 'auto') || request.spec !== undefined)
		return runTraining(input, request, context);
	const { onCandidate, ...base } = context;
	onCandidate?.('mlp', `network 1 of ${AUTO_NETWORKS}: the default MLP`);
	const first = await runTraining(input, { ...request, family: 'auto' }, base);
	if (first.run.spec.family !== 'mlp' || first.run.task === 'clustering') return first;

	const seed = first.run.seed;
	const maxEpochs = first.run.settings.epochs;
	const trials: NetworkTrial[] = [];
	const figureOf = (o: TrainingOutcome) => validationFigure(o).validation;
	let best = first;
	let bestNetwork = 1;
	let bestCurveSoFar = bestCurve(first);
	let totalMs = first.run.durationMs;
	trials.push({ network: 1, detail: describeParams(null), validation: figureOf(first), pruned: false });
	// Said once, for the first network: the others train on the same prepared rows.
	const quiet = { ...base, onWarnings: undefined };
	try {
		for (let n = 1; n < AUTO_NETWORKS && !perfect(figureOf(best)); n++) {
			const params = autoNetworkParams(seed, n)!;
			onCandidate?.('mlp', `network ${n + 1} of ${AUTO_NETWORKS}: ${describeParams(params)}`);
			const rungs = leaderRungs(bestCurveSoFar, maxEpochs);
			const control = new TrainControl();
			let running = -Infinity;
			let pruned = false;
			const outcome = await runTraining(
				input,
				{
					...request,
					family: 'mlp',
					spec: { family: 'mlp', task: first.run.task, layers: hiddenLayers(params) },
					settings: { ...(request.settings ?? {}), learningRate: Number(params.learningRate) }
				},
				{
					...quiet,
					control,
					onProgress: (progress) => {
						base.onProgress?.(progress);
						const end = progress.epochEnd;
						if (!end) return;
						if (end.valMetric !== undefined && end.valMetric > running) running = end.valMetric;
						if (!pruned && prunedAt(rungs, end.epoch, running)) {
							pruned = true;
							control.stop();
						}
					}
				}
			);
			const value = figureOf(outcome);
			totalMs += outcome.run.durationMs;
			trials.push({ network: n + 1, detail: describeParams(params), validation: value, pruned });
			const bestValue = figureOf(best);
			if (!pruned && value !== null && (bestValue === null || value > bestValue)) {
				best.model?.dispose();
				best = outcome;
				bestNetwork = n + 1;
				bestCurveSoFar = bestCurve(outcome);
			} else outcome.model?.dispose();
		}
	} catch (error) {
		best.model?.dispose();
		throw error;
	}

	let linear: TrainingOutcome;
	try {
		onCandidate?.('linear');
		linear = await runTraining(input, { ...request, family: 'linear' }, quiet);
		totalMs += linear.run.durationMs;
	} catch (error) {
		best.model?.dispose();
		throw error;
	}
	const metric = best.run.task === 'classification' ? 'accuracy' : 'r2';
	const picked = pickModel(validationFigure(linear), validationFigure(best), metric);
	const winner = trials[bestNetwork - 1]!;
	const stopped = trials.filter((t) => t.pruned).length;
	const reason =
		trials.length === 1
			? `${picked.reason} The default MLP scored the top validation figure (1), which no other network can beat, so no other was tried.`
			: `${picked.reason} The network was the best of ${trials.length} MLPs (seed ${seed}): network ${winner.network}, ${winner.detail}` +
				(stopped ? `; ${stopped} stopped early by successive halving.` : '.');
	const choice = { ...picked, reason, networks: trials };
	// Every candidate's time counts: that is what `auto` cost.
	return keepChosen(linear, best, choice, totalMs);
}
