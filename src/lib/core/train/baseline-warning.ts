// "No better than guessing": a run's held-out metric against the baseline on the same rows (always the
// training majority class; always the training mean), and when it does not win clearly, the likely causes
// checked on this run's own history, settings and features, with what to try.
import { figure, type BaselineComparison, type RunWarning } from './run-warnings.ts';
import type { NetworkTask, TrainingArrays } from './training-data.ts';
import type { EpochRecord, StopReason, TrainSettings } from './types.ts';

/** Accuracy must close at least this share of the gap from the baseline to a perfect score… */
const CLASSIFICATION_GAP_SHARE = 0.1;
/** …and beat it by at least this much; R² must beat the mean's by this much (5 % of the variance). */
const MIN_ACCURACY_MARGIN = 0.01;
const MIN_R2_MARGIN = 0.05;
/** The training loss fell by less than this share over the run: the steps hardly moved the weights. */
const FLAT_LOSS_SHARE = 0.05;

/** Share of rows holding the training majority class: the accuracy of always answering it. */
export function majorityAccuracy(train: TrainingArrays, scored: TrainingArrays): number {
	const counts = new Float64Array(train.outputSize);
	for (let i = 0; i < train.n; i++) counts[train.labels![i]!]!++;
	let majority = 0;
	for (let c = 1; c < counts.length; c++) if (counts[c]! > counts[majority]!) majority = c;
	let hits = 0;
	for (let i = 0; i < scored.n; i++) if (scored.labels![i] === majority) hits++;
	return scored.n ? hits / scored.n : 0;
}

/** R² on the scored rows of always answering the training mean, averaged over outputs (0 or a little less). */
export function meanR2(train: TrainingArrays, scored: TrainingArrays): number {
	const k = train.outputSize;
	let total = 0;
	for (let j = 0; j < k; j++) {
		let trainSum = 0;
		for (let i = 0; i < train.n; i++) trainSum += train.y[i * k + j]!;
		const guess = trainSum / train.n;
		let sum = 0;
		for (let i = 0; i < scored.n; i++) sum += scored.y[i * k + j]!;
		const mean = sum / scored.n;
		let residual = 0;
		let spread = 0;
		for (let i = 0; i < scored.n; i++) {
			const y = scored.y[i * k + j]!;
			residual += (y - guess) ** 2;
			spread += (y - mean) ** 2;
		}
		total += spread > 0 ? 1 - residual / spread : 0;
	}
	return total / k;
}

export interface RunEvidence {
	task: NetworkTask;
	targets: readonly string[];
	/** The training rows, targets in their own units. */
	train: TrainingArrays;
	/** The held-out rows the metric was computed on. */
	scored: TrainingArrays;
	split: 'validation' | 'test';
	/** accuracy (classification) or r2 (regression) on the scored rows. */
	metric: number;
	history: readonly EpochRecord[];
	bestEpoch: number;
	stopReason: StopReason;
	settings: TrainSettings;
	/** The feature warnings found before training (scale, constant, leak). */
	featureWarnings: readonly RunWarning[];
}

export function compareWithBaseline(evidence: RunEvidence): BaselineComparison {
	const { task, train, scored, split, metric } = evidence;
	if (task === 'classification') {
		const baseline = majorityAccuracy(train, scored);
		const needed = Math.min(
			1,
			baseline + Math.max(MIN_ACCURACY_MARGIN, CLASSIFICATION_GAP_SHARE * (1 - baseline))
		);
		return { metric: 'accuracy', split, model: metric, baseline, needed };
	}
	const baseline = meanR2(train, scored);
	return { metric: 'r2', split, model: metric, baseline, needed: baseline + MIN_R2_MARGIN };
}

