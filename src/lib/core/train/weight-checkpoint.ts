// A copy of a model's weights held in memory: the best epoch so far, or the weights a run started from. A
// clone shares its data with the weight until the optimizer replaces it, so taking one is cheap.
import * as tf from '@tensorflow/tfjs';

export class WeightCheckpoint {
	private weights: tf.Tensor[] | null = null;
	/** The epoch the copy was taken after (0: before training). */
	epoch = -1;

	get isSet(): boolean {
		return this.weights !== null;
	}

	/** Replaces the held copy with the model's weights now, disposing the old copy. */
	take(model: tf.LayersModel, epoch: number): void {
		const copy = model.getWeights().map((w) => w.clone());
		this.dispose();
		this.weights = copy;
		this.epoch = epoch;
	}

	/** Holds `weights` (taken over: disposed with the copy) as the epoch's. */
	hold(weights: tf.Tensor[], epoch: number): void {
		this.dispose();
		this.weights = weights;
		this.epoch = epoch;
	}

	/** Puts the held copy into the model (the copy stays held). */
	restore(model: tf.LayersModel): void {
		if (this.weights) model.setWeights(this.weights);
	}

	dispose(): void {
		this.weights?.forEach((w) => w.dispose());
		this.weights = null;
		this.epoch = -1;
	}
}
