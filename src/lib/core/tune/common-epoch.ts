// One epoch for every fold of a cross-validated trial. Each fold's run stops early on its own held-out rows
// and keeps the epoch those rows liked best, so the folds' mean of those best scores is the mean of five
// lucky picks: the noisier a configuration's curve, the more it flatters it. Measured on diabetes (353
// search rows, 5 folds of ~70): the winners' 5-fold scores were 0.53-0.54 R² and their test figures
// 0.34-0.46, while scikit-learn's RandomizedSearchCV, which stops on the training loss, scored 0.48-0.49 and
// tested 0.42-0.54 on the same rows. As xgboost.cv and lightgbm.cv choose their rounds, the trial's epoch is
// the one where the folds' mean validation loss is lowest (the loss early stopping watches: accuracy
// saturates, and its first epoch at 1.0 is an undertrained network). The refit trains that many epochs.
//
// The epoch is judged with its neighbours (EPOCH_WINDOW either side): the refit trains on other rows in
// another order, so it lands near that point of its own curve, not on the folds' luckiest epoch. A single
// epoch was still a pick among hundreds: penguins' seed-42 winner (Adam at 0.029) had every fold at
// accuracy 1.0 on epoch 17 while one fold swung between 0.945 and 1.0 from epoch to epoch around it; its
// refit for 17 epochs missed 2 of 69 test rows. Its score is the folds' mean metric over the same window.
// Mean test figure of 40-trial TPE searches over the reference tables' five outer splits, one epoch against
// five: wine 0.9722 → 0.9778, penguins 0.9797 → 0.9855, diabetes 0.4597 both, Friedman 0.9417 → 0.9403.

/** One fold's epoch as the pick reads it: the validation loss and metric (undefined where not scored). */
export interface FoldEpoch {
	loss: number | undefined;
	metric: number | undefined;
}

/** The common epoch: its index, the folds' mean metric around it and each fold's mean metric around it. */
export interface CommonEpoch {
	index: number;
	value: number;
	values: number[];
}

/** Counted epochs on either side of an epoch that its score averages over. */
export const EPOCH_WINDOW = 2;

const finite = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** The folds at one epoch: each fold's metric and loss, or null where a fold did not score it. */
interface EpochAcrossFolds {
	index: number;
	metrics: number[];
	losses: number[] | null;
}

/**
 * `folds`: each fold's epochs in order. Only the epochs every fold reached and scored count (each fold ran
 * past its own best by the patience, so the minima are in range). Of the runs of 2 × `window` + 1
 * consecutive counted epochs (all of them when fewer count), the one of lowest mean loss wins, ties to the
 * earlier; without losses, the one of highest mean metric. Its middle epoch is the pick, its mean metric the
 * score. Null when no epoch counts.
 */
export function commonEpoch(
	folds: readonly (readonly FoldEpoch[])[],
	window = EPOCH_WINDOW
): CommonEpoch | null {
	if (folds.length === 0) return null;
	const length = Math.min(...folds.map((f) => f.length));
	const byLoss = folds.every((f) => f.slice(0, length).some((e) => finite(e.loss)));
	const counted: EpochAcrossFolds[] = [];
	for (let index = 0; index < length; index++) {
		const at = folds.map((f) => f[index]!);
		const metrics = at.map((e) => e.metric);
		const losses = at.map((e) => e.loss);
		if (!metrics.every(finite) || (byLoss && !losses.every(finite))) continue;
		counted.push({ index, metrics, losses: byLoss ? (losses as number[]) : null });
	}
	if (counted.length === 0) return null;
	// Windows of `width` consecutive counted epochs, each standing for its middle epoch. Near the ends this
	// keeps every window as wide, rather than judging a first or last epoch on fewer neighbours (a less
	// averaged, so luckier, pick).
	const width = Math.min(counted.length, 2 * window + 1);
	let best: (CommonEpoch & { key: number }) | null = null;
	for (let start = 0; start + width <= counted.length; start++) {
		const near = counted.slice(start, start + width);
		const values = folds.map((_, fold) => mean(near.map((e) => e.metrics[fold]!)));
		const key = byLoss ? -mean(near.map((e) => mean(e.losses!))) : mean(values);
		const index = near[Math.floor((width - 1) / 2)]!.index;
		if (best === null || key > best.key) best = { index, value: mean(values), values, key };
	}
	return { index: best!.index, value: best!.value, values: best!.values };
}