/** The causes this run's evidence points at, and what to try for each. */
function diagnose(
	evidence: RunEvidence,
	comparison: BaselineComparison
): { causes: string[]; tryThis: string[] } {
	const { history, settings, bestEpoch, stopReason, featureWarnings } = evidence;
	const causes: string[] = [];
	const tryThis: string[] = [];
	const kinds = new Set(featureWarnings.map((w) => w.kind));
	for (const warning of featureWarnings) {
		if (
			warning.kind === 'feature-scale' ||
			(warning.kind === 'constant-features' && warning.severity === 'warning')
		) {
			causes.push(warning.message);
			tryThis.push(...warning.tryThis);
		}
	}
	if (stopReason === 'diverged') {
		causes.push('The loss became NaN or infinite: the steps were too large.');
		tryThis.push(`Lower the learning rate to ${figure(settings.learningRate / 10)}.`);
	}
	const losses = history.map((h) => h.loss).filter(Number.isFinite);
	if (losses.length >= 2) {
		const [first, last] = [losses[0]!, losses[losses.length - 1]!];
		const peak = Math.max(...losses.slice(1));
		if (last > first || peak > first * 1.5) {
			causes.push(
				`The training loss rose or jumped (epoch 1: ${figure(first)}, highest later: ${figure(peak)}, last: ${figure(last)}): the learning rate ${figure(settings.learningRate)} may be too high.`
			);
			tryThis.push(`Lower the learning rate to ${figure(settings.learningRate / 10)}.`);
		} else if (first - last < FLAT_LOSS_SHARE * Math.abs(first)) {
			causes.push(
				`The training loss hardly fell (${figure(first)} → ${figure(last)}): the learning rate ${figure(settings.learningRate)} may be too low, or the features say little about the target.`
			);
			tryThis.push(
				`Raise the learning rate to ${figure(settings.learningRate * 3)}, or train for more epochs.`
			);
		}
	}
	if (history.length >= settings.epochs && bestEpoch >= history.length - 1) {
		causes.push(
			`The run used all ${settings.epochs} epochs and was still improving at the end: too few epochs.`
		);
		tryThis.push(`Train for ${settings.epochs * 3} epochs.`);
	}
	if (bestEpoch === 1 && history.length > 1) {
		causes.push(
			'The weights of epoch 1 were kept: the validation loss only got worse after the first epoch, which points at steps too large or a model that memorises.'
		);
		tryThis.push(
			`Lower the learning rate to ${figure(settings.learningRate / 10)}, or use the linear model.`
		);
	}
	const best = history.find((h) => h.epoch === bestEpoch) ?? history[history.length - 1];
	const trainMetric = best?.metric;
	if (trainMetric !== undefined && Number.isFinite(trainMetric)) {
		const name = comparison.metric === 'accuracy' ? 'accuracy' : 'R²';
		// On its own training rows the baseline scores the majority share, or R² 0 for the training mean.
		const trainBaseline =
			comparison.metric === 'accuracy' ? majorityAccuracy(evidence.train, evidence.train) : 0;
		const trainNeeded =
			comparison.metric === 'accuracy'
				? trainBaseline + Math.max(MIN_ACCURACY_MARGIN, CLASSIFICATION_GAP_SHARE * (1 - trainBaseline))
				: MIN_R2_MARGIN;
		if (trainMetric < trainNeeded) {
			causes.push(
				`On its own training rows the model reaches ${name} ${figure(trainMetric)}, no better than the baseline either: the features may carry no signal about ${evidence.targets.join(', ')} (a shuffled or random target looks like this).`
			);
			tryThis.push(
				evidence.targets.length === 1
					? `Check that ${evidence.targets[0]} is the column you mean to predict and that the features can explain it; add or derive features that relate to it.`
					: `Check that ${evidence.targets.join(', ')} are the columns you mean to predict and that the features can explain them; add or derive features that relate to them.`
			);
		} else if (trainMetric - comparison.model > 0.2) {
			causes.push(
				`The model fits its training rows (${name} ${figure(trainMetric)}) far better than the ${comparison.split} rows (${figure(comparison.model)}): it memorises instead of generalising, or the training rows differ from the held-out ones.`
			);
			tryThis.push('Use a simpler model (the linear model, or a smaller network), or get more rows.');
		}
	}
	if (kinds.has('target-leak')) {
		causes.push(
			'A feature nearly equals the target on the training rows but the held-out score is poor: the two may differ between splits (a leak).'
		);
	}
	if (causes.length === 0) {
		causes.push(
			'None of the usual causes showed on this run (scaling, epochs, learning rate, the loss curve).'
		);
		tryThis.push(`Check that the features can explain ${evidence.targets.join(', ')}; try the linear model.`);
	}
	return { causes, tryThis: [...new Set(tryThis)] };
}

/** The warning for a run that does not beat the baseline clearly; null for a run that does. */
export function baselineWarning(evidence: RunEvidence): RunWarning | null {
	if (!Number.isFinite(evidence.metric) && evidence.stopReason !== 'diverged') return null;
	const comparison = compareWithBaseline(evidence);
	if (Number.isFinite(comparison.model) && comparison.model >= comparison.needed) return null;
	const { causes, tryThis } = diagnose(evidence, comparison);
	const name = comparison.metric === 'accuracy' ? 'accuracy' : 'R²';
	const against =
		comparison.metric === 'accuracy'
			? `${figure(comparison.baseline)} for always answering the most common class`
			: `${figure(comparison.baseline)} for always answering the training mean`;
	return {
		kind: 'no-better-than-baseline',
		severity: 'warning',
		message: `No better than guessing: ${comparison.split} ${name} ${figure(comparison.model)} against ${against} (a clear win needs at least ${figure(comparison.needed)}).`,
		causes,
		tryThis,
		comparison
	};
}

/** The advice for a run whose loss became NaN or infinite, shown wherever the run's warnings are. */
export function divergedWarning(
	message: string | undefined,
	settings: TrainSettings,
	featureWarnings: readonly RunWarning[]
): RunWarning {
	const unscaled = featureWarnings.find((w) => w.kind === 'feature-scale');
	return {
		kind: 'diverged',
		severity: 'warning',
		message: message ?? 'The loss became NaN or infinite: the run kept its last good weights.',
		causes: ['The steps were too large for these numbers.', ...(unscaled ? [unscaled.message] : [])],
		tryThis: [
			`Lower the learning rate to ${figure(settings.learningRate / 10)}.`,
			...(unscaled ? unscaled.tryThis : ['Check that every number in the recipe is scaled.'])
		]
	};
}
